package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.StorageFile;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource produced from a storage file.
 *
 * @param resource the resource; for a deletion only its type and logical ID matter
 * @param deleted whether this entry deletes the resource (its file is superseded or deleted: flag 2 or 0)
 * @param source the storage file the resource comes from
 */
public record ExportedResource(Resource resource, boolean deleted, StorageFile source) {
  public ExportedResource {
    checkArgument(resource != null && source != null, "resource and source must not be null");
    checkArgument(resource.hasIdElement() && resource.getIdElement().hasIdPart(), "resource must have a logical ID");
  }

  /** {@code Patient}, {@code Observation} … */
  public String resourceType() {
    return resource.fhirType();
  }

  /** The logical ID. */
  public String id() {
    return resource.getIdElement().getIdPart();
  }
}
