package dev.ssmix2.core.validate;

/**
 * The counts of one validation run.
 *
 * @param entries files and folders checked (placed message files plus entries that could not be placed)
 */
public record ValidationSummary(long entries, long errors, long warnings, long infos) {

  public boolean hasErrors() {
    return errors > 0;
  }
}
