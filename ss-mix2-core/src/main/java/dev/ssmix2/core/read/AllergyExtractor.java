package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.RecordSource;
import java.util.ArrayList;
import java.util.List;

/** ADT-61: one allergy per IAM segment. */
final class AllergyExtractor {
  private AllergyExtractor() {}

  static AllergyRecord extract(Hl7Message m, RecordSource src) {
    List<AllergyRecord.Allergy> allergies = new ArrayList<>();
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).id().equals("IAM")) {
        continue;
      }
      List<String> comments = new ArrayList<>();
      for (int j = i + 1; j < segments.size() && segments.get(j).id().equals("NTE"); j++) {
        comments.add(Segments.comment(segments.get(j)));
      }
      allergies.add(allergy(segments.get(i), comments));
    }
    return new AllergyRecord(src, allergies);
  }

  private static AllergyRecord.Allergy allergy(Segment iam, List<String> comments) {
    Field onsetText = iam.field(12);
    return new AllergyRecord.Allergy(Coded.of(iam.field(2)), Coded.of(iam.field(3)), Coded.of(iam.field(4)),
        iam.field(5).value().strip(), Coded.of(iam.field(6)), Hl7Timestamp.parse(iam.value(11)),
        (onsetText.componentCount(0) > 1 ? onsetText.raw() : onsetText.value()).strip(), comments);
  }
}
