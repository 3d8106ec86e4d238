package dev.ssmix2.index.store;

import com.google.common.base.Splitter;
import dev.ssmix2.index.name.NameKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each commit records about itself (Lucene commit user data): schema version, NameKeys table version, and per
 * facility its name, the roots it was built from, counts, and what its incremental updates keep (the entries above
 * the patient folders, the transaction-log position). A schema or table version other than this build's forces a
 * rebuild, because the stored keys would no longer match the keys queries compute.
 *
 * <p>Layout (docs/index-design.md, "Facilities"): {@code schema}, {@code nameKeysTableVersion}, {@code facilities}
 * (the codes, one a line), and for each facility its entries under the prefix {@code facility.CODE.}: {@code name},
 * {@code roots} (one a line), {@code files}, {@code patients}, and the entries of {@link TopLevelEntries#KEY} and
 * {@link TransactionFeed#KEY}.
 *
 * @param layoutWithFacilities whether the commit was written with facilities (an index of an older layout has a
 *     schema but no facility list; it cannot be read by facility and patient ID and is rebuilt by the next update)
 */
record CommitMetadata(String schema, String tableVersion, boolean layoutWithFacilities,
    List<FacilityCommit> facilities) {

  /** Bump whenever fields or document layout change. */
  static final String SCHEMA = "ssmix2-patient-index-7";

  private static final String K_SCHEMA = "schema";
  private static final String K_TABLES = "nameKeysTableVersion";
  private static final String K_FACILITIES = "facilities";
  private static final String K_NAME = "name";
  private static final String K_ROOTS = "roots";
  private static final String K_FILES = "files";
  private static final String K_PATIENTS = "patients";

  CommitMetadata {
    facilities = List.copyOf(facilities);
  }

  /**
   * What the last commit says of one facility.
   *
   * @param facility code and name as last indexed
   * @param roots the roots of its last update, in the order given
   * @param files placed files seen
   * @param patients patients in the index
   */
  record FacilityCommit(Facility facility, List<Path> roots, long files, long patients) {
    FacilityCommit {
      roots = List.copyOf(roots);
    }
  }

  boolean isCompatible() {
    return layoutWithFacilities && SCHEMA.equals(schema) && NameKeys.TABLE_VERSION.equals(tableVersion);
  }

  /** An index written before facilities existed: it has a schema, but no facility list. */
  boolean isOldLayout() {
    return !layoutWithFacilities && !schema.isEmpty();
  }

  Optional<FacilityCommit> facility(String code) {
    return facilities.stream().filter(f -> f.facility().code().equals(code)).findFirst();
  }

  /** Every facility's roots, facility by facility. */
  List<Path> roots() {
    return facilities.stream().flatMap(f -> f.roots().stream()).toList();
  }

  private static String prefix(String code) {
    return "facility." + code + ".";
  }

  /** The entries of one facility in {@code userData}, without their prefix. */
  static Map<String, String> entries(Map<String, String> userData, String code) {
    String prefix = prefix(code);
    Map<String, String> out = new HashMap<>();
    userData.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * The user data of a commit after an update of {@code facility}: this build's schema and table version, the other
   * facilities' entries of {@code previous} as they were, and this facility's entries replaced by its name, roots,
   * counts and {@code extra} (keys without prefix).
   */
  static Map<String, String> with(Map<String, String> previous, Facility facility, List<Path> roots, long files,
      long patients, Map<String, String> extra) {
    String prefix = prefix(facility.code());
    Map<String, String> out = new HashMap<>();
    previous.forEach((k, v) -> {
      if (k.startsWith("facility.") && !k.startsWith(prefix)) {
        out.put(k, v);
      }
    });
    List<String> codes = new ArrayList<>(Splitter.on('\n').omitEmptyStrings()
        .splitToList(previous.getOrDefault(K_FACILITIES, "")));
    if (!codes.contains(facility.code())) {
      codes.add(facility.code());
    }
    codes.sort(null);
    out.put(K_SCHEMA, SCHEMA);
    out.put(K_TABLES, NameKeys.TABLE_VERSION);
    out.put(K_FACILITIES, String.join("\n", codes));
    out.put(prefix + K_NAME, facility.name());
    out.put(prefix + K_ROOTS, String.join("\n", roots.stream().map(Path::toString).toList()));
    out.put(prefix + K_FILES, Long.toString(files));
    out.put(prefix + K_PATIENTS, Long.toString(patients));
    extra.forEach((k, v) -> out.put(prefix + k, v));
    return out;
  }

  static CommitMetadata fromUserData(Map<String, String> m) {
    List<FacilityCommit> facilities = new ArrayList<>();
    String codes = m.get(K_FACILITIES);
    if (codes != null) {
      for (String code : Splitter.on('\n').omitEmptyStrings().split(codes)) {
        Map<String, String> e = entries(m, code);
        facilities.add(new FacilityCommit(
            new Facility(code, e.getOrDefault(K_NAME, "")),
            Splitter.on('\n').omitEmptyStrings().splitToStream(e.getOrDefault(K_ROOTS, "")).map(Path::of).toList(),
            Long.parseLong(e.getOrDefault(K_FILES, "0")),
            Long.parseLong(e.getOrDefault(K_PATIENTS, "0"))));
      }
    }
    if (codes == null && m.containsKey(K_ROOTS)) {
      // the layout before facilities: its roots, so that an update without roots can rebuild it from them
      facilities.add(new FacilityCommit(Facility.DEFAULT,
          Splitter.on('\n').omitEmptyStrings().splitToStream(m.get(K_ROOTS)).map(Path::of).toList(),
          Long.parseLong(m.getOrDefault(K_FILES, "0")), Long.parseLong(m.getOrDefault(K_PATIENTS, "0"))));
    }
    return new CommitMetadata(m.getOrDefault(K_SCHEMA, ""), m.getOrDefault(K_TABLES, ""), codes != null,
        facilities);
  }
}
