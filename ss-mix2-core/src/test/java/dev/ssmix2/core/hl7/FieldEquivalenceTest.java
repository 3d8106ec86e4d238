package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Field} caches separator offsets for speed; this checks it against the plain definition (split on the
 * repetition, then the component, then the subcomponent separator, unescape last) on every field of every fixture
 * message and on generated fields made of the awkward cases: empty parts, leading and trailing separators, escapes,
 * unclosed escapes and surrogate pairs.
 */
class FieldEquivalenceTest {
  private static final EncodingCharacters ENC = EncodingCharacters.DEFAULT;
  private static final String[] PIECES = {"a", "𠮷", "野", "^", "~", "&", "\\", "\\F\\", "\\S\\", "\\T\\", "\\R\\",
      "\\E\\", "\\X41\\", "\"\"", ""};

  @Test
  void everyFixtureField_readsAsThePlainSplit() {
    List<Path> files = new ArrayList<>(Fixtures.messageFiles(Fixtures.nhoSamples()));
    files.addAll(Fixtures.messageFiles(Fixtures.searchCases()));
    int checked = 0;
    for (Path file : files) {
      Hl7Message message;
      try {
        message = Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(file)).text());
      } catch (Hl7FormatException e) {
        continue; // not a message; HapiConformanceTest reports those
      }
      for (Segment segment : message.segments()) {
        for (int f = segment.id().equals("MSH") ? 3 : 1; f <= segment.fieldCount(); f++) {
          Field field = segment.field(f);
          assertSameAsPlainSplit(field, Fixtures.relative(file) + " " + segment.id() + "-" + f);
          checked++;
        }
      }
    }
    assertThat(checked).as("fields compared").isGreaterThan(10_000);
  }

  @Test
  void generatedAwkwardFields_readAsThePlainSplit() {
    Random random = new Random(20_241_125);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder raw = new StringBuilder();
      int length = random.nextInt(9);
      for (int i = 0; i < length; i++) {
        raw.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = raw.toString();
      assertSameAsPlainSplit(new Field(text, ENC, false), text);
      String segment = "ZZZ|" + text + "|tail^x&y\\F\\";
      assertSameAsPlainSplit(new Field(segment, 4, 4 + text.length(), ENC, false), "inside a segment: " + text);
      // Through the segment: its scan copies the line once and counts each field's parts for the field's layout.
      Segment scanned = new Segment(segment + "|" + text, ENC, null);
      assertSameAsPlainSplit(scanned.field(1), "field 1 of a scanned segment: " + text);
      assertSameAsPlainSplit(scanned.field(2), "field 2 of a scanned segment: " + text);
      assertSameAsPlainSplit(scanned.field(3), "field 3 of a scanned segment: " + text);
    }
  }

  private static void assertSameAsPlainSplit(Field field, String where) {
    String raw = field.raw();
    List<String> reps = split(raw, ENC.repetition());
    int repetitions = raw.isEmpty() ? 0 : reps.size();
    assertThat(field.repetitionCount()).as("%s repetitions", where).isEqualTo(repetitions);
    for (int r = 0; r <= repetitions; r++) {
      String rep = r < reps.size() ? reps.get(r) : "";
      List<String> components = split(rep, ENC.component());
      assertThat(field.componentCount(r)).as("%s rep %d components", where, r)
          .isEqualTo(rep.isEmpty() ? 0 : components.size());
      assertThat(field.repetition(r).raw()).as("%s rep %d", where, r).isEqualTo(rep);
      for (int c = 1; c <= components.size() + 1; c++) {
        String component = c <= components.size() ? components.get(c - 1) : "";
        assertThat(field.rawComponent(r, c)).as("%s raw (%d)-%d", where, r, c).isEqualTo(component);
        List<String> subs = split(component, ENC.subcomponent());
        for (int s = 1; s <= subs.size() + 1; s++) {
          String expected = s <= subs.size() ? Escaping.unescape(subs.get(s - 1), ENC) : "";
          assertThat(field.subcomponent(r, c, s)).as("%s (%d)-%d-%d", where, r, c, s).isEqualTo(expected);
        }
      }
    }
    assertThat(field.isNull()).as("%s isNull", where).isEqualTo(raw.equals("\"\""));
  }

  /** The plain definition: every piece between separators, empty ones included. */
  private static List<String> split(String text, char sep) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) {
      pieces.add(text.substring(start, i));
      start = i + 1;
    }
    pieces.add(text.substring(start));
    return pieces;
  }
}
