package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.PatientId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything exported for one patient: the resources in a stable order (Patient first, then by file and position)
 * the problems met on the way, and how many files of each data type have no FHIR mapping (OMP-11/12 administrations,
 * exams, diets … and lab orders without results), so nothing is left out silently; {@code files} is the number of
 * storage files the export looked at.
 */
public record PatientResources(PatientId patient, List<ExportedResource> resources, List<ExportProblem> problems,
    Map<String, Integer> unmapped, int files) {
  public PatientResources {
    checkArgument(patient != null && resources != null && problems != null && unmapped != null,
        "fields must not be null");
    checkArgument(files >= 0, "files must not be negative");
    resources = List.copyOf(resources);
    problems = List.copyOf(problems);
    unmapped = Collections.unmodifiableMap(new TreeMap<>(unmapped));
  }

  /** The resources that are current (not deletions). */
  public List<ExportedResource> current() {
    return resources.stream().filter(r -> !r.deleted()).toList();
  }
}
