package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.examples.TestFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes a user makes on the command line, each refused or warned about with a CLI-worded message. */
class GuardsTest {
  private static final String GOOD = "0000000111_20240310_OMP-01_000000000000301_20240310120000000_01_1";

  @TempDir Path work;
  private Path dated;
  private Path undated;

  /** The folder above two roots, as a backup volume holds them: work/backup/root-dated, work/backup/root-undated. */
  @BeforeEach
  void storage() throws IOException {
    Path cases = CliRun.fixtures().resolve("search-cases-public");
    dated = TestFixtures.copyTree(cases.resolve("root-dated"), work.resolve("backup/root-dated"));
    undated = TestFixtures.copyTree(cases.resolve("root-undated"), work.resolve("backup/root-undated"));
    Files.writeString(work.resolve("backup/README.txt"), "nightly copy", StandardCharsets.UTF_8);
  }

  @Test
  void anIndexInsideAStorageRootIsRefusedAndTheStorageStaysByteIdentical() throws Exception {
    Map<String, String> before = digests(work.resolve("backup"));

    CliRun same = CliRun.main("index", "--index", dated.toString(), dated.toString(), undated.toString());
    CliRun below = CliRun.main("index", "--index", dated.resolve("idx").toString(), dated.toString());

    for (CliRun run : List.of(same, below)) {
      assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
      assertThat(run.err()).startsWith("ssmix2 index: the index folder ").contains("is inside the storage root")
          .contains("a storage is never written to").contains("--index " + work.toRealPath().resolve("backup")
              .resolve("ssmix2-index"))
          .doesNotContain("Exception", "\tat ");
      assertThat(run.out()).isEmpty();
    }
    assertThat(digests(work.resolve("backup"))).isEqualTo(before);
  }

  @Test
  void anIndexReachedThroughALinkIntoTheStorageIsRefusedToo() throws Exception {
    Path link = Files.createSymbolicLink(work.resolve("link"), dated);
    Map<String, String> before = digests(work.resolve("backup"));

    CliRun run = CliRun.main("index", "--index", link.resolve("idx").toString(), dated.toString());

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("is inside the storage root");
    assertThat(digests(work.resolve("backup"))).isEqualTo(before);
  }

  @Test
  void aStorageRootInsideTheIndexFolderIsRefused() {
    CliRun run = CliRun.main("index", "--index", work.toString(), dated.toString());

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 index: the storage root ").contains("is inside the index folder");
  }

  @Test
  void theFolderAboveTheRootsSuggestsThem() {
    for (String command : List.of("validate", "index")) {
      CliRun run = command.equals("index")
          ? CliRun.main("index", "--index", work.resolve("idx").toString(), work.resolve("backup").toString())
          : CliRun.main("validate", work.resolve("backup").toString());

      assertThat(run.exit()).as(command).isEqualTo(Main.EXIT_USAGE);
      assertThat(run.err()).as(command).startsWith("ssmix2 " + command + ": ")
          .contains("is the folder above the storage roots")
          .contains("did you mean root-dated/ and root-undated/?")
          .contains(work.resolve("backup/root-dated") + " " + work.resolve("backup/root-undated"));
      assertThat(run.out()).as(command).doesNotContain("bad-date-folder");
    }
    assertThat(work.resolve("idx")).doesNotExist();
  }

  @Test
  void aFolderThatIsNotAStorageIsAUsageError() throws IOException {
    Path notes = Files.createDirectories(work.resolve("notes/drafts"));
    Files.writeString(work.resolve("notes/todo.txt"), "x");
    Files.writeString(notes.resolve("a.txt"), "x");

    CliRun validate = CliRun.main("validate", work.resolve("notes").toString());
    CliRun index = CliRun.main("index", "--index", work.resolve("idx").toString(), work.resolve("notes").toString());

    for (CliRun run : List.of(validate, index)) {
      assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
      assertThat(run.err()).contains("is not an SS-MIX2 storage: it holds drafts/, todo.txt but no patient folders")
          .contains("000/000/0000000777/");
    }
  }

  @Test
  void aFolderInsideAStorageNamesTheRoot() throws IOException {
    CliRun run = CliRun.main("validate", dated.resolve("000").toString());

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("is a folder inside the storage whose root is " + dated.toRealPath());
  }

  @Test
  void anEmptyStorageWarnsAndExitsZero() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    Files.writeString(empty.resolve(".DS_Store"), "x");
    Path skeleton = Files.createDirectories(work.resolve("skeleton/000/000"));

