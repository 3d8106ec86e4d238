package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.index.search.PatientHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: another JVM updating the index is killed with {@code destroyForcibly()} (SIGKILL) mid-run. The index
 * must still open at its last commit, and the next update must complete it into exactly what a clean full build gives.
 */
class CrashRecoveryTest {
  private static final long SEED = 20240601L;
  private static final int BEFORE = 120;
  private static final int AFTER = 600;

  @TempDir Path work;

  @Test
  void killedUpdateLeavesTheLastCommitAndTheNextUpdateEqualsACleanBuild() throws Exception {
    GenerationSummary generated = SyntheticStorage.builder().patients(AFTER).seed(SEED).profile(Profile.SMALL)
        .clean(true).build().generate(work.resolve("generated"), dev.ssmix2.core.ProgressListener.none());
    assertThat(generated.files()).as("a few thousand files").isGreaterThan(2_000);
    List<PatientFolder> patients = patients(generated.roots());
    Path root = work.resolve("storage");
    List<Path> roots = List.of(root);
    copy(patients.subList(0, BEFORE), root);
    Path indexDir = work.resolve("index");
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(Storage.open(roots), ProgressListener.none());
    }
    copy(patients.subList(BEFORE, AFTER), root); // the storage grows; the next update is killed midway

    Process child = startIndexer(indexDir, BEFORE + 150, roots);
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the indexer reports progress before it is killed").startsWith("progress ");
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (PatientIndex clean = PatientIndex.open(work.resolve("clean"));
        PatientIndex index = PatientIndex.open(indexDir)) {
      assertThat(index.patientCount()).as("the last commit").isEqualTo(BEFORE);
      PatientId known = patients.get(0).patientId();
      String name = index.patient(known).orElseThrow().name();
      assertThat(index.search(name, 50)).extracting(PatientHit::patientId).contains(known);

      IndexReport next = index.update(Storage.open(roots), ProgressListener.none());
      clean.update(Storage.open(roots), ProgressListener.none());
      assertThat(next.rebuilt()).isFalse();
      assertThat(next.filesUnchanged()).as("the committed patients are not read again")
          .isEqualTo(fileCount(patients.subList(0, BEFORE)));
      assertThat(next.filesIndexed()).isEqualTo(fileCount(patients.subList(BEFORE, AFTER)));
      assertThat(next.patients()).isEqualTo(clean.patientCount()).isEqualTo(AFTER);
      assertThat(index.patientCount()).isEqualTo(AFTER);
      List<String> queries = queries(clean, sample(patients, 97));
      assertThat(results(index, queries)).isEqualTo(results(clean, queries));
      for (PatientId id : sample(patients, 50)) {
        assertThat(index.records(id, true)).isEqualTo(clean.records(id, true));
        assertThat(index.patient(id)).isEqualTo(clean.patient(id));
      }
    }
  }

  private static Process startIndexer(Path indexDir, int gate, List<Path> roots) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"),
        CrashingIndexer.class.getName(),
        indexDir.toString(),
        Integer.toString(gate)));
    roots.forEach(r -> cmd.add(r.toString()));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static List<PatientFolder> patients(List<Path> roots) {
    try (Stream<PatientFolder> s = Storage.open(roots).patients(e -> { })) {
      return s.sorted(Comparator.comparing((PatientFolder f) -> f.patientId().value())).toList();
    }
  }

  private static void copy(List<PatientFolder> patients, Path root) throws IOException {
    for (PatientFolder p : patients) {
      for (StorageFile f : p.files()) {
        Path target = root.resolve(f.relativePath());
        Files.createDirectories(target.getParent());
        Files.copy(f.path(), target);
      }
    }
  }

  private static long fileCount(List<PatientFolder> patients) {
    return patients.stream().mapToLong(p -> p.files().size()).sum();
  }

  /** Every {@code step}-th patient. */
  private static List<PatientId> sample(List<PatientFolder> patients, int step) {
    List<PatientId> out = new ArrayList<>();
    for (int i = 0; i < patients.size(); i += step) {
      out.add(patients.get(i).patientId());
    }
    return out;
  }

  /** Names, readings and IDs of sampled patients, typed as a nurse would. */
  private static List<String> queries(PatientIndex index, List<PatientId> ids) {
    List<String> out = new ArrayList<>();
    for (PatientId id : ids) {
      var p = index.patient(id).orElseThrow();
      out.add(p.name());
      if (!p.kana().isEmpty()) {
        out.add(p.kana());
      }
      out.add(id.value().replaceFirst("^0+", ""));
    }
    return out;
  }

  private static List<List<String>> results(PatientIndex index, List<String> queries) {
    List<List<String>> out = new ArrayList<>();
    for (String q : queries) {
      out.add(index.search(q, 20).stream()
          .map(h -> h.patientId().value() + " " + h.name() + " " + h.score() + " " + h.matchedLabels())
          .toList());
    }
    return out;
  }
}
