package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A data type that is not one of the 26 standard ones: an extended-storage coded triplet
 * ({@code L-OBSERVATIONS^OBSERVATIONS^99ZL01}) or a vendor's folder. Kept as a value so that nothing is lost.
 */
public record OtherDataType(String code) implements DataType {

  public OtherDataType {
    checkNotNull(code, "code must not be null");
    checkArgument(!code.isBlank(), "data type code must not be empty");
    checkArgument(code.indexOf('_') < 0 && code.indexOf('/') < 0 && code.indexOf('\\') < 0,
        "data type '%s' contains '_' or a path separator; expected a folder name such as OMP-01 or L-XX^name^99ZL01",
        code);
  }

  /** Whether the code looks like an extended-storage coded triplet ({@code code^name^system}). */
  public boolean isExtendedTriplet() {
    return code.indexOf('^') >= 0;
  }

  @Override
  public String toString() {
    return code;
  }
}
