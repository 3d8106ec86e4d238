package dev.ssmix2.examples.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one JSON mapper of the viewer. View models hold {@link Optional} instead of nulls; on the wire an absent value is
 * {@code null}, and dates are ISO {@code yyyy-MM-dd}. Done here so the examples module needs no extra Jackson modules.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(viewModels());

  private Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName() + " to JSON", e);
    }
  }

  static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName() + " to JSON", e);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static SimpleModule viewModels() {
    SimpleModule module = new SimpleModule("ssmix2-viewer");
    module.addSerializer((Class) Optional.class, new OptionalSerializer());
    module.addSerializer(OptionalInt.class, new OptionalIntSerializer());
    module.addSerializer(LocalDate.class, ToStringSerializer.instance);
    return module;
  }

  private static final class OptionalSerializer extends JsonSerializer<Optional<?>> {
    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }

  private static final class OptionalIntSerializer extends JsonSerializer<OptionalInt> {
    @Override
    public void serialize(OptionalInt value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        gen.writeNumber(value.getAsInt());
      } else {
        gen.writeNull();
      }
    }
  }
}