    CliRun validate = CliRun.main("validate", empty.toString());
    CliRun validateSkeleton = CliRun.main("validate", work.resolve("skeleton").toString());
    CliRun index = CliRun.main("index", "--index", work.resolve("idx").toString(), empty.toString());

    for (CliRun run : List.of(validate, validateSkeleton, index)) {
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.err()).contains("warning: the storage is empty (no patient folders in ");
    }
    assertThat(skeleton).isDirectory();
    assertThat(index.out()).contains("0 in the index");
  }

  @Test
  void theSameRootTwiceIsReadOnce() {
    String again = dated.resolve("../root-dated").toString();

    CliRun validate = CliRun.main("validate", "--json", dated.toString(), again);
    CliRun once = CliRun.main("validate", "--json", dated.toString());
    CliRun index = CliRun.main("index", "--index", work.resolve("idx").toString(), dated.toString(), again,
        undated.toString());

    assertThat(validate.err()).contains("warning: " + again + " is the same folder as " + dated + "; reading it once");
    assertThat(validate.out()).isEqualTo(once.out());
    assertThat(index.exit()).as(index.err()).isZero();
    assertThat(index.err()).contains("is the same folder as");
    assertThat(index.out()).contains("roots       [" + dated.toAbsolutePath().normalize() + ", "
        + undated.toAbsolutePath().normalize() + "]");
  }

  @Test
  void bindingAnotherAddressWithoutUsersNamesTheCommandsToRun() throws IOException {
    Path idx = work.resolve("idx");
    assertThat(CliRun.main("index", "--index", idx.toString(), dated.toString()).exit()).isZero();

    CliRun run = CliRun.main("serve", "--index", idx.toString(), "--port", "0", "--bind", "0.0.0.0");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 serve: --bind 0.0.0.0 ")
        .contains("ssmix2 useradd --users FILE NAME").contains("--users FILE")
        .doesNotContain("UserStore", "Exception");
  }

  @Test
  void javaClassNamesNeverReachTheUser() {
    assertThat(Main.describe(new UncheckedIOException(new NoSuchFileException("/backup/x"))))
        .isEqualTo("/backup/x: no such file or folder");
    assertThat(Main.describe(new FileSystemException("/backup/x", null, "Read-only file system")))
        .isEqualTo("/backup/x: Read-only file system");
    assertThat(Main.describe(new IllegalStateException(
        "/out: cannot create the output folder: java.nio.file.FileSystemException: /out/storage: Not a directory")))
        .isEqualTo("/out: cannot create the output folder: /out/storage: Not a directory");
    assertThat(Main.describe(new IllegalStateException("cannot write: java.nio.file.NoSuchFileException: /a")))
        .isEqualTo("cannot write: no such file or folder: /a");
    assertThat(Main.describe(new NullPointerException())).doesNotContain("NullPointer")
        .contains("SSMIX2_DEBUG=1");
  }

  @Test
  void generateIntoAFileSaysWhyInCliWords() throws IOException {
    Path file = Files.writeString(work.resolve("a-file"), "x");

    CliRun run = CliRun.main("generate", "--out", file.resolve("sub").toString(), "--patients", "1");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 generate: ").doesNotContainPattern("java\\.|Exception");
  }

  @Test
  void ssmix2DebugKeepsTheStackTrace() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "x");
    String[] args = {"demo", "--no-serve", "--workdir", file.toString(), "--patients", "1"};

    Process plain = java(Map.of(), args);
    Process debug = java(Map.of("SSMIX2_DEBUG", "1"), args);
    String plainErr = new String(plain.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String debugErr = new String(debug.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(plain.waitFor(60, TimeUnit.SECONDS) && plain.exitValue() == Main.EXIT_USAGE).as(plainErr).isTrue();
    assertThat(debug.waitFor(60, TimeUnit.SECONDS) && debug.exitValue() == Main.EXIT_USAGE).as(debugErr).isTrue();
    assertThat(plainErr).startsWith("ssmix2 demo: ").doesNotContain("\tat ", "Exception");
    assertThat(debugErr).startsWith("ssmix2 demo: ").contains("\tat ");
  }

  private static Process java(Map<String, String> env, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().remove("SSMIX2_DEBUG");
    pb.environment().putAll(env);
    return pb.start();
  }


  /** Every file and folder under {@code dir} with the SHA-256 of its bytes (folders as "dir"). */
  private static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
            : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
      }
    }
    return m;
  }
}
