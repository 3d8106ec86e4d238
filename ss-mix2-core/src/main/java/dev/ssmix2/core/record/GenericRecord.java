package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.Hl7Message;

/** Any message without a typed record (ADT-01, extended-storage types, unknown folders): the tokenized message. */
public record GenericRecord(RecordSource source, Hl7Message message) implements ClinicalRecord {
  public GenericRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(message, "message must not be null");
  }

  @Override
  public String summary() {
    String type = source.dataType().standard().map(s -> s.japaneseName()).orElse(source.dataType().code());
    return Summaries.line(source, type, source.messageType().toString());
  }
}
