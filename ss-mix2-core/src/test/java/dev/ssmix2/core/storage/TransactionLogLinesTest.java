package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line numbers the transaction log reader gives its records, on random files mixing CR, LF and CRLF, blank lines
 * and message lines that merely contain {@code #SSMIX}: each record's line is the one its header is on, counted the
 * plain way (split on CRLF, CR or LF).
 */
class TransactionLogLinesTest {
  @TempDir Path tmp;

  private static final String[] ENDINGS = {"\r", "\n", "\r\n"};

  @Test
  void everyRecordIsPlacedOnItsHeaderLine() throws IOException {
    Random random = new Random(20261128);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) == 0) {
        text.append(ENDINGS[random.nextInt(3)]);
      }
      int records = random.nextInt(12);
      for (int r = 0; r < records; r++) {
        String time = String.format("202401011000%02d%03d", r / 10, r % 1000);
        text.append("#SSMIX,2.00,9999999999,0000000123,20240101,OMP-01,").append(1000 + r).append(",INS,-,")
            .append(time).append(ENDINGS[random.nextInt(3)]);
        int lines = random.nextInt(4);
        for (int l = 0; l < lines; l++) {
          text.append(random.nextBoolean() ? "MSH|^~\\&|X" : random.nextBoolean() ? "" : "NTE|1||see #SSMIX,")
              .append(ENDINGS[random.nextInt(3)]);
        }
      }
      Path file = tmp.resolve("TR_20240101000000000_" + round + ".DAT");
      Files.writeString(file, text, StandardCharsets.US_ASCII);

      List<Integer> expected = new ArrayList<>();
      String[] lines = text.toString().split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith("#SSMIX")) {
          expected.add(i + 1);
        }
      }
      List<TransactionProblem> problems = new ArrayList<>();
      List<TransactionEntry> read = TransactionLog.read(file, null, problems::add);
      assertThat(read).as("round %d: %s", round, text.toString().replace("\r", "\\r").replace("\n", "\\n"))
          .extracting(TransactionEntry::line).containsExactlyElementsOf(expected);
      assertThat(problems).isEmpty();
    }
  }
}
