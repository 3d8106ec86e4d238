package dev.ssmix2.core.version;

import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.VersionKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which file of each key is current, following the condition-flag rules (コンディションフラグ):
 * the single {@code _1} file is current; several {@code _1} files → the newest 発生日時 wins and an anomaly is
 * reported; no {@code _1} → the key is superseded or deleted.
 *
 * <p>ADT-00 and PPR-01 are whole-patient snapshots: one file holds all demographics or the whole problem list, so
 * their versions are grouped per patient and type, whatever the order number and date written by the sender. One
 * exception: some writers keep one PPR-01 file per diagnosis event, each under its own order number and each
 * current ({@code _1}). When the current PPR-01 files of a patient have different keys, each key is resolved on its
 * own, so every part of the problem list stays current; readers show their union
 * ({@code ProblemListRecord.union}).
 *
 * <pre>{@code
 * List<History> histories = VersionResolver.resolve(storage.files(patientId).toList());
 * histories.forEach(h -> h.current().ifPresent(f -> System.out.println(f.relativePath())));
 * }</pre>
 */
public final class VersionResolver {

  private static final Set<DataType> SNAPSHOT_TYPES = Set.of(StandardDataType.ADT_00, StandardDataType.PPR_01);

  private static final Comparator<StorageFile> BY_TIME = Comparator
      .comparing((StorageFile f) -> f.name().timestamp())
      .thenComparing(f -> f.name().flag() == ConditionFlag.CURRENT) // a _1 beats an equal-time _2/_0
      .thenComparing(StorageFile::relativePath);

  private VersionResolver() {}

  /** Whether the type is a whole-patient snapshot (ADT-00, PPR-01). */
  public static boolean isSnapshot(DataType type) {
    return SNAPSHOT_TYPES.contains(type);
  }

  /**
   * Groups files by key and resolves each group. The result keeps the order in which keys first appear.
   */
  public static List<History> resolve(Collection<StorageFile> files) {
    Map<Object, List<StorageFile>> groups = new LinkedHashMap<>();
    for (StorageFile f : files) {
      groups.computeIfAbsent(groupOf(f.name()), k -> new ArrayList<>()).add(f);
    }
    List<History> out = new ArrayList<>(groups.size());
    for (List<StorageFile> g : groups.values()) {
      if (isSplitProblemList(g)) {
        Map<VersionKey, List<StorageFile>> byKey = new LinkedHashMap<>();
        for (StorageFile f : g) {
          byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        byKey.values().forEach(k -> out.add(resolveGroup(k)));
      } else {
        out.add(resolveGroup(g));
      }
    }
    return out;
  }

  /** A patient's PPR-01 files whose current ({@code _1}) files have different keys: one file per diagnosis event. */
  private static boolean isSplitProblemList(List<StorageFile> group) {
    if (group.isEmpty() || group.get(0).dataType() != StandardDataType.PPR_01) {
      return false;
    }
    return group.stream().filter(f -> f.flag() == ConditionFlag.CURRENT).map(StorageFile::key).distinct()
        .count() > 1;
  }

  private static Object groupOf(FileName n) {
    if (isSnapshot(n.dataType())) {
      return List.of(n.patientId(), n.dataType());
    }
    return n.key();
  }

  /** Resolves the versions of one key (all files must share it). */
  static History resolveGroup(List<StorageFile> group) {
    List<StorageFile> sorted = new ArrayList<>(group);
    sorted.sort(BY_TIME);
    List<StorageFile> valid = sorted.stream().filter(f -> f.flag() == ConditionFlag.CURRENT).toList();
    StorageFile current = valid.isEmpty() ? null : valid.get(valid.size() - 1);
    List<String> anomalies = new ArrayList<>();
    if (valid.size() > 1) {
      List<String> orderNos = valid.stream().map(f -> f.name().date().token() + "/" + f.name().orderNo())
          .distinct().toList();
      if (orderNos.size() > 1) {
        anomalies.add(valid.size() + " files carry flag 1 for " + orderNos.size() + " different keys ("
            + String.join(", ", orderNos) + ") of the patient's " + current.dataType().code() + " snapshot; the"
            + " newest (" + current.name().timestamp() + ") is taken as current");
      } else {
        anomalies.add(valid.size() + " files carry flag 1 for one key; the newest (" + current.name().timestamp()
            + ") is taken as current");
      }
    }
    List<Version> versions = new ArrayList<>(sorted.size());
    for (StorageFile f : sorted) {
      VersionStatus s;
      if (f == current) {
        s = VersionStatus.CURRENT;
      } else if (f.flag() == ConditionFlag.DELETED) {
        s = VersionStatus.DELETED;
      } else {
        s = VersionStatus.SUPERSEDED;
      }
      versions.add(new Version(f, s));
    }
    StorageFile keyFile = current != null ? current : sorted.get(sorted.size() - 1);
    VersionKey key = keyFile.key();
    return new History(key, versions, anomalies);
  }
}
