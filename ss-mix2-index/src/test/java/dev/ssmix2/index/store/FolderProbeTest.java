package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderRecorder} and {@link FolderProbe} together: what a probe notices after the storage changes. */
class FolderProbeTest {
  static final String PID = "0000000001";
  static final String OMP = "20240101/OMP-01/" + PID + "_20240101_OMP-01_123456789012345_20240101120000000_01_1";

  @TempDir Path root;
  Path patient;

  @BeforeEach
  void oneOldPatient() throws IOException {
    patient = root.resolve("000/000/" + PID);
    Files.createDirectories(patient.resolve(OMP).getParent());
    Files.writeString(patient.resolve(OMP), "MSH|^~\\&|\r");
    Files.createDirectories(patient.resolve("20240102/OML-11")); // empty: the walk yields nothing for it
    Files.writeString(patient.resolve("Thumbs.db"), "x");
    OldTimes.age(root);
  }

  FolderManifest record() {
    Storage storage = Storage.open(root);
    PatientFolder folder = storage.patient(PatientId.of(PID)).orElseThrow();
    return FolderRecorder.record(folder, storage.roots(), System.currentTimeMillis() * 1_000_000L);
  }

  boolean unchanged(FolderManifest m, ChangeDetection d) {
    return FolderProbe.unchanged(m, Storage.open(root).roots(), d);
  }

  @Test
  void recordsEveryFolderIncludingEmptyOnesAndTheStrays() {
    FolderManifest m = record();
    assertThat(m.parts()).singleElement().satisfies(p -> {
      assertThat(p.folder()).isEqualTo("000/000/" + PID);
      assertThat(p.folders()).extracting(FolderManifest.FolderTime::path)
          .containsExactly("", "20240101", "20240101/OMP-01", "20240102", "20240102/OML-11");
      assertThat(p.files()).extracting(FolderManifest.FileTime::path).containsExactly(OMP);
      assertThat(p.unplaced()).extracting(FolderManifest.Unplaced::path).containsExactly("Thumbs.db");
    });
    assertThat(unchanged(m, ChangeDetection.EVERY_FILE)).isTrue();
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).isTrue();
  }

  @Test
  void aNewVersionChangesTheDataTypeFolderTime() throws IOException {
    FolderManifest m = record();
    Path next = patient.resolve(OMP.replace("20240101120000000", "20240101130000000"));
    Files.writeString(next, "MSH|^~\\&|\r");
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).isFalse();
  }

  @Test
  void aFileWrittenIntoAFolderThatWasEmptyIsNoticed() throws IOException {
    FolderManifest m = record();
    Files.writeString(patient.resolve("20240102/OML-11/" + PID + "_20240102_OML-11_1_20240102120000000_01_1"), "x");
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).isFalse();
  }

  @Test
  void aRenameForAConditionFlagIsNoticed() throws IOException {
    FolderManifest m = record();
    Path file = patient.resolve(OMP);
    Files.move(file, file.resolveSibling(file.getFileName().toString().replaceFirst("_1$", "_2")));
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).isFalse();
  }

  @Test
  void aFileRewrittenInPlaceWithTheSameSizeIsNoticedOnlyWhenEveryFileIsChecked() {
    FolderManifest m = record();
    OldTimes.rewriteInPlace(patient.resolve(OMP));
    assertThat(unchanged(m, ChangeDetection.EVERY_FILE)).isFalse();
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).as("the documented trade-off").isTrue();
  }

  @Test
  void aNewSizeUnderAnUnchangedTimeIsNoticed() throws IOException {
    FolderManifest m = record();
    Path file = patient.resolve(OMP);
    FileTime time = Files.getLastModifiedTime(file);
    Files.writeString(file, "MSH|^~\\&|longer\r");
    Files.setLastModifiedTime(file, time);
    assertThat(unchanged(m, ChangeDetection.EVERY_FILE)).isFalse();
  }

  @Test
  void aRemovedPatientFolderIsNoticed() throws IOException {
    FolderManifest m = record();
    Files.delete(patient.resolve(OMP));
    Files.delete(patient.resolve("20240101/OMP-01"));
    assertThat(unchanged(m, ChangeDetection.FOLDER_TIMES)).isFalse();
  }

  @Test
  void folderTimesTooCloseToTheRunAreNotTrusted() throws IOException {
    Files.setLastModifiedTime(patient.resolve("20240102"), FileTime.fromMillis(System.currentTimeMillis()));
    Storage storage = Storage.open(root);
    FolderManifest m = FolderRecorder.record(storage.patient(PatientId.of(PID)).orElseThrow(), storage.roots(),
        (System.currentTimeMillis() - Updater.TRUST_MARGIN_MILLIS) * 1_000_000L);
    assertThat(m.parts().get(0).folders()).filteredOn(f -> f.path().equals("20240102"))
        .singleElement().extracting(FolderManifest.FolderTime::modifiedNanos).isEqualTo(FolderManifest.UNTRUSTED);
    assertThat(unchanged(m, ChangeDetection.EVERY_FILE)).as("walked again next time").isFalse();
  }
}
