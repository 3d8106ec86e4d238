package dev.ssmix2.core.summary;

import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link LabMatrix} from lab result records. */
final class LabCollector {
  private record GroupKey(String category, String specimen) {}

  private record RowKey(String code, String name) {}

  private final Map<GroupKey, Map<RowKey, List<LabCell>>> groups = new TreeMap<>(
      Comparator.comparing((GroupKey g) -> g.category().isEmpty() ? "~" : g.category())
          .thenComparing(GroupKey::specimen));
  private final TreeSet<LabColumn> columns = new TreeSet<>();
  private final List<SummaryFinding> findings;

  LabCollector(List<SummaryFinding> findings) {
    this.findings = findings;
  }

  void add(LabRecord lab) {
    for (LabRecord.Test t : lab.tests()) {
      if (t.value().isBlank()) {
        continue; // nothing was reported for this row (an order line, or a pending result)
      }
      Optional<LabColumn> column = column(t.observed(), lab.careDate().date());
      if (column.isEmpty()) {
        findings.add(new SummaryFinding(SummaryFinding.Code.LAB_VALUE_UNDATED, lab.file().relativePath(),
            "lab value of " + t.test().display() + " has no observation time and the file no 診療日"));
        continue;
      }
      String code = t.jlac10().orElse(t.test().code());
      String category = Jlac10.category(code).orElse("");
      GroupKey g = new GroupKey(category, t.specimen().display());
      RowKey r = new RowKey(code, t.test().display());
      columns.add(column.get());
      groups.computeIfAbsent(g, k -> new TreeMap<>(Comparator.comparing(RowKey::code).thenComparing(RowKey::name)))
          .computeIfAbsent(r, k -> new ArrayList<>())
          .add(new LabCell(column.get(), t.value(), t.unit().display(), t.referenceRange(), t.abnormalFlag(),
              t.ambiguity().map(AmbiguousValue::reason), t.comments(), lab.file()));
    }
  }

  private static Optional<LabColumn> column(Optional<Hl7Timestamp> observed, Optional<LocalDate> careDate) {
    Optional<LocalDateTime> t = observed.flatMap(Hl7Timestamp::toLocalDateTime);
    if (t.isPresent()) {
      boolean hasTime = observed.get().raw().replaceAll("[^0-9].*$", "").length() >= 12;
      return Optional.of(new LabColumn(t.get().toLocalDate(),
          hasTime ? Optional.of(t.get().toLocalTime()) : Optional.empty()));
    }
    return careDate.map(d -> new LabColumn(d, Optional.empty()));
  }

  LabMatrix matrix() {
    List<LabGroup> out = new ArrayList<>();
    for (Map.Entry<GroupKey, Map<RowKey, List<LabCell>>> g : groups.entrySet()) {
      List<LabRow> rows = new ArrayList<>();
      for (Map.Entry<RowKey, List<LabCell>> r : g.getValue().entrySet()) {
        List<LabCell> cells = new ArrayList<>(r.getValue());
        cells.sort(Comparator.comparing(LabCell::column));
        rows.add(new LabRow(r.getKey().code(), r.getKey().name(), cells));
      }
      out.add(new LabGroup(g.getKey().specimen(), g.getKey().category(), Jlac10.categoryName(g.getKey().category()),
          rows));
    }
    return new LabMatrix(out, new ArrayList<>(columns));
  }
}
