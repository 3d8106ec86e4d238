package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Specimen lab results as a matrix: groups of tests (specimen × JLAC10 broad category), each test a row, each
 * collection time a column, newest first. {@link #newest(int)} and {@link #before(LabColumn, int)} cut it into pages
 * so that a chart sends the recent columns and fetches older ones on request.
 *
 * @param groups the groups, by category then specimen
 * @param columns every column that has a value, newest first
 */
public record LabMatrix(List<LabGroup> groups, List<LabColumn> columns) {

  /** No results. */
  public static final LabMatrix EMPTY = new LabMatrix(List.of(), List.of());

  public LabMatrix {
    groups = List.copyOf(groups);
    columns = List.copyOf(columns);
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  /** The newest {@code n} columns and the rows that have a value in them. */
  public LabMatrix newest(int n) {
    checkArgument(n >= 0, "column count is %s; expected 0 or more", n);
    return keep(columns.subList(0, Math.min(n, columns.size())));
  }

  /** The {@code n} columns older than {@code column} (exclusive), for paging back in time. */
  public LabMatrix before(LabColumn column, int n) {
    checkNotNull(column, "column must not be null");
    checkArgument(n >= 0, "column count is %s; expected 0 or more", n);
    List<LabColumn> older = columns.stream().filter(c -> c.compareTo(column) > 0).limit(n).toList();
    return keep(older);
  }

  /** Rows whose code satisfies {@code test}, across groups, in group order. */
  public List<LabRow> rows(Predicate<String> code) {
    List<LabRow> out = new ArrayList<>();
    for (LabGroup g : groups) {
      g.rows().stream().filter(r -> code.test(r.code())).forEach(out::add);
    }
    return out;
  }

  private LabMatrix keep(List<LabColumn> kept) {
    Set<LabColumn> set = new TreeSet<>(kept);
    List<LabGroup> out = new ArrayList<>();
    for (LabGroup g : groups) {
      List<LabRow> rows = new ArrayList<>();
      for (LabRow r : g.rows()) {
        List<LabCell> cells = r.cells().stream().filter(c -> set.contains(c.column())).toList();
        if (!cells.isEmpty()) {
          rows.add(new LabRow(r.code(), r.name(), cells));
        }
      }
      if (!rows.isEmpty()) {
        out.add(new LabGroup(g.specimen(), g.category(), g.categoryName(), rows));
      }
    }
    return new LabMatrix(out, kept);
  }
}
