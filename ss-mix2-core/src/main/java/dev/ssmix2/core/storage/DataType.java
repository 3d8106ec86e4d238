package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * データ種別: the data-type folder of a file.
 *
 * <p>Either one of the 26 {@linkplain StandardDataType standard types} or any other code (an extended-storage
 * triplet such as {@code L-OBSERVATIONS^OBSERVATIONS^99ZL01}, or a vendor's own folder), which is kept as a value,
 * not rejected.
 */
public sealed interface DataType permits StandardDataType, OtherDataType {

  /** The folder name / file-name token. */
  String code();

  /** Whether this is one of the 26 standard-storage types. */
  default boolean isStandard() {
    return this instanceof StandardDataType;
  }

  /** The standard type, if this is one. */
  default Optional<StandardDataType> standard() {
    return this instanceof StandardDataType s ? Optional.of(s) : Optional.empty();
  }

  /**
   * The data type for a folder or file-name token.
   *
   * @throws IllegalArgumentException when the token is empty or contains a path separator or {@code _}
   */
  static DataType of(String code) {
    checkNotNull(code, "code must not be null");
    checkArgument(!code.isBlank(), "data type must not be empty");
    String c = code.strip();
    return StandardDataType.ofCode(c).<DataType>map(s -> s).orElseGet(() -> new OtherDataType(c));
  }
}
