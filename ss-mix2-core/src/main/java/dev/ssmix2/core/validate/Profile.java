package dev.ssmix2.core.validate;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SS-MIX2 message profile: structures per event and field rules per segment, loaded once from the TSV
 * resources converted from the NHO testing tool (Apache-2.0; see {@code NOTICE-nho.txt}).
 */
final class Profile {
  private static final Profile INSTANCE = load();

  private final ImmutableMap<String, StructureRule> structures;
  private final ImmutableListMultimap<String, FieldRule> fields;
  private final ImmutableMap<String, String> careDateFields;

  private Profile(ImmutableMap<String, StructureRule> structures, ImmutableListMultimap<String, FieldRule> fields,
      ImmutableMap<String, String> careDateFields) {
    this.structures = structures;
    this.fields = fields;
    this.careDateFields = careDateFields;
  }

  /** The field ({@code ORC-9}, {@code SPM-17} …) whose date must equal the 診療日 folder for an event such as {@code RDE^O11}. */
  Optional<String> careDateField(String event) {
    return Optional.ofNullable(careDateFields.get(event));
  }

  static Profile get() {
    return INSTANCE;
  }

  /** The structure of an event such as {@code RDE^O11}. */
  Optional<StructureRule> structure(String event) {
    return Optional.ofNullable(structures.get(event));
  }

  List<FieldRule> fields(String segmentId) {
    return fields.get(segmentId);
  }

  private static Profile load() {
    ImmutableMap.Builder<String, StructureRule> structures = ImmutableMap.builder();
    rows("segment-order.tsv", 2, r -> structures.put(r[0], StructureRule.parse(r[0], r[1])));
    ImmutableListMultimap.Builder<String, FieldRule> fields = ImmutableListMultimap.builder();
    rows("fields.tsv", 6, r -> fields.put(r[0], new FieldRule(r[0], Integer.parseInt(r[1]), r[2],
        r[3].equals("-") ? ImmutableSet.of() : ImmutableSet.copyOf(r[3].split(",")), r[4], r[5])));
    ImmutableMap.Builder<String, String> careDates = ImmutableMap.builder();
    rows("care-date-fields.tsv", 2, r -> careDates.put(r[0], r[1]));
    return new Profile(structures.build(), fields.build(), careDates.build());
  }

  private static void rows(String resource, int columns, Consumer<String[]> sink) {
    try (InputStream in = Profile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("profile table " + resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] r = line.split("\t", -1);
        if (r.length != columns) {
          throw new IllegalStateException(resource + ": expected " + columns + " columns, got " + r.length
              + " in: " + line);
        }
        sink.accept(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile table " + resource, e);
    }
  }
}
