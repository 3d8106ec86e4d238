package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageRoot;
import java.util.List;

/**
 * One storage root an update reads, registered under a facility (医療施設). The planning step takes a list of these,
 * so that roots of several facilities can be indexed side by side; today every root belongs to
 * {@link #DEFAULT_FACILITY}.
 *
 * @param facility the facility the root belongs to
 * @param root the root folder
 */
record UpdateSource(String facility, StorageRoot root) {

  /** The facility of roots registered without one. */
  static final String DEFAULT_FACILITY = "default";

  UpdateSource {
    checkNotNull(facility, "facility must not be null; use UpdateSource.DEFAULT_FACILITY");
    checkArgument(!facility.isBlank(), "facility must not be blank; use UpdateSource.DEFAULT_FACILITY");
    checkNotNull(root, "root must not be null");
  }

  /** Every root under the default facility, in the order given. */
  static List<UpdateSource> of(List<StorageRoot> roots) {
    return roots.stream().map(r -> new UpdateSource(DEFAULT_FACILITY, r)).toList();
  }

  static List<StorageRoot> roots(List<UpdateSource> sources) {
    return sources.stream().map(UpdateSource::root).toList();
  }
}
