package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.store.Facility;
import java.time.LocalDate;
import java.util.Optional;

/** The JSON the commands print: one indented object, and the patient fields every command names the same way. */
final class CliJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CliJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code patientId, name, kana, birthDate (yyyy-MM-dd or null), sex}: the identity shown for every patient. */
  static ObjectNode putPatient(ObjectNode o, PatientId id, String name, String kana, Optional<LocalDate> birthDate,
      Sex sex) {
    o.put("patientId", id.value());
    o.put("name", name);
    o.put("kana", kana);
    if (birthDate.isPresent()) {
      o.put("birthDate", birthDate.get().toString());
    } else {
      o.putNull("birthDate");
    }
    o.put("sex", sex.code());
    return o;
  }

  /** {@code facility: {code, name}}: which facility's patient (the default facility's code is {@code default}). */
  static ObjectNode putFacility(ObjectNode o, Facility facility) {
    o.putObject("facility").put("code", facility.code()).put("name", facility.name());
    return o;
  }

  static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
