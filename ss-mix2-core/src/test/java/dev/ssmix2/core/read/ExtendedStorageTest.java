package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.record.Attachment;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.validate.Finding;
import dev.ssmix2.core.validate.FindingCode;
import dev.ssmix2.core.validate.Validator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extended storage: content folders with payload files, ORU^R30 vital signs as a typed record. */
class ExtendedStorageTest {
  private static final String TYPE = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
  private static final String FOLDER = "0123456789_20160101_" + TYPE + "_000000020160101_201601011500321_1";

  @TempDir Path tmp;

  private static List<StorageFile> files(Storage s) {
    try (Stream<StorageFile> f = s.files()) {
      return f.toList();
    }
  }

  @Test
  void generatedVitalSignsReadAsTypedRecords() {
    Path out = tmp.resolve("gen");
    SyntheticStorage.builder().patients(40).seed(3).clean(true).vitals(true).threads(1).build()
        .generate(out, ProgressListener.none());
    List<StorageFile> ext = files(Storage.open(out.resolve("extended")));
    assertThat(ext).isNotEmpty().allSatisfy(f -> assertThat(f.isContentFolder()).isTrue());
    VitalSignsRecord v = (VitalSignsRecord) ((MessageRead) RecordReader.read(ext.get(0))).record();
    assertThat(v.measurements()).extracting(m -> m.item().display()).containsExactly("体温", "収縮期血圧", "脈拍数");
    assertThat(v.measurements()).allSatisfy(m -> {
      assertThat(m.time()).isPresent();
      assertThat(m.value()).matches("[0-9.]+");
      assertThat(m.ambiguity()).isEmpty();
    });
    assertThat(v.measurements().get(0).unitDisplay()).isEqualTo("Cel");
    assertThat(v.attachments()).extracting(Attachment::name).containsExactly("main_document.hl7");
    assertThat(v.summary()).startsWith("バイタル: 体温 ").contains("mm[Hg]");
  }

  @Test
  void contentFolderPayloadsAreAttachmentsAndItsNamingIsValidated() throws IOException {
    Path type = tmp.resolve("012/345/0123456789/20160101/" + TYPE);
    Path folder = Files.createDirectories(type.resolve(FOLDER));
    Files.write(folder.resolve("main_document.hl7"), ("MSH|^~\\&|V|F|GW|F|20160101150032||ORU^R30^ORU_R30|1|P|2.5"
        + "||||||~ISO IR87||ISO 2022-1994\rPID|||0123456789^^^^PI||患者^花子\rOBR|1||||||20160101150000\r"
        + "OBX|1|NM|8310-5^体温^LN||36.8|Cel^Cel^UCUM\rOBX|2|NM|8480-6^収縮期血圧^LN||120^80|mm[Hg]^mm[Hg]^UCUM")
        .getBytes(Charset.forName("ISO-2022-JP")));
    Files.write(folder.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.createDirectories(type.resolve(FOLDER.replace("_1", "_2").replace("201601011500321", "201601011400000")));
    Files.writeString(type.resolve("0123456789_20160101_" + TYPE + "_000000020160102_201601021500000_01_1"), "x");

    Storage storage = Storage.open(tmp);
    StorageFile content = files(storage).stream().filter(f -> f.relativePath().endsWith(FOLDER)).findFirst()
        .orElseThrow();
    VitalSignsRecord v = (VitalSignsRecord) ((MessageRead) RecordReader.read(content)).record();
    assertThat(v.attachments()).containsExactly(new Attachment("chart.png", "image/png", 4),
        new Attachment("main_document.hl7", "x-application/hl7-v2+er7", Files.size(folder.resolve("main_document.hl7"))));
    assertThat(v.measurements().get(0).time()).isPresent();
    assertThat(v.measurements().get(1).value()).isEqualTo("120^80");
    assertThat(v.measurements().get(1).displayValue()).isEqualTo("⚠120^80");

    List<Finding> findings = Validator.validate(storage).stream()
        .filter(f -> f.code() == FindingCode.CONTENT_FOLDER).toList();
    assertThat(findings).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("6 fields"))
        .anySatisfy(m -> assertThat(m).contains("holds no payload"))
        .anySatisfy(m -> assertThat(m).contains("a file directly in the extended-storage data-type folder"));
  }
}
