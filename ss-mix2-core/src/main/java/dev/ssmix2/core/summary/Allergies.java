package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * The allergy section of a summary in one of three states that a chart must tell apart: allergies are listed, the
 * record says there are none, or nothing is recorded at all (allergies unknown — ask the patient).
 *
 * @param state which of the three
 * @param entries the allergies, drug allergies first; empty unless {@link State#RECORDED}
 * @param withdrawn how many stated allergies were withdrawn (IAM-6 {@code D}) and are therefore not listed
 */
public record Allergies(State state, List<AllergyEntry> entries, int withdrawn) {

  /** What the storage says about the patient's allergies. */
  public enum State {
    /** At least one allergy is recorded. */
    RECORDED,
    /** An allergy record exists and states no allergy (NKA, or every stated allergy was withdrawn). */
    NONE_KNOWN,
    /** No allergy record at all: the allergies are unknown, not absent. */
    NOT_RECORDED
  }

  public Allergies {
    checkNotNull(state, "state must not be null");
    entries = List.copyOf(entries);
    checkArgument(entries.isEmpty() == (state != State.RECORDED),
        "state %s with %s entries; expected entries exactly when RECORDED", state, entries.size());
    checkArgument(withdrawn >= 0, "withdrawn is %s; expected 0 or more", withdrawn);
  }
}
