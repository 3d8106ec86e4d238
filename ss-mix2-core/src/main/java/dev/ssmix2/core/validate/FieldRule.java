package dev.ssmix2.core.validate;

import dev.ssmix2.core.storage.DataType;
import java.util.Set;

/**
 * One field of the NHO profile: its HL7 type and the data types for which SS-MIX2 requires it.
 *
 * @param requiredFor data-type codes that require the field; {@code *} alone means every type
 */
record FieldRule(String segment, int field, String type, Set<String> requiredFor, String name, String japaneseName) {

  boolean isRequiredFor(DataType type) {
    return requiredFor.contains("*") || requiredFor.contains(type.code());
  }

  boolean isNumeric() {
    return type.equals("NM");
  }

  /** {@code ORC-2 Placer Order Number (依頼者オーダ番号)}. */
  String label() {
    return segment + "-" + field + " " + name.strip() + " (" + japaneseName.strip() + ")";
  }
}
