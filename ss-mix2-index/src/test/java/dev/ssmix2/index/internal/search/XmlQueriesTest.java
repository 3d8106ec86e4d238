package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.query.ParsedQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.xml.CoreParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XML form of every plan parses back, with Lucene's own XML query parser (the one Solr's {@code xmlparser} runs),
 * into a query equal to the planner's: same clauses, occurs, boosts, tie breakers and terms.
 */
class XmlQueriesTest {
  static QueryPlanner planner;
  static ReferencePlanner reference;

  @BeforeAll
  static void guesser() {
    ReadingGuesser guesser = ReadingGuesser.create();
    planner = new QueryPlanner(guesser);
    reference = new ReferencePlanner(guesser);
  }

  private static Query parse(String xml) throws Exception {
    return new CoreParser("pid", new KeywordAnalyzer())
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"やまだ たろう", "山田太郎", "髙橋 一生", "𠮷田", "taroh yamada", "0000123456",
      "やまだ S50.3.15", "19480405", "佐藤 花子 F", "おがわ けんた 1961-01-01", "■橋", "森本 トメ", "O'Brien",
      "ｻﾄｳ ﾊﾅｺ", "さとう はな こ", "<script>&\"'"})
  void everyPlanParsesBackIntoTheSameQuery(String text) throws Exception {
    QueryPlan plan = planner.plan(ParsedQuery.parse(text), false);
    if (plan.query().isEmpty()) {
      return;
    }
    Query q = plan.query().get();
    // name alternatives are TierQuery objects here; the engine gets the Lucene query they score like, which is the
    // query the planner made before they existed
    assertThat(parse(XmlQueries.xml(q))).as(text).isEqualTo(reference.plan(ParsedQuery.parse(text), false).query()
        .orElseThrow());
    for (TaggedClause c : plan.clauses()) {
      assertThat(parse(XmlQueries.xml(c.match()))).isEqualTo(c.match());
    }
  }

  @Test
  void aFuzzyClauseKeepsItsFirstCharacterFixed() throws Exception {
    Query parsed = parse(XmlQueries.xml(new FuzzyQuery(new Term("kana_family_loose", "ヤマダ"), 1, 1)));
    // the XML parser gives a typed query a neutral boost of 1; the clause is constant-scored by its tier anyway
    assertThat(parsed).isEqualTo(new BooleanQuery.Builder()
        .add(new BoostQuery(new FuzzyQuery(new Term("kana_family_loose", "ヤマダ"), 1, 0), 1f), Occur.MUST)
        .add(new BoostQuery(new PrefixQuery(new Term("kana_family_loose", "ヤ")), 1f), Occur.FILTER)
        .build());
    Query escaped = parse(XmlQueries.xml(new FuzzyQuery(new Term("roma_family", "o'b-r ien"), 2, 1)));
    assertThat(escaped.toString()).contains("roma_family:o'b-r ien~2").contains("roma_family:o*");
  }

  @Test
  void queriesThePlannerNeverMakesAreRefused() {
    assertThatThrownBy(() -> XmlQueries.xml(new WildcardQuery(new Term("f", "a*b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WildcardQuery");
  }

  @Test
  void aPlanRestrictedToOneFacilityParsesBackWithItsFilterClause() throws Exception {
    Query plan = planner.plan(ParsedQuery.parse("やまだ たろう S50.3.15"), false).query().orElseThrow();
    Query filtered = PatientSearch.filtered(plan, java.util.Optional.of("0412345678"));
    assertThat(filtered).isNotEqualTo(plan);
    String xml = XmlQueries.xml(filtered);
    assertThat(xml).contains("<TermQuery fieldName=\"facility\">0412345678</TermQuery>");
    // the name alternatives parse back as the Lucene form they score like: the plan made before TierQuery existed
    assertThat(parse(xml)).isEqualTo(PatientSearch.filtered(reference.plan(ParsedQuery.parse("やまだ たろう S50.3.15"),
        false).query().orElseThrow(), java.util.Optional.of("0412345678")));
    assertThat(PatientSearch.filtered(plan, java.util.Optional.empty())).isSameAs(plan);
  }

  @Test
  void theGeneralPlanShapesAreCovered() {
    List<String> xml = List.of(XmlQueries.xml(planner.plan(ParsedQuery.parse("やまだ たろう S50.3.15"), false)
        .query().orElseThrow()));
    assertThat(xml.get(0)).contains("<DisjunctionMaxQuery tieBreaker=\"0.01\"").contains("occurs=\"filter\"")
        .contains("<PointRangeQuery fieldName=\"birth\" type=\"int\" lowerTerm=\"19750315\"")
        .contains("<ConstantScoreQuery boost=\"85.0\">");
  }
}
