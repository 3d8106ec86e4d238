package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** OMD 食事オーダ: one row per ODS segment. */
public record DietRecord(RecordSource source, List<Diet> diets) implements ClinicalRecord {
  public DietRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(diets, "diets must not be null");
    diets = List.copyOf(diets);
  }

  /**
   * One ODS segment with its ORC/TQ1.
   *
   * @param orderControl ORC-1
   * @param type ODS-1 (D diet, S supplement, P preference)
   * @param diet ODS-3 diet code
   * @param instructions ODS-4 free text
   * @param start TQ1-7
   * @param end TQ1-8
   */
  public record Diet(String orderControl, String type, Coded diet, String instructions, Optional<Hl7Timestamp> start,
      Optional<Hl7Timestamp> end) {
    public Diet {
      checkNotNull(orderControl, "orderControl must not be null");
      checkNotNull(type, "type must not be null");
      checkNotNull(diet, "diet must not be null");
      checkNotNull(instructions, "instructions must not be null");
      checkNotNull(start, "start must not be null");
      checkNotNull(end, "end must not be null");
    }

    /** The diet name, else the instruction text. */
    public String display() {
      String name = diet.text().isBlank() ? "" : diet.text();
      return Summaries.words(name, instructions).isEmpty() ? diet.display() : Summaries.words(name, instructions);
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, "食事", Summaries.list(diets.stream().map(Diet::display).toList()));
  }
}
