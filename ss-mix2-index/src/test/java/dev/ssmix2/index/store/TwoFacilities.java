package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Two hospitals' storages that share a patient ID: 0007001108 is 坂本 恵子 at {@link #SENDAI} and 高田 誠 at
 * {@link #ISHINOMAKI}, each with the same prescription (OMP-01) copied from search-cases-public. Sendai also has
 * 0000000501 (港 一郎), Ishinomaki 0000000502 (港 二郎): a name both facilities' patients answer to.
 */
final class TwoFacilities {
  static final Facility SENDAI = Facility.of("0412345678", "仙台医療センター");
  static final Facility ISHINOMAKI = Facility.of("0419876543", "石巻赤十字病院");
  static final String SHARED_ID = "0007001108";

  final Path sendai;
  final Path ishinomaki;

  private TwoFacilities(Path sendai, Path ishinomaki) {
    this.sendai = sendai;
    this.ishinomaki = ishinomaki;
  }

  static TwoFacilities write(Path base) throws IOException {
    Path sendai = base.resolve("sendai");
    Path ishinomaki = base.resolve("ishinomaki");
    Path omp = PublicSearchCasesTest.cases().resolve("root-dated/000/700/" + SHARED_ID);
    IndexedCopy.copyTree(omp, sendai.resolve("000/700/" + SHARED_ID));
    IndexedCopy.copyTree(omp, ishinomaki.resolve("000/700/" + SHARED_ID));
    Adt00Files.write(sendai, SHARED_ID, pid5("坂本", "恵子", "サカモト", "ケイコ"), "19731127", "F",
        "20240101090000000", '1');
    Adt00Files.write(ishinomaki, SHARED_ID, pid5("高田", "誠", "タカダ", "マコト"), "19600505", "M",
        "20240101090000000", '1');
    Adt00Files.write(sendai, "0000000501", pid5("港", "一郎", "ミナト", "イチロウ"), "19500101", "M",
        "20240101090000000", '1');
    Adt00Files.write(ishinomaki, "0000000502", pid5("港", "二郎", "ミナト", "ジロウ"), "19520202", "M",
        "20240101090000000", '1');
    return new TwoFacilities(sendai, ishinomaki);
  }

}
