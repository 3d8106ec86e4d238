package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What part of a storage a walk visits. Immutable; each {@code with…} method returns a narrowed copy. Filters are
 * applied while walking, so excluded patient and date folders are never listed.
 *
 * <pre>{@code
 * StorageFilter f = StorageFilter.all()
 *     .withPatients(PatientId.of("0000000111"))
 *     .withDataTypes(StandardDataType.OMP_01, StandardDataType.OML_11)
 *     .withFlags(ConditionFlag.CURRENT);
 * }</pre>
 */
public final class StorageFilter {

  private static final StorageFilter ALL = new StorageFilter(null, null, null, true, null, null);

  private final ImmutableSet<PatientId> patients;
  private final LocalDate from;
  private final LocalDate to;
  private final boolean includeUndated;
  private final ImmutableSet<String> dataTypes;
  private final ImmutableSet<ConditionFlag> flags;

  private StorageFilter(ImmutableSet<PatientId> patients, LocalDate from, LocalDate to, boolean includeUndated,
      ImmutableSet<String> dataTypes, ImmutableSet<ConditionFlag> flags) {
    this.patients = patients;
    this.from = from;
    this.to = to;
    this.includeUndated = includeUndated;
    this.dataTypes = dataTypes;
    this.flags = flags;
  }

  /** Everything. */
  public static StorageFilter all() {
    return ALL;
  }

  public StorageFilter withPatients(PatientId... ids) {
    return withPatients(Arrays.asList(ids));
  }

  public StorageFilter withPatients(Collection<PatientId> ids) {
    checkNotNull(ids, "ids must not be null");
    checkArgument(!ids.isEmpty(), "patient filter needs at least one ID");
    return new StorageFilter(ImmutableSet.copyOf(ids), from, to, includeUndated, dataTypes, flags);
  }

  /**
   * Only 診療日 folders from {@code first} to {@code last}, inclusive. The undated {@code -} folder stays included
   * unless {@code includeUndated} is false: its data (demographics, allergies, problems) has no date to compare.
   */
  public StorageFilter withDates(LocalDate first, LocalDate last, boolean includeUndated) {
    checkNotNull(first, "first must not be null");
    checkNotNull(last, "last must not be null");
    checkArgument(!first.isAfter(last), "date range %s..%s is empty; expected first <= last", first, last);
    return new StorageFilter(patients, first, last, includeUndated, dataTypes, flags);
  }

  public StorageFilter withDataTypes(DataType... types) {
    checkArgument(types.length > 0, "data type filter needs at least one type");
    return new StorageFilter(patients, from, to, includeUndated,
        Arrays.stream(types).map(DataType::code).collect(ImmutableSet.toImmutableSet()), flags);
  }

  public StorageFilter withFlags(ConditionFlag... wanted) {
    checkArgument(wanted.length > 0, "flag filter needs at least one flag");
    return new StorageFilter(patients, from, to, includeUndated, dataTypes, ImmutableSet.copyOf(wanted));
  }

  public Optional<Set<PatientId>> patients() {
    return Optional.ofNullable(patients);
  }

  boolean acceptsFirstFolder(String name) {
    return patients == null || patients.stream().anyMatch(p -> p.firstFolder().equals(name));
  }

  boolean acceptsSecondFolder(String first, String name) {
    return patients == null
        || patients.stream().anyMatch(p -> p.firstFolder().equals(first) && p.secondFolder().equals(name));
  }

  boolean acceptsPatient(PatientId id) {
    return patients == null || patients.contains(id);
  }

  boolean acceptsDate(CareDate date) {
    if (date.isUndated()) {
      return includeUndated;
    }
    LocalDate d = date.date().orElseThrow();
    return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
  }

  boolean acceptsDataType(String folder) {
    return dataTypes == null || dataTypes.contains(folder);
  }

  boolean acceptsFlag(ConditionFlag flag) {
    return flags == null || flags.contains(flag);
  }

  /** Whether a placed file passes every part of this filter. */
  public boolean accepts(StorageFile file) {
    FileName n = file.name();
    return acceptsPatient(n.patientId()) && acceptsDate(n.date()) && acceptsDataType(n.dataType().code())
        && acceptsFlag(n.flag());
  }
}
