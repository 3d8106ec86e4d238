package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings for a byte order mark, escapes HL7 does not define, control characters and over-long names. */
class TextFindingsTest {
  private static final String ADT00 = "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1";

  @TempDir Path tmp;

  private List<Finding> validate(byte[] bytes) throws Exception {
    Path to = tmp.resolve("root").resolve(ADT00);
    Files.createDirectories(to.getParent());
    Files.write(to, bytes);
    StorageFile f = Storage.open(tmp.resolve("root")).files().findFirst().orElseThrow();
    return Validator.validateFile(f);
  }

  private static String adt00() throws Exception {
    return Files.readString(Fixtures.nhoSample().resolve(ADT00), StandardCharsets.ISO_8859_1);
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(f -> f.code().id()).toList();
  }

  @Test
  void theCleanSampleHasNoneOfThem() throws Exception {
    assertThat(codes(validate(adt00().getBytes(StandardCharsets.ISO_8859_1))))
        .doesNotContain("byte-order-mark", "invalid-escape", "name-control-characters", "name-too-long");
  }

  @Test
  void aLeadingByteOrderMark() throws Exception {
    byte[] text = adt00().getBytes(StandardCharsets.ISO_8859_1);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    assertThat(codes(validate(withBom))).contains("byte-order-mark");
  }

  @Test
  void anEscapeHl7DoesNotDefine() throws Exception {
    String text = adt00().replaceFirst("\rPID\\|", "\rNTE|1||see \\\\Q12\\\\ here\rPID|");
    List<Finding> findings = validate(text.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(findings).filteredOn(f -> f.code() == FindingCode.INVALID_ESCAPE).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("\\Q12\\"));
    String valid = adt00().replaceFirst("\rPID\\|", "\rNTE|1||a \\\\F\\\\ b \\\\X41\\\\ \\\\.br\\\\\rPID|");
    assertThat(codes(validate(valid.getBytes(StandardCharsets.ISO_8859_1)))).doesNotContain("invalid-escape");
  }

  @Test
  void aBrokenEscapeInAValueAlreadyReportedAmbiguousIsOneFindingNotTwo() throws Exception {
    String obx = "\rOBX|1|ST|2A010000001930901^WBC^JC10||50\\Q0\\0|/uL|3300-8600||||F";
    String text = adt00().replaceFirst("\rPID\\|", Matcher.quoteReplacement(obx + "\rPID|"));
    List<Finding> findings = validate(text.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(findings).filteredOn(f -> f.code() == FindingCode.AMBIGUOUS_VALUE).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("50\\Q0\\0"));
    assertThat(codes(findings)).doesNotContain("invalid-escape");
    // the same kind of escape outside a typed value (a comment) is still reported as invalid-escape
    String both = text.replaceFirst("\rPID\\|", Matcher.quoteReplacement("\rNTE|1||see \\Q12\\ here\rPID|"));
    assertThat(validate(both.getBytes(StandardCharsets.ISO_8859_1)))
        .filteredOn(f -> f.code() == FindingCode.INVALID_ESCAPE).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("\\Q12\\"));
  }

  @Test
  void controlCharactersAndOverLongNames() throws Exception {
    String pid = adt00().lines().flatMap(l -> List.of(l.split("\r")).stream()).filter(l -> l.startsWith("PID"))
        .findFirst().orElseThrow();
    String[] fields = pid.split("\\|", -1);
    String text = adt00();
    String withControl = text.replace(pid, pid.replace(fields[5], "EVIL\u0007\u0008^NAME\u0001"));
    List<Finding> control = validate(withControl.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(control).filteredOn(f -> f.code() == FindingCode.NAME_CONTROL_CHARACTERS).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("U+0007", "U+0001").doesNotContain("\u0007"));
    String longName = text.replace(pid, pid.replace(fields[5], "A".repeat(40_000) + "^B"));
    assertThat(codes(validate(longName.getBytes(StandardCharsets.ISO_8859_1)))).contains("name-too-long");
  }
}
