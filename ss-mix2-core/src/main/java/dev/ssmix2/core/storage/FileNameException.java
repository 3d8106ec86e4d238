package dev.ssmix2.core.storage;

/**
 * A file or folder name that does not follow the SS-MIX2 naming rule. Carries the rule that failed (a stable code
 * such as {@code field-count} or {@code flag}) and a reason a hospital IT person can act on.
 */
public final class FileNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String rule;
  private final String reason;

  FileNameException(String name, String rule, String reason) {
    super("'" + name + "': " + reason + " [rule " + rule + "]");
    this.name = name;
    this.rule = rule;
    this.reason = reason;
  }

  /** The name that was rejected. */
  public String name() {
    return name;
  }

  /** Stable code of the rule that failed: {@code field-count}, {@code patient-id}, {@code date}, … */
  public String rule() {
    return rule;
  }

  /** What was wrong and what was expected. */
  public String reason() {
    return reason;
  }

  // Thrown for every junk file of a storage walk; a stack trace would only cost time.
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
