package dev.ssmix2.core.version;

/** What a file is within the history of its key. */
public enum VersionStatus {
  /** The valid version: the single {@code _1} file, or the newest of several. */
  CURRENT("current"),
  /** Replaced by a later version ({@code _2}, or a {@code _1} that lost to a newer {@code _1}). */
  SUPERSEDED("superseded"),
  /** Deleted or invalidated ({@code _0}). */
  DELETED("deleted");

  private final String label;

  VersionStatus(String label) {
    this.label = label;
  }

  /** Lower-case label used in reports and JSON. */
  public String label() {
    return label;
  }
}
