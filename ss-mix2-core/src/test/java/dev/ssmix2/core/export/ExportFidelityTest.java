package dev.ssmix2.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.MessageFiles;
import dev.ssmix2.core.storage.Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values exported as the sender wrote them: a value the reader could not read as one value keeps its raw text, gets
 * the reason in {@code value_ambiguity} and never a number; a plain number beside it still gets one. Read back with
 * DuckDB.
 */
class ExportFidelityTest {
  @TempDir Path root;
  @TempDir Path out;

  private static final String LAB = "MSH|^~\\&|LAB|F|SSMIX2|F|20240301100000||OUL^R22^OUL_R22|1|P|2.5||||||~ISO IR87||ISO 2022-1994\n"
      + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19600101|M\n"
      + "SPM|1|||023^血清^JC10|||||||||||||20240301090000\n"
      + "OBR|1|||E001^血液学的検査^99O03\n"
      + "OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL|3300-8600||||F\n"
      + "OBX|2|NM|3D010000002327101^グルコース^JC10||98|mg/dL|73-109||||F\n"
      + "OBX|3|NM|3C015000002327101^クレアチニン^JC10||1.2~1.3|mg/dL|0.65-1.07||||F\n";

  @Test
  void anAmbiguousValueKeepsItsRawTextAndReasonAndGetsNoNumber() throws Exception {
    MessageFiles.write(root, "0000000123", "20240301", "OML-11", "000000000000001", LAB);
    ExportReport report = ResearchExport.run(Storage.open(List.of(root)),
        ExportOptions.builder(out).keyFile(out.resolveSibling(out.getFileName() + "-key").resolve("k")).build(),
        ExportProgress.NONE);
    assertThat(report.rowCounts().get(Tables.LAB_RESULTS)).isEqualTo(3);

    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT test_text, value, value_numeric, value_text, value_ambiguity FROM "
            + "read_parquet('" + out.resolve(Tables.LAB_RESULTS) + "/**/*.parquet') ORDER BY row_no")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + rs.getString(4) + "|"
            + (rs.getString(5) == null ? "-" : "ambiguous"));
      }
    }
    assertThat(rows).containsExactly(
        "白血球数|500×10^4|null|500×10^4|ambiguous",
        "グルコース|98|98.0|null|-",
        "クレアチニン|1.2~1.3|null|1.2~1.3|ambiguous");
  }
}
