package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.RecordSource;
import java.util.List;
import java.util.Optional;

/** PPR-01: one problem per PRB group, named with its ZPR modifiers. */
final class ProblemExtractor {
  private ProblemExtractor() {}

  static ProblemListRecord extract(Hl7Message m, RecordSource src) {
    return new ProblemListRecord(src, m.groups("PRB").stream().map(ProblemExtractor::problem).toList());
  }

  private static ProblemListRecord.Problem problem(List<Segment> group) {
    Segment prb = group.get(0);
    Optional<Segment> zpr = Segments.first(group, "ZPR");
    Coded disease = Coded.of(prb.field(3));
    String prefix = zpr.map(z -> Coded.of(z.field(1)).text()).orElse("");
    String core = zpr.map(z -> Coded.of(z.field(2)).text()).filter(s -> !s.isBlank()).orElse(disease.display());
    String suffix = zpr.map(z -> Coded.of(z.field(3)).text()).orElse("");
    String name = prefix + core + suffix;
    Coded confirmation = Coded.of(prb.field(13));
    boolean suspected = isSuspected(confirmation) || suffix.contains("疑") || prefix.contains("疑");
    return new ProblemListRecord.Problem(prb.value(1).strip(), disease, name, icd10(prb.field(10)),
        Hl7Timestamp.parse(prb.value(16)), Coded.of(prb.field(14)), suspected, prb.field(4).value().strip());
  }

  /** PRB-10 is a classification list; the ICD-10 code is the triplet whose coding system is {@code I10}. */
  private static Optional<String> icd10(Field prb10) {
    for (int rep = 0; rep < Math.max(1, prb10.repetitionCount()); rep++) {
      Optional<String> code = Coded.of(prb10, rep).codeIn("I10");
      if (code.isPresent()) {
        return code;
      }
    }
    return Optional.empty();
  }

  /**
   * PRB-13 confirmation status: the SS-MIX2 digest does not pin its table, so read it loosely — a code of {@code 1}
   * (疑い in JAHIS usage), HL7 table 0240-ish provisional codes, or a text containing 疑.
   */
  private static boolean isSuspected(Coded c) {
    String code = c.code().strip().toUpperCase(java.util.Locale.ROOT);
    return code.equals("1") || code.equals("P") || code.equals("S") || c.text().contains("疑");
  }
}
