package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Everything one patient has in a storage, gathered across all its roots: the placed files and the entries inside
 * the patient's folders that could not be placed.
 */
public record PatientFolder(PatientId patientId, List<StorageFile> files, List<UnplacedEntry> unplaced) {
  public PatientFolder {
    checkNotNull(patientId, "patient ID must not be null");
    files = List.copyOf(files);
    unplaced = List.copyOf(unplaced);
  }
}
