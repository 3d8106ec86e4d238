package dev.ssmix2.examples.web;

import java.util.List;

/** Normalises view-model values: the data layer may pass {@code null} for an empty HL7 field; we never serve one. */
final class Texts {
  private Texts() {}

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static <T> List<T> copy(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }
}
