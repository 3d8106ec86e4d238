package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and {@code index} of a storage holding a 50 MB garbage file, in a JVM limited to 512 MB of heap:
 * both finish, name the file and its reason, and handle the rest of the storage. Another JVM, because the limit is the
 * point; it runs the CLI's main class from this test's class path.
 */
class LowMemoryRunTest {
  private static final String GOOD = "0000000111_20240310_OMP-01_000000000000301_20240310120000000_01_1";
  private static final String GARBAGE = "0000000111_20240310_OMP-01_000000000000302_20240310120000000_01_1";

  @TempDir Path tmp;

  @Test
  void validateAndIndexOfA50MbGarbageFileFinishAt512Mb() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("root/000/000/0000000111/20240310/OMP-01"));
    Files.copy(CliRun.fixtures().resolve("search-cases-public/root-dated/000/000/0000000111/20240310/OMP-01/" + GOOD),
        folder.resolve(GOOD));
    Random random = new Random(50);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(folder.resolve(GARBAGE))) {
      for (int i = 0; i < 50; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    Path root = tmp.resolve("root");

    Run validate = run("validate", "--json", root.toString());
    assertThat(validate.exit()).as(validate.err()).isEqualTo(1);
    assertThat(validate.out()).contains(GARBAGE, "undecodable-bytes").doesNotContain("OutOfMemory");

    Run index = run("index", "--index", tmp.resolve("index").toString(), root.toString());
    assertThat(index.exit()).as(index.err()).isZero();
    assertThat(index.out()).contains("1 in the index", "undecodable-bytes", GARBAGE);
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("ssmix2 " + String.join(" ", args) + " did not finish in 3 minutes");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
