package dev.ssmix2.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles every {@code java} block of README.md against the project's classes, so the examples stay true. */
class ReadmeExamplesTest {

  private static final String IMPORTS = String.join("\n",
      "import java.nio.file.*;", "import java.util.*;", "import java.util.stream.*;",
      "import dev.ssmix2.core.storage.*;", "import dev.ssmix2.core.version.*;", "import dev.ssmix2.core.read.*;",
      "import dev.ssmix2.core.*;", "import dev.ssmix2.core.record.*;", "import dev.ssmix2.core.validate.*;",
      "import dev.ssmix2.core.fhir.*;",
      "import dev.ssmix2.index.store.*;", "import dev.ssmix2.index.search.*;", "import dev.ssmix2.index.name.*;",
      "import dev.ssmix2.index.solr.*;");

  @Test
  void everyJavaBlockCompiles(@TempDir Path out) throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<JavaFileObject> sources = new ArrayList<>();
    while (m.find()) {
      String name = "Example" + sources.size();
      String code = IMPORTS + "\nclass " + name + " {\n  static void run() throws Exception {\n" + m.group(1)
          + "\n  }\n}\n";
      sources.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      });
    }
    assertThat(sources).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"),
          null, sources).call();
      assertThat(ok).as(diagnostics.toString()).isTrue();
    }
  }

  private static Path readme() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("pom.xml"))
          && Files.isDirectory(p.resolve("ss-mix2-core"))) {
        return p.resolve("README.md");
      }
    }
    throw new IllegalStateException("README.md of the project not found above " + dir);
  }
}
