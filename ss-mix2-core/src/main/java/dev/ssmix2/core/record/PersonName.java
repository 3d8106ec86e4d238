package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One representation of a person's name as stored in PID-5 (XPN): family and given name text exactly as written,
 * without normalisation (that is the index's job). Either part may be empty, never null.
 *
 * @param family XPN.1 family name (姓)
 * @param given XPN.2 given name (名)
 */
public record PersonName(String family, String given) {
  public PersonName {
    checkNotNull(family, "family must not be null; use \"\" for a missing part");
    checkNotNull(given, "given must not be null; use \"\" for a missing part");
  }

  public boolean isEmpty() {
    return family.isBlank() && given.isBlank();
  }

  /** Family and given name joined by a full-width space, as Japanese forms print them. */
  public String display() {
    if (given.isBlank()) {
      return family;
    }
    return family.isBlank() ? given : family + "\u3000" + given;
  }

  @Override
  public String toString() {
    return display();
  }
}
