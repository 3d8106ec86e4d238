package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's ground truth against the validator: every defect the manifest lists is reported on its file, and
 * nothing is reported on a file the generator did not spoil: validation reports every defect the generator injected.
 */
class GeneratedDefectsTest {

  private static final Map<String, Set<String>> EXPECTED = Map.of(
      "HALF_WIDTH_KANA", Set.of("non-jis-characters"),
      "CP932_FILE", Set.of("non-jis-characters"),
      "UTF8_FILE", Set.of("non-jis-characters", "other-charset"),
      "CRLF_ENDINGS", Set.of("line-endings"),
      "LF_ENDINGS", Set.of("line-endings"),
      "MISSING_KANA", Set.of("missing-kana-name"),
      "GAIJI_PLACEHOLDER", Set.of("name-placeholder"),
      "SPLIT_DAKUTEN", Set.of("split-dakuten"));

  @Test
  void everyInjectedDefectIsReportedAndNothingElse(@TempDir Path out) throws IOException {
    GenerationSummary g = SyntheticStorage.builder().patients(400).seed(11).profile(Profile.REALISTIC).build()
        .generate(out, ProgressListener.none());
    Map<String, Set<String>> found = new HashMap<>();
    for (Finding f : Validator.validate(Storage.open(g.roots()))) {
      found.computeIfAbsent(f.path(), k -> new HashSet<>()).add(f.code().id());
    }
    Set<String> defectPaths = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : Files.readAllLines(g.manifest())) {
      JsonNode patient = json.readTree(line);
      for (JsonNode d : patient.path("defects")) {
        String kind = d.get("kind").asText();
        String path = d.get("path").asText();
        defectPaths.add(path);
        if (kind.equals("VARIANT_KANJI")) {
          // 齊, 邊, 澤 … are legitimate JIS characters, not defects a validator can see; the ones outside JIS come
          // with a CP932_FILE defect of their own
          continue;
        }
        Set<String> codes = found.getOrDefault(path, Set.of());
        assertThat(codes).as("findings for %s defect at %s", kind, path).isNotEmpty();
        Set<String> expected = EXPECTED.get(kind);
        if (expected != null) {
          assertThat(codes).as("findings for %s defect at %s", kind, path).containsAnyElementsOf(expected);
        }
        checked++;
      }
    }
    assertThat(checked).as("defects injected").isGreaterThan(50);
    List<String> unexpected = found.keySet().stream().filter(p -> !defectPaths.contains(p)).sorted()
        .collect(Collectors.toList());
    assertThat(unexpected).as("findings on files the generator did not spoil").isEmpty();
  }
}
