package dev.ssmix2.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Solr client is an optional dependency of index: only {@code dev.ssmix2.index.solr} may mention it (or ZooKeeper),
 * so users of the embedded index never load it. Checked on the compiled classes, whose constant pools name every class
 * they refer to.
 */
class SolrOptionalTest {
  private static final List<String> SOLR = List.of("org/apache/solr/", "org/apache/zookeeper/");

  @Test
  void onlyTheSolrPackageRefersToSolr() throws IOException, URISyntaxException {
    Path classes = Path.of(PatientIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path solr = classes.resolve("dev/ssmix2/index/solr");
    try (Stream<Path> files = Files.walk(classes)) {
      assertThat(files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.startsWith(solr))
          .filter(SolrOptionalTest::mentionsSolr)
          .map(f -> classes.relativize(f).toString())
          .toList()).as("index classes outside index.solr that refer to Solr").isEmpty();
    }
    assertThat(mentionsSolr(solr.resolve("SolrPatientIndex.class"))).as("the check sees Solr where it is").isTrue();
  }

  private static boolean mentionsSolr(Path classFile) {
    try {
      String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return SOLR.stream().anyMatch(text::contains);
    } catch (IOException e) {
      throw new AssertionError(classFile + ": " + e.getMessage(), e);
    }
  }
}
