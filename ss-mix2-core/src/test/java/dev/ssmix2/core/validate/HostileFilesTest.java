package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ssmix2.core.hl7.DecodedText;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.UnplacedEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files an attacker or a broken copy leaves in a storage: each is a finding naming it, and the run goes on. */
class HostileFilesTest {
  private static final String ADT00 = "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1";
  private static final String LAB_DIR = "999/901/9999013/20111220/OML-11/";
  private static final String LAB = LAB_DIR + "9999013_20111220_OML-11_000000011000354_20111220103059000_01_1";
  private static final String OTHER = "999/901/9999013/20111220/OML-11/"
      + "9999013_20111220_OML-11_000000011000355_20111220103059000_01_1";

  @TempDir Path tmp;

  private Path storage() throws IOException {
    Path root = tmp.resolve("root");
    for (String rel : List.of(ADT00, LAB)) {
      Path to = root.resolve(rel);
      Files.createDirectories(to.getParent());
      Files.copy(Fixtures.nhoSample().resolve(rel), to);
    }
    return root;
  }

  private static List<Finding> validate(Path root) {
    List<Finding> out = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      Validator.validate(Storage.open(root), out::add, n -> { });
    });
    return out;
  }

  private static StorageFile file(Path root, String rel) {
    return Storage.open(root).files().filter(f -> f.relativePath().equals(rel)).findFirst().orElseThrow();
  }

  private static void mkfifo(Path p) throws Exception {
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not available");
      return;
    }
    Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
  }

  @Test
  void aFifoWithAValidNameIsReportedNotOpened() throws Exception {
    Path root = storage();
    mkfifo(root.resolve(OTHER));
    List<Finding> all = validate(root);
    assertThat(all).filteredOn(f -> f.path().equals(OTHER)).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.NOT_REGULAR_FILE));
    assertThat(all).filteredOn(f -> f.path().equals(ADT00)).isEmpty();
  }

  @Test
  void aFileSwappedForAFifoOrALinkAfterTheWalkIsNeverRead() throws Exception {
    Path root = storage();
    Path outside = tmp.resolve("outside.hl7");
    Files.copy(root.resolve(LAB), outside);
    StorageFile lab = file(root, LAB);
    Files.delete(root.resolve(LAB));
    mkfifo(root.resolve(LAB));
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> RecordReader.read(lab));
    assertThat(r).isInstanceOfSatisfying(ReadProblem.class,
        p -> assertThat(p.code()).isEqualTo(ReadProblem.Code.NOT_REGULAR_FILE));

    Files.delete(root.resolve(LAB));
    Files.createSymbolicLink(root.resolve(LAB), outside);
    assertThat(RecordReader.read(lab)).isInstanceOfSatisfying(ReadProblem.class,
        p -> assertThat(p.code()).isEqualTo(ReadProblem.Code.SYMBOLIC_LINK));
  }

  @Test
  void aFolderSwappedForALinkAfterTheWalkIsNotFollowed() throws Exception {
    Path root = storage();
    StorageFile lab = file(root, LAB);
    Path elsewhere = tmp.resolve("elsewhere");
    Files.move(root.resolve(LAB_DIR), elsewhere);
    Files.createSymbolicLink(root.resolve(LAB_DIR.substring(0, LAB_DIR.length() - 1)), elsewhere);
    assertThat(Files.exists(root.resolve(LAB))).isTrue(); // reachable through the link …
    assertThat(RecordReader.read(lab)).isInstanceOfSatisfying(ReadProblem.class, p -> {  // … but not read
      assertThat(p.code()).isEqualTo(ReadProblem.Code.SYMBOLIC_LINK);
      assertThat(p.reason()).contains("OML-11").doesNotContain(tmp.toString());
    });
  }

  @Test
  void aLinkInsideAnExtendedStorageContentFolderIsNotFollowed() throws Exception {
    Path root = storage();
    String folder = "999/901/9999013/20111220/TEXT^文書^L/9999013_20111220_TEXT^文書^L_000000000000001_20111220103059000_01_1";
    Path content = root.resolve(folder);
    Files.createDirectories(content);
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "MSH|^~\\&|secret line\r");
    Files.createSymbolicLink(content.resolve("main.hl7"), secret);
    StorageFile f = file(root, folder);
    assertThat(f.isContentFolder()).isTrue();
    assertThat(RecordReader.read(f)).isInstanceOfSatisfying(ReadProblem.class, p -> {
      assertThat(p.code()).isEqualTo(ReadProblem.Code.SYMBOLIC_LINK);
      assertThat(p.reason()).doesNotContain("secret line");
    });
  }

  @Test
  void aFileOverTheSizeLimitIsReportedNotRead() throws Exception {
    Path root = storage();
    StorageFile lab = file(root, LAB);
    long size = Files.size(root.resolve(LAB));
    assertThat(lab.readBytes(size)).hasSize((int) size);
    String old = System.getProperty("ssmix2.maxFileSize");
    System.setProperty("ssmix2.maxFileSize", String.valueOf(size - 1));
    try {
      assertThat(validate(root)).filteredOn(f -> f.path().equals(LAB)).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo(FindingCode.FILE_TOO_LARGE);
        assertThat(f.message()).contains(String.valueOf(size), "maximum file size");
      });
    } finally {
      if (old == null) {
        System.clearProperty("ssmix2.maxFileSize");
      } else {
        System.setProperty("ssmix2.maxFileSize", old);
      }
    }
  }

  @Test
  void aDeletedFileIsReportedWithoutTheServersPath() throws Exception {
    Path root = storage();
    StorageFile lab = file(root, LAB);
    Files.delete(root.resolve(LAB));
    assertThat(RecordReader.read(lab)).isInstanceOfSatisfying(ReadProblem.class, p -> {
      assertThat(p.code()).isEqualTo(ReadProblem.Code.UNREADABLE);
      assertThat(p.reason()).contains("no longer exists").doesNotContain(tmp.toString());
    });
  }

  @Test
  void garbageCostsBoundedMemoryPerReplacement() throws Exception {
    byte[] garbage = new byte[2_000_000];
    new Random(11).nextBytes(garbage);
    DecodedText d = Hl7Decoder.decode(garbage);
    assertThat(d.replacements()).hasSizeLessThanOrEqualTo(DecodedText.MAX_LISTED);
    assertThat(d.replacementCount()).isGreaterThan(100_000);
    Path root = storage();
    Files.write(root.resolve(OTHER), garbage);
    assertThat(validate(root)).filteredOn(f -> f.path().equals(OTHER)).singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.UNDECODABLE_BYTES));
  }

  @Test
  void aLabMessageWithThousandsOfObxSegmentsIsCheckedWithoutRecursion() throws Exception {
    Path root = storage();
    String lab = Files.readString(root.resolve(LAB), StandardCharsets.ISO_8859_1);
    String obx = lab.lines().filter(l -> l.startsWith("OBX")).findFirst().orElseThrow();
    String many = lab.strip() + "\r" + (obx + "\r").repeat(5000);
    Files.writeString(root.resolve(OTHER), many, StandardCharsets.ISO_8859_1);
    List<Finding> all = validate(root);
    assertThat(all.stream().filter(f -> f.path().equals(OTHER)).map(f -> f.code().id()).collect(Collectors.toSet()))
        .doesNotContain("segment-order", "unexpected-segment");
    assertThat(RecordReader.read(file(root, OTHER))).isInstanceOf(MessageRead.class);
  }

  @Test
  void theWalkPlacesNoFifo() throws Exception {
    Path root = storage();
    mkfifo(root.resolve(OTHER));
    assertThat(Storage.open(root).entries().filter(UnplacedEntry.class::isInstance).map(UnplacedEntry.class::cast))
        .singleElement().satisfies(u -> assertThat(u.problem()).isEqualTo(UnplacedEntry.Problem.NOT_REGULAR_FILE));
  }
}
