package dev.ssmix2.examples.web;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.examples.TestFixtures;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Two hospitals in one index: two copies of the public search cases' undated root, one under 仙台医療センター and one
 * under 石巻赤十字病院, so every patient ID (0000000111, 小川 健太, among them) belongs to both.
 */
final class TwoFacilityIndex {
  static final Facility SENDAI = Facility.of("0412345678", "仙台医療センター");
  static final Facility ISHINOMAKI = Facility.of("0419876543", "石巻赤十字病院");
  static final String SHARED_ID = "0000000111";
  static final String SHARED_SEARCH = "おがわ けんた";

  private TwoFacilityIndex() {}

  /** Writes both storages and their index under {@code dir}; the caller closes the index. */
  static PatientIndex build(Path dir) throws IOException {
    Path undated = TestFixtures.root().resolve("search-cases-public/root-undated");
    Path sendai = TestFixtures.copyTree(undated, dir.resolve("sendai"));
    Path ishinomaki = TestFixtures.copyTree(undated, dir.resolve("ishinomaki"));
    PatientIndex index = PatientIndex.open(dir.resolve("index"));
    index.update(SENDAI, Storage.open(sendai), ChangeDetection.EVERY_FILE, ProgressListener.none());
    index.update(ISHINOMAKI, Storage.open(ishinomaki), ChangeDetection.EVERY_FILE, ProgressListener.none());
    return index;
  }

  static String key(Facility f, String patientId) {
    return f.code() + "~" + patientId;
  }

}
