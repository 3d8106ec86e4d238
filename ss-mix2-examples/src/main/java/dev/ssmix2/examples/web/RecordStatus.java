package dev.ssmix2.examples.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a stored record is the latest valid version of its order, an older version, or a deletion (フラグ D). */
public enum RecordStatus {
  /** The latest valid version; shown by default. */
  CURRENT,
  /** An older version replaced by a later update (コンディションフラグ M) of the same order. */
  SUPERSEDED,
  /** A deletion (コンディションフラグ D), or a version withdrawn by one. */
  DELETED;

  /** The JSON name: {@code current}, {@code superseded} or {@code deleted}. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
