package dev.ssmix2.examples.web;

import java.util.List;

/**
 * A plain patient ID that patients of several facilities have: the viewer never picks one, it answers 409 and names
 * them, each with the key ({@code CODE~ID}) that addresses it.
 */
public final class AmbiguousPatientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The candidates: key and facility of each. */
  private final transient List<Candidate> candidates;

  /** One patient the ID could mean. */
  public record Candidate(String key, FacilityInfo facility, String name) {}

  public AmbiguousPatientException(String patientId, List<Candidate> candidates) {
    super("患者ID " + patientId + " の患者が " + candidates.size() + " 施設にあります: "
        + String.join("、", candidates.stream().map(c -> c.facility().code() + " " + c.facility().name()).toList())
        + "。施設を選んでください", null, false, false);
    this.candidates = List.copyOf(candidates);
  }

  public List<Candidate> candidates() {
    return candidates;
  }
}
