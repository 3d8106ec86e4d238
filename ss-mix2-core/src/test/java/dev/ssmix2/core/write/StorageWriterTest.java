package dev.ssmix2.core.write;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.FileName;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageWriterTest {
  private static final String OMD = "MSH|^~\\&|HIS|SEND|GW|RCV|20150401091234||OMD^O03^OMD_O03|1|P|2.5\r"
      + "PID|0001||0000000001^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19480405|M\r";
  private static final String KEY = "0000000001_20150401_OMD_197684235170598_";

  @TempDir Path root;

  private FileName name(String ts) {
    return FileName.parse(KEY + ts + "_01_1");
  }

  private List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path omdFolder() {
    return root.resolve("000/000/0000000001/20150401/OMD");
  }

  @Test
  void insertWritesTheFileAtItsFolderWithFlagOne() throws IOException {
    WriteResult r = StorageWriter.create(root).insert(OMD, name("20150401091234123"));

    assertThat(r.written()).isEqualTo(omdFolder().resolve(KEY + "20150401091234123_01_1"));
    assertThat(r.renamed()).isEmpty();
    assertThat(filesIn(omdFolder())).containsExactly(KEY + "20150401091234123_01_1");
  }

  @Test
  void updatesSupersedeTheCurrentVersion() throws IOException {
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, name("20150401091234123"));
    w.insert(OMD, name("20150401201205234"));
    WriteResult third = w.insert(OMD, name("20150401201206345"));

    assertThat(filesIn(omdFolder())).containsExactly(
        KEY + "20150401091234123_01_2",
        KEY + "20150401201205234_01_2",
        KEY + "20150401201206345_01_1");
    assertThat(third.renamed()).singleElement().satisfies(rn ->
        assertThat(rn.to().getFileName().toString()).isEqualTo(KEY + "20150401201205234_01_2"));
  }

  @Test
  void deleteInvalidatesEveryVersionAndKeepsTheDeleteMessage() throws IOException {
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, name("20150401091234123"));
    w.insert(OMD, name("20150401201205234"));
    WriteResult del = w.delete(OMD.replace("OMD^O03", "OMD^O03"), name("20150401201206345"));

    assertThat(filesIn(omdFolder())).containsExactly(
        KEY + "20150401091234123_01_0",
        KEY + "20150401201205234_01_0",
        KEY + "20150401201206345_01_0");
    assertThat(del.renamed()).hasSize(2);
  }

  @Test
  void cancelThenReorderLeavesTwoZerosAndANewOne() throws IOException {
    // JAMI-UC: an order change travels as DEL (…567) followed by INS (…568).
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, name("20220101235959000"));
    w.delete(OMD, name("20220101235959567"));
    w.insert(OMD, name("20220101235959568"));

    assertThat(filesIn(omdFolder())).containsExactly(
        KEY + "20220101235959000_01_0",
        KEY + "20220101235959567_01_0",
        KEY + "20220101235959568_01_1");
  }

  @Test
  void otherKeysInTheSameFolderAreLeftAlone() throws IOException {
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, FileName.parse("0000000001_20150401_OMD_197684235170605_20150401201206345_01_1"));
    w.insert(OMD, name("20150401091234123"));
    w.delete(OMD, name("20150401201205234"));

    assertThat(filesIn(omdFolder())).contains("0000000001_20150401_OMD_197684235170605_20150401201206345_01_1");
  }

  @Test
  void writesIso2022JpWithCrAfterEverySegment() throws IOException {
    WriteResult r = StorageWriter.create(root).insert(OMD.replace("\r", "\n"), name("20150401091234123"));

    byte[] bytes = Files.readAllBytes(r.written());
    assertThat(new String(bytes, Charset.forName("ISO-2022-JP"))).isEqualTo(OMD);
    for (byte b : bytes) {
      assertThat(b & 0xFF).as("7-bit").isLessThan(0x80).isNotEqualTo('\n');
    }
  }

  @Test
  void honoursLineEndingAndCharsetOptions() throws IOException {
    WriterOptions o = WriterOptions.defaults().withCharset(UTF_8).withLineEnding(LineEnding.CRLF);
    WriteResult r = StorageWriter.create(root, o).insert(OMD, name("20150401091234123"));

    assertThat(Files.readString(r.written(), UTF_8)).isEqualTo(OMD.replace("\r", "\r\n"));
  }

  @Test
  void refusesUnencodableCharactersNamingCharacterAndPosition() {
    String msg = OMD.replace("患者^太郎", "髙橋^太郎");
    StorageWriter w = StorageWriter.create(root);

    assertThatThrownBy(() -> w.insert(msg, name("20150401091234123")))
        .isInstanceOf(UnencodableCharacterException.class)
        .hasMessageContaining("U+9AD9 '髙'")
        .hasMessageContaining("segment 2 (PID)")
        .satisfies(e -> {
          UnencodableCharacterException u = (UnencodableCharacterException) e;
          assertThat(u.segment()).isEqualTo(2);
          assertThat(u.column()).isEqualTo(msg.split("\r")[1].indexOf('髙') + 1);
        });
    assertThat(omdFolder()).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(),
        p -> assertThat(filesIn(p)).isEmpty());
  }

  @Test
  void columnCountsCodePointsNotChars() {
    String bad = OMD.replace("患者^太郎", "𠮷田^髙");
    StorageWriter w = StorageWriter.create(root);

    assertThatThrownBy(() -> w.insert(bad, name("20150401091234123")))
        .isInstanceOfSatisfying(UnencodableCharacterException.class, u -> {
          assertThat(u.codePoint()).isEqualTo(0x20BB7);
          assertThat(u.column()).isEqualTo(bad.split("\r")[1].indexOf("𠮷") + 1);
        });
  }

  @Test
  void substitutesOneBlackSquarePerCodePointWhenAsked() throws IOException {
    StorageWriter w = StorageWriter.create(root, WriterOptions.defaults().withSubstituteUnencodable(true));
    WriteResult r = w.insert(OMD.replace("患者^太郎", "𠮷田^髙"), name("20150401091234123"));

    assertThat(new String(Files.readAllBytes(r.written()), Charset.forName("ISO-2022-JP")))
        .contains("■田^■^^^^^L^I");
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws IOException {
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, name("20150401091234123"));
    w.delete(OMD, name("20150401091234124"));
    assertThatThrownBy(() -> w.insert(OMD.replace("患者", "髙"), name("20150401091234125")))
        .isInstanceOf(UnencodableCharacterException.class);
    w.insert(OMD, name("20150401091234126"));
    assertThatThrownBy(() -> w.insert(OMD, name("20150401091234126")))
        .isInstanceOf(StorageWriteException.class);

    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".") || n.endsWith(".tmp"))
          .hasSize(3);
    }
  }

  @Test
  void refusesAnExistingFileName() {
    StorageWriter w = StorageWriter.create(root);
    w.insert(OMD, name("20150401091234123"));
    w.insert(OMD, name("20150401091234999"));

    assertThatThrownBy(() -> w.insert(OMD, name("20150401091234999")))
        .isInstanceOf(StorageWriteException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void refusesShortPatientIdsUnlessConfigured() {
    FileName shortId = FileName.parse("12345_-_ADT-00_999999999999999_20240101000000000_-_1");

    assertThatThrownBy(() -> StorageWriter.create(root).insert(OMD, shortId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12345 has 5 characters");
    WriteResult r = StorageWriter.create(root, WriterOptions.defaults().withMinimumIdLength(1)).insert(OMD, shortId);
    assertThat(root.relativize(r.written()).toString().replace('\\', '/'))
        .isEqualTo("123/45/12345/-/ADT-00/" + shortId.format());
  }
}
