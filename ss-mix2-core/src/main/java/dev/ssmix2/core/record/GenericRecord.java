package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.hl7.Hl7Message;

/** Any message without a typed record (ADT-01, extended-storage types, unknown folders): the tokenized message. */
public record GenericRecord(RecordSource source, Hl7Message message) implements ClinicalRecord {
  public GenericRecord {
    checkArgument(source != null && message != null, "generic record fields must not be null");
  }

  @Override
  public String summary() {
    String type = source.dataType().standard().map(s -> s.japaneseName()).orElse(source.dataType().code());
    return Summaries.line(source, type, source.messageType().toString());
  }
}
