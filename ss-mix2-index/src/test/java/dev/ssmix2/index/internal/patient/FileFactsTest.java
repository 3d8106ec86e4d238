package dev.ssmix2.index.internal.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FileFactsTest {
  private static final String LAB = "0000000001_20240101_OML-11_000000000000001_20240101000000000_01_1";
  private static final String ADT = "0000000001_-_ADT-00_999999999999999_20240101000000000_-_1";

  private static FileFacts read(String name, String text) {
    StorageFile f = new StorageFile(new StorageRoot(Path.of("/s")), "x/" + name, FileName.parse(name), false);
    return FileFacts.of(RecordReader.read(f, VersionStatus.CURRENT, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void emptyFileIsAProblemWithTheReadersCode() {
    FileFacts f = read(LAB, "");
    assertThat(f.isReadable()).isFalse();
    assertThat(f.summary()).isEmpty();
    assertThat(f.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("empty-file: "));
  }

  @Test
  void truncatedHeaderIsAProblem() {
    assertThat(read(LAB, "MSH|^~\\&|HIS|HO").problem())
        .hasValueSatisfying(p -> assertThat(p).startsWith("truncated-message: "));
  }

  @Test
  void labSummaryComesFromTheCoreRecordWithValues() {
    FileFacts f = read(LAB, "MSH|^~\\&|A|B|C|D|20240101000000||OUL^R22^OUL_R22|1|P|2.5\r"
        + "PID|0001||1^^^^PI||小川^健太^^^^^L^I\r"
        + "SPM|1|||SER^血清^JC10\r"
        + "OBX|1|NM|3A010000002327101^総蛋白^JC10||6.9|g/dL^g/dL^99XYZ|6.7-8.3||||F\r"
        + "OBX|2|NM|3A015000002327101^アルブミン^JC10||4.1|g/dL||||F\r");
    assertThat(f.isReadable()).isTrue();
    assertThat(f.summary()).contains("総蛋白", "6.9", "アルブミン", "4.1");
    assertThat(f.pid()).as("only ADT-00 gives demographics up front").isEmpty();
  }

  @Test
  void adt00GivesDemographicsWithRepetitionsSortedByTheCoreReader() {
    FileFacts f = read(ADT, "MSH|^~\\&|A|B|C|D|20240101000000||ADT^A08^ADT_A01|1|P|2.5\r"
        + "EVN||20240101000000\r"
        + "PID|0001||0000000001^^^^PI||ヤマダ^タロウ^^^^^L^P~山田^太郎^^^^^L^I~Yamada^Taro^^^^^L^A||19750315|M\r");
    PidFacts pid = f.pid().orElseThrow();
    assertThat(pid.name()).hasValue(new RegisteredName("山田", "太郎", "ヤマダ", "タロウ", "Yamada", "Taro"));
    assertThat(pid.birthDate()).hasValue(LocalDate.of(1975, 3, 15));
    assertThat(pid.sex()).isEqualTo(Sex.MALE);
  }
}
