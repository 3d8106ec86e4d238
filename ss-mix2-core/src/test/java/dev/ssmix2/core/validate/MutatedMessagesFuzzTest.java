package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of every fixture message (bit flips, cut, duplicated and shuffled segments, delimiter storms, long
 * escapes, control characters, deep repetition): reading and validating never throws, and every file ends either as a
 * record or as a finding that names it.
 */
class MutatedMessagesFuzzTest {
  private static final long SEED = 20261127L;
  private static final int ROUNDS = 2500;

  @TempDir Path tmp;

  @Test
  void noMutatedMessageEscapesAsAnException() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<StorageFile> files = Storage.open(Fixtures.nhoSample()).files()) {
      files.forEach(f -> seeds.add(f.readBytes()));
    }
    try (Stream<StorageFile> files = Fixtures.searchCaseStorage().files()) {
      files.forEach(f -> seeds.add(f.readBytes()));
    }
    String rel = "999/901/9999013/20111220/OML-11/9999013_20111220_OML-11_000000011000354_20111220103059000_01_1";
    Path root = tmp.resolve("root");
    Path path = root.resolve(rel);
    Files.createDirectories(path.getParent());
    Files.write(path, seeds.get(0));
    StorageFile file = Storage.open(root).files().findFirst().orElseThrow();
    Random random = new Random(SEED);
    int records = 0;
    int problems = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] mutated = mutate(seeds.get(random.nextInt(seeds.size())), random);
      Files.write(path, mutated);
      String label = "round " + round + " (seed " + SEED + ")";
      ReadResult read;
      List<Finding> findings;
      try {
        read = RecordReader.read(file);
        findings = Validator.validateFile(file);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(label + ": an exception escaped", e);
      }
      if (read instanceof MessageRead ok) {
        records++;
        assertThat(ok.record()).as(label).isNotNull();
        ok.record().summary();
      } else {
        problems++;
        ReadProblem p = (ReadProblem) read;
        assertThat(findings).as(label + ": " + p).anySatisfy(f -> {
          assertThat(f.path()).isEqualTo(rel);
          assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
      }
    }
    assertThat(records).as("mutations that still read as records").isGreaterThan(ROUNDS / 10);
    assertThat(problems).as("mutations that are reported").isGreaterThan(ROUNDS / 10);
  }

  static byte[] mutate(byte[] seed, Random r) {
    byte[] b = seed.clone();
    int kind = r.nextInt(10);
    switch (kind) {
      case 0 -> { // flip a few bytes
        for (int i = 0, n = 1 + r.nextInt(8); i < n && b.length > 0; i++) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
        return b;
      }
      case 1 -> { // cut anywhere
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
      }
      case 2 -> { // repeat one segment many times
        List<String> segs = segments(b);
        String s = segs.get(r.nextInt(segs.size()));
        return join(segs, segs.indexOf(s), (s + "\r").repeat(50 + r.nextInt(r.nextInt(10) == 0 ? 1500 : 200)));
      }
      case 3 -> { // delimiter storm
        String d = "|^~\\&\r\n".repeat(1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 10 + r.nextInt(5000); i < n; i++) {
          sb.append(d.charAt(r.nextInt(d.length())));
        }
        return splice(b, r, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
      }
      case 4 -> { // a long or broken hex escape
        String hex = "\\X" + "8140".repeat(r.nextInt(r.nextInt(10) == 0 ? 20_000 : 500)) + (r.nextBoolean() ? "\\" : "") ;
        return splice(b, r, hex.getBytes(StandardCharsets.ISO_8859_1));
      }
      case 5 -> { // control characters and a BOM
        byte[] junk = new byte[1 + r.nextInt(40)];
        for (int i = 0; i < junk.length; i++) {
          junk[i] = (byte) r.nextInt(32);
        }
        byte[] out = splice(b, r, junk);
        return r.nextBoolean() ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, out) : out;
      }
      case 6 -> { // shuffle segments
        List<String> segs = new ArrayList<>(segments(b));
        java.util.Collections.shuffle(segs, r);
        return String.join("\r", segs).getBytes(StandardCharsets.ISO_8859_1);
      }
      case 7 -> { // a very long name component
        String name = "ア".repeat(1 + r.nextInt(r.nextInt(10) == 0 ? 40_000 : 300));
        return splice(b, r, ("|" + name + "^" + name + "|").getBytes(StandardCharsets.UTF_8));
      }
      case 8 -> { // random bytes of random length
        byte[] junk = new byte[r.nextInt(20_000)];
        r.nextBytes(junk);
        return r.nextBoolean() ? junk : concat("MSH|^~\\&|".getBytes(StandardCharsets.US_ASCII), junk);
      }
      default -> { // stray ISO-2022-JP shifts
        byte[] esc = r.nextBoolean() ? new byte[] {0x1B, '$', 'B'} : new byte[] {0x1B, '(', 'I', (byte) 0xB1};
        return splice(b, r, esc);
      }
    }
  }

  private static List<String> segments(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    List<String> out = List.of(s.split("[\r\n]+"));
    return out.isEmpty() ? List.of("") : out;
  }

  private static byte[] join(List<String> segs, int at, String insert) {
    List<String> out = new ArrayList<>(segs);
    out.add(Math.max(0, at), insert);
    return String.join("\r", out).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] splice(byte[] b, Random r, byte[] insert) {
    int at = b.length == 0 ? 0 : r.nextInt(b.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, at);
    out.write(insert, 0, insert.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
