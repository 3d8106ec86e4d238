package dev.ssmix2.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The public search cases ({@code search-cases-public/queries.tsv}) run against both engines built over the same
 * fixture storage: for each case, the rank at which each engine returns the expected patient, and whether that is
 * within the case's {@code must_be_within_top}.
 */
final class SearchCases {
  private SearchCases() {}

  record Case(String query, String expectedId, int withinTop, String category) {}

  /** The rank (1-based) of the expected patient in each engine's top 10, or 0 when it is not there. */
  record Outcome(Case c, int ssmix2Rank, int kuromojiRank) {
    boolean ssmix2Passes() {
      return ssmix2Rank > 0 && ssmix2Rank <= c.withinTop();
    }

    boolean kuromojiPasses() {
      return kuromojiRank > 0 && kuromojiRank <= c.withinTop();
    }
  }

  static List<Case> cases() {
    Path tsv = Workspace.searchCases().resolve("queries.tsv");
    List<String> lines;
    try {
      lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tsv, e);
    }
    List<Case> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 4) {
        throw new BenchmarkSetupException("bad line in " + tsv + ": '" + line
            + "'; expected query, expected_patient_id, must_be_within_top, category", null);
      }
      cases.add(new Case(c[0], c[1], Integer.parseInt(c[2].trim()), c[3]));
    }
    return ImmutableList.copyOf(cases);
  }

  static List<Outcome> run() {
    List<Path> roots = List.of(Workspace.searchCases().resolve("root-dated"),
        Workspace.searchCases().resolve("root-undated"));
    Path work = Workspace.work().resolve("search-cases");
    List<Outcome> outcomes = new ArrayList<>();
    try {
      Workspace.deleteTree(work);
      Files.createDirectories(work.resolve("ssmix2"));
      Files.createDirectories(work.resolve("kuromoji"));
      try (LibraryIndex ours = LibraryIndex.update(roots, work.resolve("ssmix2"));
          KuromojiBaseline baseline = KuromojiBaseline.build(Storage.open(roots), work.resolve("kuromoji"))) {
        for (Case c : cases()) {
          outcomes.add(new Outcome(c, rank(ours.search(c.query(), 10), c.expectedId()),
              rank(baseline.search(c.query(), 10), c.expectedId())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the public search cases in " + work, e);
    }
    return outcomes;
  }

  private static int rank(List<String> ids, String expected) {
    int i = ids.indexOf(expected);
    return i < 0 ? 0 : i + 1;
  }
}
