package dev.ssmix2.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Sets;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module's public API small on purpose. Packages named {@code dev.ssmix2.index.internal.…} hold the Lucene
 * document layer and the query planner: their types are public only so that the module's own packages can reach
 * them. Users must not see them, so (1) the set of public types there is fixed by {@code internal-public-types.txt}
 * (a new one fails here until it is listed deliberately), and (2) no public signature of an API package mentions an
 * internal type (an API method returning {@code PatientDocument} would make the internal package public again).
 */
class PublicApiTest {
  private static final String INTERNAL = "dev.ssmix2.index.internal.";
  private static List<Class<?>> publicTypes;

  @BeforeAll
  static void scan() throws IOException, URISyntaxException {
    // The module's own classes folder, found from a class in it: works under Maven and in an IDE alike.
    Path classes = Path.of(PatientIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info") || name.equals("module-info")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
          if (isVisible(type)) {
            found.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    publicTypes = found;
  }

  private static boolean isVisible(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void publicTypesInInternalPackagesAreTheListedOnes() throws IOException {
    Set<String> actual = new TreeSet<>();
    for (Class<?> type : publicTypes) {
      if (type.getName().startsWith(INTERNAL)) {
        actual.add(type.getName());
      }
    }
    Set<String> listed = listed();
    assertThat(Sets.difference(actual, listed))
        .as("public types in internal packages that are not listed in internal-public-types.txt: make them "
            + "package-private, or list them there if another package of this module really needs them")
        .isEmpty();
    assertThat(Sets.difference(listed, actual))
        .as("types listed in internal-public-types.txt that are gone or no longer public: remove the lines")
        .isEmpty();
  }

  @Test
  void apiSignaturesDoNotMentionInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      if (type.getName().startsWith(INTERNAL)) {
        continue;
      }
      List<Type> mentioned = new ArrayList<>();
      if (type.getGenericSuperclass() != null) {
        mentioned.add(type.getGenericSuperclass());
      }
      mentioned.addAll(Arrays.asList(type.getGenericInterfaces()));
      for (Field f : type.getDeclaredFields()) {
        if (exposed(f.getModifiers())) {
          mentioned.add(f.getGenericType());
        }
      }
      List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
      members.addAll(Arrays.asList(type.getDeclaredMethods()));
      for (Executable m : members) {
        if (!exposed(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        mentioned.addAll(Arrays.asList(m.getGenericParameterTypes()));
        mentioned.addAll(Arrays.asList(m.getGenericExceptionTypes()));
        if (m instanceof Method method) {
          mentioned.add(method.getGenericReturnType());
        }
      }
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          mentioned.add(c.getGenericType());
        }
      }
      for (Type t : mentioned) {
        if (t.getTypeName().contains(INTERNAL)) {
          leaks.add(type.getName() + " exposes " + t.getTypeName());
        }
      }
    }
    assertThat(leaks).as("API types must not expose internal types").isEmpty();
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static Set<String> listed() throws IOException {
    try (InputStream in = PublicApiTest.class.getResourceAsStream("internal-public-types.txt")) {
      assertThat(in).as("internal-public-types.txt next to this test").isNotNull();
      Set<String> names = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          names.add(trimmed);
        }
      }
      return names;
    }
  }
}
