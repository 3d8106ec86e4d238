package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.query.ParsedQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {
  static QueryPlanner planner;

  @BeforeAll
  static void guesser() {
    planner = new QueryPlanner(ReadingGuesser.create());
  }

  @Test
  void gramsAreCodePointsAndAllBigramsRequired() {
    assertThat(QueryPlanner.grams("𠮷田").orElseThrow().toString()).isEqualTo("#kanji_gram:𠮷田");
    assertThat(QueryPlanner.grams("佐佐木").orElseThrow().toString())
        .isEqualTo("#kanji_gram:佐佐 #kanji_gram:佐木");
    assertThat(QueryPlanner.grams("林").orElseThrow().toString()).isEqualTo("kanji_gram:林");
    assertThat(QueryPlanner.grams("")).isEmpty();
  }

  @Test
  void sexAloneIsNothingToSearch() {
    assertThat(planner.plan(ParsedQuery.parse("M"), false).query()).isEmpty();
  }

  @Test
  void fuzzyClausesOnlyWhenAsked() {
    assertThat(planner.plan(ParsedQuery.parse("やなだ"), false).clauses())
        .noneMatch(c -> c.tier() == Tier.FUZZY);
    assertThat(planner.plan(ParsedQuery.parse("やなだ"), true).clauses())
        .anyMatch(c -> c.tier() == Tier.FUZZY);
  }

  @Test
  void eachDistinctFuzzyClauseIsExpandedOnceAndTheExpansionIsWhatGetsTagged() {
    List<Query> asked = new ArrayList<>();
    Query expansion = new TermQuery(new Term("expanded", "x"));
    QueryPlan plan = planner.plan(ParsedQuery.parse("やなだ けんた"), true, q -> {
      asked.add(q);
      return expansion;
    });

    assertThat(asked).isNotEmpty().allMatch(q -> q instanceof FuzzyQuery).doesNotHaveDuplicates();
    assertThat(plan.clauses()).filteredOn(c -> c.tier() == Tier.FUZZY).isNotEmpty()
        .allMatch(c -> c.match().equals(expansion));
    // FuzzyQuery prints as field:text~N; the plan only holds the expansions
    assertThat(plan.query().orElseThrow().toString()).doesNotContain("~1").doesNotContain("~2");
  }

  @Test
  void kanjiQueryGetsItsReadingForRegisteredAndGuessedReadings() {
    assertThat(planner.plan(ParsedQuery.parse("浜田"), false).clauses())
        .anyMatch(c -> c.tier() == Tier.QUERY_READING && c.match().toString().equals("kana_family_exact:ハマダ"))
        .anyMatch(c -> c.tier() == Tier.GUESSED && c.match().toString().equals("guess_family_exact:ハマダ"));
  }

  @Test
  void idMatchesPaddedAndUnpadded() {
    assertThat(planner.plan(ParsedQuery.parse("０００７７７"), false).clauses())
        .extracting(c -> c.match().toString())
        .contains("pid_norm:777");
  }
}
