package dev.ssmix2.index.store;

import com.google.common.base.Splitter;
import dev.ssmix2.index.name.NameKeys;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each commit records about itself (Lucene commit user data): schema version, NameKeys table version, the roots
 * it was built from, and counts. A schema or table version other than this build's forces a rebuild, because the
 * stored keys would no longer match the keys queries compute.
 */
record CommitMetadata(String schema, String tableVersion, List<Path> roots, long files, long patients) {

  /** Bump whenever fields or document layout change. */
  static final String SCHEMA = "ssmix2-patient-index-4";

  private static final String K_SCHEMA = "schema";
  private static final String K_TABLES = "nameKeysTableVersion";
  private static final String K_ROOTS = "roots";
  private static final String K_FILES = "files";
  private static final String K_PATIENTS = "patients";

  static CommitMetadata current(List<Path> roots, long files, long patients) {
    return new CommitMetadata(SCHEMA, NameKeys.TABLE_VERSION, roots, files, patients);
  }

  boolean isCompatible() {
    return SCHEMA.equals(schema) && NameKeys.TABLE_VERSION.equals(tableVersion);
  }

  Map<String, String> toUserData() {
    Map<String, String> m = new HashMap<>();
    m.put(K_SCHEMA, schema);
    m.put(K_TABLES, tableVersion);
    m.put(K_ROOTS, String.join("\n", roots.stream().map(Path::toString).toList()));
    m.put(K_FILES, Long.toString(files));
    m.put(K_PATIENTS, Long.toString(patients));
    return m;
  }

  static CommitMetadata fromUserData(Map<String, String> m) {
    String roots = m.getOrDefault(K_ROOTS, "");
    return new CommitMetadata(
        m.getOrDefault(K_SCHEMA, ""),
        m.getOrDefault(K_TABLES, ""),
        Splitter.on('\n').omitEmptyStrings().splitToStream(roots).map(Path::of).toList(),
        Long.parseLong(m.getOrDefault(K_FILES, "0")),
        Long.parseLong(m.getOrDefault(K_PATIENTS, "0")));
  }
}
