package dev.ssmix2.index.internal.patient;

import dev.ssmix2.index.name.NameKeys;

/** Which part of a name a field holds: 姓, 名, or both written together (山田太郎). */
public enum NamePart {
  FAMILY("family"),
  GIVEN("given"),
  FULL("full");

  private final String id;

  NamePart(String id) {
    this.id = id;
  }

  /** The part's name inside field names. */
  public String id() {
    return id;
  }

  /** This part of a name's keys. */
  public NameKeys.Part of(NameKeys keys) {
    return switch (this) {
      case FAMILY -> keys.family();
      case GIVEN -> keys.given();
      case FULL -> keys.full();
    };
  }
}
