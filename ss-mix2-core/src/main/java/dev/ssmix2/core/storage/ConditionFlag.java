package dev.ssmix2.core.storage;

import java.util.Optional;

/**
 * コンディションフラグ: the last field of every file name, telling whether the file is the valid version of its
 * key.
 */
public enum ConditionFlag {
  /** {@code 0}: deleted or invalidated (無効). Both the versions before a delete and the delete message carry it. */
  DELETED('0'),
  /** {@code 1}: the valid, current version (有効). */
  CURRENT('1'),
  /** {@code 2}: superseded by a later re-send with the same key (過去履歴). */
  SUPERSEDED('2');

  private final char code;

  ConditionFlag(char code) {
    this.code = code;
  }

  /** The digit written in the file name. */
  public char code() {
    return code;
  }

  /** The flag for a file-name token, or empty when the token is not exactly one of {@code 0}, {@code 1}, {@code 2}. */
  public static Optional<ConditionFlag> ofCode(String token) {
    if (token == null || token.length() != 1) {
      return Optional.empty();
    }
    for (ConditionFlag f : values()) {
      if (f.code == token.charAt(0)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
