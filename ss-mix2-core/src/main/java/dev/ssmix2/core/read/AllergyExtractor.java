package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.RecordSource;

/** ADT-61: one allergy per IAM segment. */
final class AllergyExtractor {
  private AllergyExtractor() {}

  static AllergyRecord extract(Hl7Message m, RecordSource src) {
    return new AllergyRecord(src, m.segments("IAM").stream().map(AllergyExtractor::allergy).toList());
  }

  private static AllergyRecord.Allergy allergy(Segment iam) {
    return new AllergyRecord.Allergy(Coded.of(iam.field(2)), Coded.of(iam.field(3)), Coded.of(iam.field(4)),
        iam.field(5).value().strip(), Coded.of(iam.field(6)), Hl7Timestamp.parse(iam.value(11)));
  }
}
