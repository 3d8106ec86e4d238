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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

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

  /**
   * Builds now, rather than at the first request that needs them, the serializers of these answer types and of every
   * record type they hold (record components, list elements, optionals), and loads the writing path. Jackson looks a
   * type up by reflection the first time it writes one; in a fresh JVM that was a third of a second of CPU of the first
   * chart (benchmarks/README.md, "Cold chart of the long-stay patient, session 6"). Called once as the server starts.
   */
  static void prepare(Class<?>... answers) {
    for (Class<?> type : recordTypes(answers)) {
      MAPPER.writerFor(type); // fetches and caches the serializer (EAGER_SERIALIZER_FETCH)
    }
    line(Map.of("ready", List.of(Optional.of(LocalDate.EPOCH), OptionalInt.of(1))));
  }

  /** These types and every record type their record components hold, directly or as type arguments (lists …). */
  static Set<Class<?>> recordTypes(Class<?>... roots) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (Class<?> root : roots) {
      collect(root, seen);
    }
    return seen;
  }

  private static void collect(Type type, Set<Class<?>> seen) {
    if (type instanceof Class<?> c) {
      if (seen.add(c) && c.isRecord()) {
        for (RecordComponent component : c.getRecordComponents()) {
          collect(component.getGenericType(), seen);
        }
      }
    } else if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        collect(argument, seen);
      }
    }
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
