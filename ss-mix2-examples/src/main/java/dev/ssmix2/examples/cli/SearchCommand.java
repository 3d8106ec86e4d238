package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.SsMix2Exception;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.PatientStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 search --index DIR | --solr ZK --collection NAME [--facility CODE] [--json] [--limit N] QUERY...}:
 * free-text patient search, over every facility of the index or only one.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Find patients by ID, name (kanji, kana, romaji, in any order), birth date (1948-04-05, S23.4.5) "
        + "and sex.",
    footer = {"", "Exit status: 0 searched (also when nothing matched), 2 no usable index."})
public final class SearchCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  IndexOptions where = new IndexOptions();

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "most hits to show (default 20)")
  int limit;

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Option(names = "--facility", paramLabel = "CODE",
      description = "only the patients of this facility (its 10-digit 医療機関コード); default: every facility")
  @org.jspecify.annotations.Nullable String facility;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "what the patient said or what is on the card")
  List<String> query;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit <= 0) {
      err.println("ssmix2 search: --limit must be positive, got " + limit);
      err.flush();
      return Main.EXIT_USAGE;
    }
    String text = String.join(" ", query);
    if (facility != null) {
      try {
        Facility.checkCode(facility.strip());
      } catch (IllegalArgumentException e) {
        err.println("ssmix2 search: --facility: " + e.getMessage());
        err.flush();
        return Main.EXIT_USAGE;
      }
    }
    try (PatientStore index = where.openExisting()) {
      StaleIndexWarning.printIfStale("search", index, where, err);
      if (facility != null && index.facilities().stream().noneMatch(f -> f.code().equals(facility.strip()))) {
        err.println("ssmix2 search: warning: " + index.location() + " holds no facility " + facility.strip()
            + "; it holds " + index.facilities());
        err.flush();
      }
      SearchResult result = facility == null ? index.searchResult(text, limit)
          : index.searchResult(text, facility.strip(), limit);
      boolean several = index.facilities().size() > 1;
      out.println(json ? toJson(text, result) : text(text, result, several));
      out.flush();
      return 0;
    } catch (SsMix2Exception | UsageException | IllegalArgumentException e) {
      err.println("ssmix2 search: " + Main.describe(e));
      err.flush();
      return Main.EXIT_USAGE;
    }
  }

  private static String text(String query, SearchResult result, boolean facilities) {
    List<PatientHit> hits = result.hits();
    if (hits.isEmpty()) {
      return "no patient matches '" + Terminal.safe(query) + "'";
    }
    StringBuilder sb = new StringBuilder();
    result.hint().ifPresent(h -> sb.append(h).append('\n'));
    for (PatientHit h : hits) {
      if (facilities) {
        sb.append(h.facility().code()).append(' ').append(Terminal.safe(h.facility().name())).append("  ");
      }
      sb.append(String.format(Locale.ROOT, "%-12s %-14s %-16s %-10s %s %7.1f  %s%n",
          h.patientId(), Terminal.safe(h.name()), Terminal.safe(h.kana()),
          h.birthDate().map(Object::toString).orElse("-"), h.sex().code(),
          h.score(), String.join(" ", h.matchedLabels())));
    }
    return sb.toString().stripTrailing();
  }

  static String toJson(String query, SearchResult result) {
    ObjectNode o = CliJson.object();
    o.put("query", query);
    o.put("sameName", result.sameName());
    result.hint().ifPresent(h -> o.put("hint", h));
    var array = o.putArray("hits");
    for (PatientHit h : result.hits()) {
      ObjectNode n = CliJson.putPatient(CliJson.putFacility(array.addObject(), h.facility()), h.patientId(), h.name(),
          h.kana(), h.birthDate(), h.sex());
      n.put("score", h.score());
      var matched = n.putArray("matched");
      h.matchedLabels().forEach(matched::add);
    }
    return CliJson.write(o);
  }
}
