package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** OMP-11 処方実施 or OMP-12 注射実施: the RXA segments of one RAS^O17 message. */
public record AdministrationRecord(RecordSource source, MedicationOrderRecord.Kind kind,
    List<Administration> administrations) implements ClinicalRecord {

  public AdministrationRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(kind, "kind must not be null");
    checkNotNull(administrations, "administrations must not be null");
    administrations = List.copyOf(administrations);
  }

  /**
   * One RXA segment.
   *
   * @param placerOrderNo ORC-2 of the group
   * @param start RXA-3 start of administration (the 診療日 source)
   * @param end RXA-4
   * @param drug RXA-5
   * @param amount RXA-6, as written
   * @param unit RXA-7
   * @param completionStatus RXA-20 ({@code CP} complete …)
   * @param route RXR-1 of the group
   */
  public record Administration(String placerOrderNo, Optional<Hl7Timestamp> start, Optional<Hl7Timestamp> end,
      Coded drug, String amount, Coded unit, String completionStatus, Coded route) {
    public Administration {
      checkNotNull(placerOrderNo, "placerOrderNo must not be null");
      checkNotNull(start, "start must not be null");
      checkNotNull(end, "end must not be null");
      checkNotNull(drug, "drug must not be null");
      checkNotNull(amount, "amount must not be null");
      checkNotNull(unit, "unit must not be null");
      checkNotNull(completionStatus, "completionStatus must not be null");
      checkNotNull(route, "route must not be null");
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, kind.japanese() + "実施", Summaries.list(administrations.stream()
        .map(a -> Summaries.words(a.drug().display(), a.amount() + a.unit().display())).toList()));
  }
}
