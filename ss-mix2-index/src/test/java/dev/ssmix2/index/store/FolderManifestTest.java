package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.index.store.FolderManifest.FileTime;
import dev.ssmix2.index.store.FolderManifest.FolderTime;
import dev.ssmix2.index.store.FolderManifest.Part;
import dev.ssmix2.index.store.FolderManifest.Unplaced;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FolderManifestTest {

  static final FolderManifest MANIFEST = new FolderManifest("0000000001", List.of(
      new Part(0, "000/000/0000000001",
          List.of(new FolderTime("", 1_700_000_000_123_456_789L), new FolderTime("20240101", FolderManifest.UNTRUSTED)),
          List.of(new FileTime("20240101/OMP-01/0000000001_20240101_OMP-01_1_20240101120000000_01_1", 512, 1_700_000_000_123L),
              new FileTime("20240101/DOC/0000000001_20240101_DOC_1_20240101120000000_01_1", -1, 1_700_000_000_000L)),
          List.of(new Unplaced("-/ADT-00/𠮷.txt", Problem.STRAY_FILE, "not an SS-MIX2 file"))),
      new Part(1, "000/000/0000000001", List.of(new FolderTime("", 42)), List.of(), List.of())));

  @Test
  void encodesAndDecodesEveryPart() {
    BytesRef bytes = MANIFEST.encode();
    assertThat(FolderManifest.decode(bytes)).isEqualTo(MANIFEST);
    assertThat(MANIFEST.fileCount()).isEqualTo(2);
  }

  @Test
  void theOutlineIsTheManifestWithoutItsStampsAndKeepsTheFileCount() {
    FolderManifest.Outline o = FolderManifest.outline(MANIFEST.encode());
    assertThat(o.fileCount()).isEqualTo(MANIFEST.fileCount()).isPositive();
    assertThat(o.manifest().patient()).isEqualTo(MANIFEST.patient());
    assertThat(o.manifest().parts()).extracting(p -> p.root() + " " + p.folder() + " " + p.unplaced())
        .containsExactlyElementsOf(MANIFEST.parts().stream().map(p -> p.root() + " " + p.folder() + " "
            + p.unplaced()).toList());
    assertThat(o.manifest().parts()).allSatisfy(p -> assertThat(p.files()).isEmpty());
    assertThatThrownBy(() -> FolderManifest.outline(new BytesRef(new byte[] {9, 9, 9, 9, 9, 9})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodesFromAnOffsetInsideALargerBuffer() {
    BytesRef bytes = MANIFEST.encode();
    byte[] padded = new byte[bytes.length + 7];
    System.arraycopy(bytes.bytes, bytes.offset, padded, 3, bytes.length);
    assertThat(FolderManifest.decode(new BytesRef(padded, 3, bytes.length))).isEqualTo(MANIFEST);
  }

  @Test
  void bytesThatAreNoManifestAreRejectedWithTheReason() {
    assertThatThrownBy(() -> FolderManifest.decode(new BytesRef(new byte[] {9, 9, 9, 9, 9, 9})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
    BytesRef good = MANIFEST.encode();
    BytesRef cut = new BytesRef(good.bytes, good.offset, good.length - 4);
    assertThatThrownBy(() -> FolderManifest.decode(cut)).isInstanceOf(IllegalArgumentException.class);
  }
}
