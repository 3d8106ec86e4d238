package dev.ssmix2.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.write.StorageWriteException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticStorageTest {
  private static final QuirkRates MESSY = new QuirkRates(0.5, 0.2, 0.1, 0.1, 0.3, 0.05, 0.05, 0.05, 0.05, 0.3);

  @TempDir Path tmp;

  private static SyntheticStorage.Builder messy(long seed) {
    return SyntheticStorage.builder().patients(60).seed(seed).profile(Profile.REALISTIC).quirks(MESSY)
        .splitRoots(true).vitals(true).supersedeRate(0.2).deleteRate(0.1);
  }

  /** Relative path → SHA-256 of the bytes, for every file under {@code dir}. */
  private static TreeMap<String, String> hashes(Path dir) throws IOException {
    TreeMap<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void sameSeedGivesByteIdenticalStorageWhateverTheThreadCount() throws IOException {
    messy(42).threads(1).build().generate(tmp.resolve("a"), ProgressListener.none());
    messy(42).threads(3).build().generate(tmp.resolve("b"), ProgressListener.none());

    TreeMap<String, String> a = hashes(tmp.resolve("a"));
    assertThat(a).hasSizeGreaterThan(300);
    assertThat(hashes(tmp.resolve("b"))).isEqualTo(a);
  }

  @Test
  void longStayPatientsComeAfterTheOthersWithYearsOfDailyCareAndLeaveThemUnchanged() throws IOException {
    messy(5).patients(3).build().generate(tmp.resolve("a"), ProgressListener.none());
    // one year instead of the default ten keeps the test fast; the rates per day are the same
    GenerationSummary s = messy(5).patients(3).longStay(1).longStayYears(1).build()
        .generate(tmp.resolve("b"), ProgressListener.none());

    TreeMap<String, String> without = hashes(tmp.resolve("a"));
    TreeMap<String, String> with = hashes(tmp.resolve("b"));
    without.remove("manifest.jsonl");
    assertThat(with).containsAllEntriesOf(without);
    assertThat(s.patients()).isEqualTo(4);
    String longStay = "0000100004";
    List<String> files = with.keySet().stream().filter(f -> f.contains("/" + longStay + "/")).toList();
    assertThat(files.size()).as("about 500 files a year").isBetween(400, 700);
    TreeMap<String, Long> byType = files.stream().collect(Collectors.groupingBy(
        f -> f.split("/")[5], TreeMap::new, Collectors.counting()));
    assertThat(byType.get("OML-11")).as("labs on half the days").isBetween(150L, 220L);
    assertThat(byType.get("OMP-01")).as("weekly prescriptions, some re-sent").isBetween(52L, 80L);
    List<String> days = files.stream().map(f -> f.split("/")[4]).filter(d -> !d.equals("-")).sorted().toList();
    assertThat(days.get(0)).startsWith("2024");
    assertThat(days.get(days.size() - 1)).startsWith("2025");
  }

  @Test
  void differentSeedGivesADifferentStorage() throws IOException {
    messy(1).build().generate(tmp.resolve("a"), ProgressListener.none());
    messy(2).build().generate(tmp.resolve("b"), ProgressListener.none());

    assertThat(hashes(tmp.resolve("b")).get("manifest.jsonl")).isNotEqualTo(hashes(tmp.resolve("a"))
        .get("manifest.jsonl"));
  }

  @Test
  void labTestsForOneSexAreOnlyOrderedForThatSex() throws IOException {
    SyntheticStorage.builder().patients(300).seed(3).clean(true).build()
        .generate(tmp.resolve("out"), ProgressListener.none());
    List<Path> results;
    try (Stream<Path> w = Files.walk(tmp.resolve("out/storage"))) {
      results = w.filter(f -> f.getFileName().toString().contains("_OML-11_")).toList();
    }
    TreeMap<String, Integer> psaBySex = new TreeMap<>();
    for (Path f : results) {
      String text = new String(Files.readAllBytes(f), Charset.forName("ISO-2022-JP"));
      String sex = "";
      for (String segment : text.split("\r")) {
        String[] fields = segment.split("\\|", -1);
        if (fields[0].equals("PID") && fields.length > 8) {
          sex = fields[8];
        } else if (fields[0].equals("OBX") && fields.length > 3 && fields[3].contains("^PSA^")) {
          psaBySex.merge(sex, 1, Integer::sum);
        }
      }
    }
    assertThat(results).isNotEmpty();
    assertThat(psaBySex).as("PSA results by PID-8").containsOnlyKeys("M");
  }

  @Test
  void cleanStorageIsWellFormedIso2022JpWithCr() throws IOException {
    GenerationSummary s = SyntheticStorage.builder().patients(80).seed(7).clean(true).quirks(MESSY)
        .supersedeRate(0.2).deleteRate(0.1).build().generate(tmp.resolve("out"), ProgressListener.none());

    Path root = tmp.resolve("out/storage");
    assertThat(s.roots()).containsExactly(root);
    assertThat(s.defects()).isZero();
    List<Path> files;
    try (Stream<Path> w = Files.walk(root)) {
      files = w.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize((int) s.files());
    Set<ConditionFlag> flags = EnumSet.noneOf(ConditionFlag.class);
    Pattern pid3 = Pattern.compile("\rPID\\|[^|]*\\|[^|]*\\|([^|^]*)");
    for (Path f : files) {
      FileName name = FileName.parse(f.getFileName().toString());
      flags.add(name.flag());
      String id = name.patientId().value();
      assertThat(root.relativize(f).toString().replace('\\', '/')).isEqualTo(id.substring(0, 3) + "/"
          + id.substring(3, 6) + "/" + id + "/" + name.date().token() + "/" + name.dataType().code() + "/" + name);
      assertThat(name.date().isUndated()).isEqualTo(!name.dataType().standard().orElseThrow().isDated());
      String text = strictIso2022Jp(Files.readAllBytes(f), f);
      assertThat(text).startsWith("MSH|^~\\&|").endsWith("\r").doesNotContain("\n");
      Matcher m = pid3.matcher(text);
      assertThat(m.find()).as("PID in %s", f).isTrue();
      assertThat(m.group(1)).isEqualTo(id);
    }
    assertThat(flags).containsExactlyInAnyOrder(ConditionFlag.values());
  }

  private static String strictIso2022Jp(byte[] bytes, Path f) {
    try {
      return Charset.forName("ISO-2022-JP").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(f + " is not ISO-2022-JP", e);
    }
  }

  @Test
  void manifestListsEveryInjectedDefectAndTheFilesExist() throws IOException {
    GenerationSummary s = messy(5).patients(200).build().generate(tmp.resolve("out"), ProgressListener.none());

    List<String> lines = Files.readAllLines(s.manifest());
    assertThat(lines).hasSize(200);
    Pattern defect = Pattern.compile("\\{\"kind\":\"([A-Z0-9_]+)\",\"root\":\"([^\"]+)\",\"path\":\"([^\"]+)\"}");
    Set<DefectKind> kinds = EnumSet.noneOf(DefectKind.class);
    long count = 0;
    for (String line : lines) {
      Matcher m = defect.matcher(line.substring(line.indexOf("\"defects\":")));
      while (m.find()) {
        kinds.add(DefectKind.valueOf(m.group(1)));
        assertThat(tmp.resolve("out").resolve(m.group(2)).resolve(m.group(3))).isRegularFile();
        count++;
      }
    }
    assertThat(count).isEqualTo(s.defects());
    assertThat(kinds).contains(DefectKind.CP932_FILE, DefectKind.VARIANT_KANJI, DefectKind.GAIJI_PLACEHOLDER,
        DefectKind.HALF_WIDTH_KANA, DefectKind.MISSING_KANA, DefectKind.JUNK_FILE);
  }

  @Test
  void manifestCurrentFilesExistAndCarryFlagOne() throws IOException {
    GenerationSummary s = messy(9).build().generate(tmp.resolve("out"), ProgressListener.none());

    Pattern file = Pattern.compile("\\{\"root\":\"([^\"]+)\",\"path\":\"([^\"]+)\"}");
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(s.manifest())) {
      assertThat(line).startsWith("{\"patientId\":\"").endsWith("]}");
      Matcher m = file.matcher(line.substring(0, line.indexOf("\"defects\":")));
      while (m.find()) {
        Path p = tmp.resolve("out").resolve(m.group(1)).resolve(m.group(2));
        assertThat(p).isRegularFile();
        String leaf = p.getFileName().toString().equals("main_document.hl7")
            ? p.getParent().getFileName().toString() : p.getFileName().toString();
        assertThat(leaf).endsWith("_1");
        current.add(m.group(2));
      }
    }
    assertThat(current).anyMatch(p -> p.contains("/-/ADT-00/")).anyMatch(p -> p.contains("/OML-11/"))
        .anyMatch(p -> p.contains("L-OBSERVATIONS^OBSERVATIONS^99ZL01"));
  }

  @Test
  void splitRootsPutUndatedDataInItsOwnRoot() throws IOException {
    GenerationSummary s = SyntheticStorage.builder().patients(20).seed(3).clean(true).splitRoots(true).build()
        .generate(tmp.resolve("out"), ProgressListener.none());

    assertThat(s.roots()).containsExactly(tmp.resolve("out/root-dated"), tmp.resolve("out/root-undated"));
    try (Stream<Path> w = Files.walk(tmp.resolve("out/root-undated"))) {
      assertThat(w.filter(Files::isRegularFile).map(p -> p.getParent().getParent().getFileName().toString())
          .collect(Collectors.toSet())).containsExactly("-");
    }
    try (Stream<Path> w = Files.walk(tmp.resolve("out/root-dated"))) {
      assertThat(w.filter(Files::isRegularFile).map(p -> p.getParent().getParent().getFileName().toString()))
          .isNotEmpty().doesNotContain("-");
    }
  }

  @Test
  void namesOnlyWritesOneAdt00PerPatient() throws IOException {
    GenerationSummary s = SyntheticStorage.builder().patients(50).seed(3).profile(Profile.NAMES_ONLY).clean(true)
        .build().generate(tmp.resolve("out"), ProgressListener.none());

    assertThat(s.files()).isEqualTo(50);
    try (Stream<Path> w = Files.walk(tmp.resolve("out/storage"))) {
      assertThat(w.filter(Files::isRegularFile)).hasSize(50)
          .allMatch(p -> p.getFileName().toString().contains("_-_ADT-00_999999999999999_"));
    }
  }

  @Test
  void refusesANonEmptyOutputFolder() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "x");

    assertThatThrownBy(() -> SyntheticStorage.builder().patients(1).build().generate(tmp, ProgressListener.none()))
        .isInstanceOf(StorageWriteException.class).hasMessageContaining("not empty");
  }

  @Test
  void reportsProgressUpToTheTotal() {
    List<Long> seen = new ArrayList<>();
    SyntheticStorage.builder().patients(150).profile(Profile.SMALL).build()
        .generate(tmp.resolve("out"), p -> seen.add(p.patientsDone()));

    assertThat(seen).isSorted().last().isEqualTo(150L);
  }
}
