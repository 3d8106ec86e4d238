package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.ExamRecord;
import dev.ssmix2.core.record.ExamRecord.Modality;
import dev.ssmix2.core.record.ExamRecord.Observation;
import dev.ssmix2.core.record.ExamRecord.Procedure;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** OMG-*: one procedure per ORC group (or per OBR when there is no ORC, as in ORU^R01), OBX kept per procedure. */
final class ExamExtractor {
  private ExamExtractor() {}

  static ExamRecord extract(Hl7Message m, RecordSource src, Modality modality, boolean isResult) {
    String leader = m.segment("ORC").isPresent() ? "ORC" : "OBR";
    List<Procedure> procedures = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    for (List<Segment> group : m.groups(leader)) {
      Optional<Segment> orc = Segments.first(group, "ORC");
      Optional<Segment> obr = Segments.first(group, "OBR");
      String placer = Segments.value(orc, 2);
      if (placer.isEmpty()) {
        placer = Segments.value(obr, 2);
      }
      String parent = Segments.value(orc, 8);
      if (parent.isEmpty()) {
        parent = Segments.value(obr, 29);
      }
      if (obr.isPresent()) {
        procedures.add(new Procedure(Segments.value(orc, 1), placer, parent, Coded.of(obr.get().field(4)),
            Hl7Timestamp.parse(obr.get().value(7))));
      }
      for (int i = 0; i < group.size(); i++) {
        Segment obx = group.get(i);
        if (!obx.id().equals("OBX")) {
          continue;
        }
        List<String> comments = new ArrayList<>();
        for (int j = i + 1; j < group.size() && group.get(j).id().equals("NTE"); j++) {
          comments.add(Segments.comment(group.get(j)));
        }
        String unit = obx.field(6).component(1).strip();
        String type = obx.value(2).strip();
        Optional<AmbiguousValue> ambiguity = LabExtractor.ambiguity(type, obx.field(5));
        String value = ambiguity.map(AmbiguousValue::raw).orElseGet(() -> LabExtractor.value(obx.field(5)));
        observations.add(new Observation(placer, type, Coded.of(obx.field(3)), value, unit,
            obx.field(4).raw().strip(), comments, ambiguity));
      }
    }
    return new ExamRecord(src, modality, isResult, procedures, observations);
  }
}
