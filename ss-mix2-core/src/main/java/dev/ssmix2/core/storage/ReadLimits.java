package dev.ssmix2.core.storage;

import java.util.Locale;

/**
 * The largest file any reader of this library opens. A bigger file is reported (a {@link FileRefusedException} with
 * {@link FileRefusedException.Reason#TOO_LARGE}) and not read, so one huge or runaway file cannot exhaust memory.
 *
 * <p>The default, {@value #DEFAULT_MAX_FILE_BYTES} bytes (64 MB), is far above any real message (the largest NHO
 * sample is a few kilobytes; a long lab report a few hundred). It can be changed for the whole process with the system
 * property {@value #PROPERTY} (bytes, or with a {@code K}, {@code M} or {@code G} suffix), which the command line sets
 * from {@code --max-file-size}.
 */
public final class ReadLimits {
  /** 64 MB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
  /** System property holding the maximum file size. */
  public static final String PROPERTY = "ssmix2.maxFileSize";

  private ReadLimits() {}

  /** The maximum file size in bytes: the system property {@value #PROPERTY} when set, else the default. */
  public static long maxFileBytes() {
    String value = System.getProperty(PROPERTY);
    return value == null || value.isBlank() ? DEFAULT_MAX_FILE_BYTES : parseSize(value);
  }

  /**
   * Parses a size such as {@code 65536}, {@code 64K}, {@code 64M} or {@code 1G} (binary multiples).
   *
   * @throws IllegalArgumentException when the text is not a positive size
   */
  public static long parseSize(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT);
    if (s.endsWith("B")) {
      s = s.substring(0, s.length() - 1);
    }
    long unit = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'K' -> unit = 1024;
        case 'M' -> unit = 1024 * 1024;
        case 'G' -> unit = 1024L * 1024 * 1024;
        default -> unit = 1;
      }
    }
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    try {
      long n = Long.parseLong(digits.strip());
      if (n <= 0 || n > Long.MAX_VALUE / unit) {
        throw new NumberFormatException();
      }
      return n * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a file size; expected a positive number of bytes, "
          + "optionally with K, M or G (e.g. 64M)");
    }
  }

  /** A size for people: {@code 64 MB}, {@code 512 KB}, {@code 100 bytes}. */
  public static String describe(long bytes) {
    if (bytes >= 1024L * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
