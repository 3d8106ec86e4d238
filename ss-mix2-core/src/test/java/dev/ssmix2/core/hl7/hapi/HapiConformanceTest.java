package dev.ssmix2.core.hl7.hapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Fixtures;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7FormatException;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our tokenizer must read every fixture message exactly as HAPI's Terser does. Files that cannot be decoded into a
 * message or that HAPI refuses are reported as skipped with the reason, never silently dropped.
 */
class HapiConformanceTest {
  /** Segment ID → field → repetitions to compare (-1: every repetition) and components. */
  private record Check(String segment, int field, int reps, int... components) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("PID", 3, 1, 1, 5),
          new Check("PID", 5, 2, 1, 2, 7, 8),
          new Check("PID", 7, 1, 1),
          new Check("PID", 8, 1, 1),
          new Check("ORC", 2, 1, 1),
          new Check("RXE", 2, 1, 1, 2, 3),
          new Check("OBX", 3, 1, 1, 2, 3),
          new Check("OBX", 5, -1, 1, 2));

  @TestFactory
  Stream<DynamicTest> everyFixtureMessageReadsLikeHapi() {
    List<Path> files = new ArrayList<>(Fixtures.messageFiles(Fixtures.nhoSamples()));
    files.addAll(Fixtures.messageFiles(Fixtures.searchCases()));
    assertThat(files).hasSizeGreaterThan(800);
    return files.stream().map(file -> DynamicTest.dynamicTest(Fixtures.relative(file), () -> compare(file)));
  }

  private static void compare(Path file) throws HL7Exception {
    Hl7Message ours;
    Message hapi;
    try {
      ours = Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(file)).text());
      hapi = HapiBridge.toHapi(ours);
    } catch (Hl7FormatException e) {
      assumeTrue(false, "not comparable: " + e.getMessage());
      return;
    }
    Map<String, List<ca.uhn.hl7v2.model.Segment>> hapiSegments = segmentsInOrder(hapi);
    SoftAssertions softly = new SoftAssertions();
    int compared = 0;
    for (Check check : CHECKS) {
      List<Segment> mine = ours.segments(check.segment()).stream().filter(s -> !isBlank(s)).toList();
      List<ca.uhn.hl7v2.model.Segment> theirs = hapiSegments.getOrDefault(check.segment(), List.of());
      softly.assertThat(theirs).as("%s occurrences", check.segment()).hasSameSizeAs(mine);
      for (int occurrence = 0; occurrence < Math.min(mine.size(), theirs.size()); occurrence++) {
        Field field = mine.get(occurrence).field(check.field());
        ca.uhn.hl7v2.model.Segment segment = theirs.get(occurrence);
        int hapiReps = segment.getField(check.field()).length;
        int reps = check.reps() < 0 ? Math.max(field.repetitionCount(), hapiReps) : check.reps();
        for (int rep = 0; rep < reps; rep++) {
          for (int component : check.components()) {
            String where =
                "%s(%d)-%d(%d)-%d".formatted(check.segment(), occurrence, check.field(), rep, component);
            String expected = rep <= hapiReps ? nullToEmpty(Terser.get(segment, check.field(), rep, component, 1)) : "";
            softly.assertThat(field.component(rep, component)).as(where).isEqualTo(expected);
            compared++;
          }
        }
      }
    }
    softly.assertThat(compared).as("values compared").isPositive();
    softly.assertAll();
  }

  /** HAPI's segments by name, walking groups depth-first in structure order (which is message order here). */
  private static Map<String, List<ca.uhn.hl7v2.model.Segment>> segmentsInOrder(Message message)
      throws HL7Exception {
    Map<String, List<ca.uhn.hl7v2.model.Segment>> byName = new LinkedHashMap<>();
    collect(message, byName);
    return byName;
  }

  private static void collect(Group group, Map<String, List<ca.uhn.hl7v2.model.Segment>> byName)
      throws HL7Exception {
    for (String name : group.getNames()) {
      for (Structure structure : group.getAll(name)) {
        if (structure instanceof ca.uhn.hl7v2.model.Segment segment) {
          if (!segment.isEmpty()) {
            byName.computeIfAbsent(segment.getName(), k -> new ArrayList<>()).add(segment);
          }
        } else {
          collect((Group) structure, byName);
        }
      }
    }
  }

  /**
   * A bare segment ID such as the junk {@code PID} lines of the broken NHO samples: HAPI cannot tell it from an absent
   * segment, so neither side counts it.
   */
  private static boolean isBlank(Segment segment) {
    return segment.raw().substring(segment.id().length()).chars().allMatch(c -> "|^~&".indexOf(c) >= 0);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
