package dev.ssmix2.core.validate;

/** How serious a {@link Finding} is. */
public enum Severity {
  /** Data is lost, unreadable or may be attributed to the wrong patient or type: fix before relying on it. */
  ERROR,
  /** Data is read, but breaks the SS-MIX2 rules in a way other readers may not tolerate. */
  WARNING,
  /** Worth knowing; nothing is wrong with the data as read. */
  INFO
}
