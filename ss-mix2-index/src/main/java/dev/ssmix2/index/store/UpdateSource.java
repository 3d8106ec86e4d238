package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageRoot;
import java.util.List;

/**
 * One storage root an update reads, registered under a facility (医療機関). An update covers the roots of one
 * facility; the other facilities' documents in the index stay as they are (docs/index-design.md, "Facilities").
 *
 * @param facility the facility the root belongs to ({@link Facility#DEFAULT} when none was given)
 * @param root the root folder
 */
record UpdateSource(Facility facility, StorageRoot root) {

  UpdateSource {
    checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    checkNotNull(root, "root must not be null");
  }

  /** Every root under {@code facility}, in the order given. */
  static List<UpdateSource> of(Facility facility, List<StorageRoot> roots) {
    return roots.stream().map(r -> new UpdateSource(facility, r)).toList();
  }

  /** Every root under {@link Facility#DEFAULT}, in the order given. */
  static List<UpdateSource> of(List<StorageRoot> roots) {
    return of(Facility.DEFAULT, roots);
  }

  static List<StorageRoot> roots(List<UpdateSource> sources) {
    return sources.stream().map(UpdateSource::root).toList();
  }
}
