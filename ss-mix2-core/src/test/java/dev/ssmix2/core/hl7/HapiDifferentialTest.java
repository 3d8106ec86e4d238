package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import dev.ssmix2.core.hl7.hapi.HapiBridge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Side by side with HAPI: every field path HAPI's Terser can address ({@code SEG(occurrence)-field(rep)-component-
 * subcomponent}, MSH and escape sequences included) of every fixture message, compared with our reading. Every
 * difference must be explained by an entry of {@link #EXPLAINED}, each with its reason; an unexplained one fails the
 * test and is listed. The counts per reason are printed, so a change in either reader shows up.
 *
 * <p>Result on the fixture files (837 messages, about 106,000 values): no difference at all. The hand-written
 * escape messages differ in the two explained ways below.
 */
class HapiDifferentialTest {

  /** One disagreement. */
  record Difference(String file, String path, String rawField, String ours, String hapi, String hapiType) {
    @Override
    public String toString() {
      return file + " " + path + ": ours '" + ours + "' HAPI '" + hapi + "' (raw field '" + rawField + "', HAPI type "
          + hapiType + ")";
    }
  }

  /** A known, explained class of differences. */
  record Explanation(String reason, Predicate<Difference> matches) {}

  static final List<Explanation> EXPLAINED = List.of(
      new Explanation("we decode \\Xhh\\ hex escapes into characters (in the message's charset); HAPI 2.6 keeps the"
          + " escape text as it is", d -> d.rawField().contains("\\X") && d.hapi().contains("\\X")),
      new Explanation("formatting escapes (\\.br\\, \\H\\, \\N\\): we turn \\.br\\ into a line break and drop the"
          + " others, HAPI keeps them as text", d -> d.rawField().matches(".*\\\\(\\.[a-z]+|H|N)\\\\.*")));

  /**
   * Hand-written messages in the shapes real senders produce, because the fixture files hold few escapes: every
   * HL7 escape, a hex escape, formatting escapes, an unescaped {@code ^} in a string value, subcomponent qualifiers.
   */
  static final List<String> ESCAPE_MESSAGES = List.of(
      "MSH|^~\\&|LAB|F|GW|F|20240301100000||OUL^R22^OUL_R22|1|P|2.5||||||~ISO IR87||ISO 2022-1994\r"
          + "PID|||0000000123^^^^PI||患者\\S\\仮^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19600101|M\r"
          + "SPM|1|||023^血清^JC10|||||||||||||20240301090000\r"
          + "OBR|1|||E001^血液学的検査^99O03\r"
          + "OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL|3300-8600||||F\r"
          + "OBX|2|NM|2A990000001930101^WBC^JC10||5.3|10\\S\\3/μL|3.3-8.6|N|||F\r"
          + "OBX|3|ST|X^所見^99L||a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f||||||F\r"
          + "OBX|4|ST|X^16進^99L||A\\X41\\B||||||F\r"
          + "OBX|5|TX|X^改行^99L||1行目\\.br\\2行目\\H\\強調\\N\\||||||F\r"
          + "OBX|6|NM|58368&7^R 振幅&V5^99MFR|2|2.505|mV|||||F\r"
          + "OBX|7|NM|59136^QTc 時間&Bazzet^99MFR|2|433|msec|||||F\r"
          + "NTE|1||コメント\\.br\\二行目");

  @Test
  void escapesAndQualifiersReadLikeHapiOrTheDifferenceIsExplained() {
    List<Difference> differences = new ArrayList<>();
    long compared = 0;
    for (int i = 0; i < ESCAPE_MESSAGES.size(); i++) {
      Hl7Message ours = Hl7Message.parse(ESCAPE_MESSAGES.get(i));
      compared += compare("message " + i, ours, HapiBridge.toHapi(ours), differences);
    }
    report("escape messages", ESCAPE_MESSAGES.size(), compared, differences, Map.of());
    // The allow-list stays honest: every explanation must still explain something.
    for (Explanation e : EXPLAINED) {
      assertThat(differences).as("explained by: " + e.reason()).anyMatch(e.matches());
    }
    // An unescaped ^ in a string value: HAPI and we both split it (HAPI's first part is '500×10'); the record layer
    // marks such a value ambiguous and keeps the raw text (see Field.ambiguity).
    Segment obx = Hl7Message.parse(ESCAPE_MESSAGES.get(0)).segments("OBX").get(0);
    assertThat(obx.field(5).value()).isEqualTo("500×10");
    assertThat(obx.field(5).ambiguity()).isPresent();
  }

  @Test
  void everyTerserPathOfEveryFixtureMessageReadsLikeHapiOrTheDifferenceIsExplained() {
    List<Path> files = new ArrayList<>(Fixtures.messageFiles(Fixtures.nhoSamples()));
    files.addAll(Fixtures.messageFiles(Fixtures.searchCases()));
    assertThat(files).hasSizeGreaterThan(800);
    List<Difference> differences = new ArrayList<>();
    Map<String, String> skipped = new TreeMap<>();
    long compared = 0;
    for (Path file : files) {
      Hl7Message ours;
      Message hapi;
      try {
        ours = Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(file)));
        hapi = HapiBridge.toHapi(ours);
      } catch (Hl7FormatException e) {
        skipped.put(Fixtures.relative(file), e.getMessage());
        continue;
      }
      compared += compare(Fixtures.relative(file), ours, hapi, differences);
    }
    assertThat(compared).isGreaterThan(50_000);
    report("fixture files", files.size(), compared, differences, skipped);
  }

  private static void report(String what, int count, long compared, List<Difference> differences,
      Map<String, String> skipped) {
    Map<String, Integer> byReason = new LinkedHashMap<>();
    List<Difference> unexplained = new ArrayList<>();
    for (Difference d : differences) {
      String reason = EXPLAINED.stream().filter(e -> e.matches().test(d)).map(Explanation::reason).findFirst()
          .orElse(null);
      if (reason == null) {
        unexplained.add(d);
      } else {
        byReason.merge(reason, 1, Integer::sum);
      }
    }
    System.out.println("HAPI differential, " + what + ": " + count + " messages, " + compared + " values compared, "
        + differences.size() + " differences, " + skipped.size() + " not comparable");
    byReason.forEach((reason, n) -> System.out.println("  " + n + " × " + reason));
    differences.forEach(d -> System.out.println("    " + d));
    skipped.forEach((f, why) -> System.out.println("  not comparable: " + f + ": " + why));
    assertThat(unexplained).as("differences from HAPI without an explanation").isEmpty();
  }

  /** Compares every field, repetition, component and subcomponent of the segments both readers see. */
  private static long compare(String file, Hl7Message ours, Message hapi, List<Difference> out) {
    Map<String, List<ca.uhn.hl7v2.model.Segment>> theirs = new LinkedHashMap<>();
    try {
      collect(hapi, theirs);
    } catch (HL7Exception e) {
      throw new AssertionError(file + ": " + e.getMessage(), e);
    }
    Map<String, Integer> occurrence = new LinkedHashMap<>();
    long compared = 0;
    for (Segment s : ours.segments()) {
      if (!s.hasValidId() || isBlank(s)) {
        continue;
      }
      int occ = occurrence.merge(s.id(), 1, Integer::sum) - 1;
      List<ca.uhn.hl7v2.model.Segment> same = theirs.getOrDefault(s.id(), List.of());
      if (occ >= same.size()) {
        out.add(new Difference(file, s.id() + "(" + occ + ")", s.raw(), "present", "absent", "-"));
        continue;
      }
      ca.uhn.hl7v2.model.Segment h = same.get(occ);
      for (int f = 1; f <= s.fieldCount(); f++) {
        Field field = s.field(f);
        int reps = Math.max(1, field.repetitionCount());
        for (int rep = 0; rep < reps; rep++) {
          int components = Math.max(1, field.componentCount(rep));
          for (int c = 1; c <= components; c++) {
            int subs = Math.max(1, field.subcomponents(rep, c).size());
            for (int sub = 1; sub <= subs; sub++) {
              String path = s.id() + "(" + occ + ")-" + f + "(" + rep + ")-" + c + "-" + sub;
              String mine = field.subcomponent(rep, c, sub);
              String their;
              String type;
              try {
                their = nullToEmpty(Terser.get(h, f, rep, c, sub));
                type = typeOf(h, f, rep);
              } catch (HL7Exception | RuntimeException e) {
                their = "<" + e.getClass().getSimpleName() + ": " + e.getMessage() + ">";
                type = "-";
              }
              compared++;
              if (!mine.equals(their)) {
                out.add(new Difference(file, path, field.raw(), mine, their, type));
              }
            }
          }
        }
      }
    }
    return compared;
  }

  private static String typeOf(ca.uhn.hl7v2.model.Segment h, int f, int rep) throws HL7Exception {
    ca.uhn.hl7v2.model.Type t = h.getField(f, rep);
    if (t instanceof ca.uhn.hl7v2.model.Varies v) {
      t = v.getData();
    }
    return (t instanceof ca.uhn.hl7v2.model.Primitive ? "primitive " : "composite ") + t.getName();
  }

  private static void collect(Group group, Map<String, List<ca.uhn.hl7v2.model.Segment>> byName)
      throws HL7Exception {
    for (String name : group.getNames()) {
      for (Structure structure : group.getAll(name)) {
        if (structure instanceof ca.uhn.hl7v2.model.Segment segment) {
          if (!segment.isEmpty()) {
            byName.computeIfAbsent(segment.getName(), k -> new ArrayList<>()).add(segment);
          }
        } else {
          collect((Group) structure, byName);
        }
      }
    }
  }

  private static boolean isBlank(Segment segment) {
    return segment.raw().substring(segment.id().length()).chars().allMatch(c -> "|^~&".indexOf(c) >= 0);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
