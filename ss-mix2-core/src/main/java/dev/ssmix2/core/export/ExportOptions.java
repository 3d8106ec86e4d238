package dev.ssmix2.core.export;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an export writes and how it de-identifies. Immutable; build with {@link #builder(Path)}.
 *
 * <pre>{@code
 * ExportOptions o = ExportOptions.builder(Path.of("/research/out"))
 *     .keyFile(Path.of("/secure/ssmix2-export.key"))   // kept by the data owner, never shared
 *     .dateShiftDays(180)
 *     .format(ExportFormat.CSV).bom(true)
 *     .build();
 * }</pre>
 *
 * <p>De-identified (the default) needs a key file; {@link Builder#identified(boolean)} must be asked for explicitly
 * and is written into {@code manifest.json}.
 */
public final class ExportOptions {
  /** Default date shift: every date of a patient moves by the same 1–180 days, earlier or later. */
  public static final int DEFAULT_DATE_SHIFT_DAYS = 180;
  /** The facility written when none is given (one storage, one facility). */
  public static final String DEFAULT_FACILITY = "-";
  /** Default {@link #unitPatients()}. */
  public static final int DEFAULT_UNIT_PATIENTS = 2500;
  private static final Pattern FACILITY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern MEMORY = Pattern.compile("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  private final Path out;
  private final ExportFormat format;
  private final ExportProfile profile;
  private final Optional<Path> keyFile;
  private final int dateShiftDays;
  private final Optional<LocalDate> since;
  private final boolean identified;
  private final boolean allVersions;
  private final String facility;
  private final boolean bom;
  private final int threads;
  private final int unitPatients;
  private final String memoryLimit;
  private final Optional<Path> tempDir;

  private ExportOptions(Builder b) {
    this.out = b.out;
    this.format = b.format;
    this.profile = b.profile;
    this.keyFile = Optional.ofNullable(b.keyFile);
    this.dateShiftDays = b.dateShiftDays;
    this.since = Optional.ofNullable(b.since);
    this.identified = b.identified;
    this.allVersions = b.allVersions;
    this.facility = b.facility;
    this.bom = b.bom;
    this.threads = b.threads;
    this.unitPatients = b.unitPatients;
    this.memoryLimit = b.memoryLimit;
    this.tempDir = Optional.ofNullable(b.tempDir);
  }

  /** Options writing into {@code out} (created if missing; a finished or interrupted export there is resumed). */
  public static Builder builder(Path out) {
    if (out == null) {
      throw new NullPointerException("output folder must not be null");
    }
    return new Builder(out);
  }

  public Path out() {
    return out;
  }

  public ExportFormat format() {
    return format;
  }

  public ExportProfile profile() {
    return profile;
  }

  /** The HMAC key file; always present when de-identified. */
  public Optional<Path> keyFile() {
    return keyFile;
  }

  /** Dates of each patient move by the same number of days, between 1 and this, earlier or later (0: no shift). */
  public int dateShiftDays() {
    return dateShiftDays;
  }

  /** Only 診療日 folders on or after this date (undated data — demographics, allergies, problems — always). */
  public Optional<LocalDate> since() {
    return since;
  }

  /** Whether names, IDs, addresses and real dates are kept (must be asked for; written into the manifest). */
  public boolean identified() {
    return identified;
  }

  /** Whether superseded and deleted versions are exported too (each row says its status). */
  public boolean allVersions() {
    return allVersions;
  }

  /** The facility code written into every row and partition path. */
  public String facility() {
    return facility;
  }

  /** Whether CSV files start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). */
  public boolean bom() {
    return bom;
  }

  /** Worker threads reading the storage. */
  public int threads() {
    return threads;
  }

  /**
   * About how many patients one work unit holds (default {@value #DEFAULT_UNIT_PATIENTS}): the grain of resuming and
   * of parallel work. Each unit writes its own file per table and partition, so smaller units mean more, smaller
   * files and more per-file work; changing it changes the units, so an export resumes only with the same value.
   */
  public int unitPatients() {
    return unitPatients;
  }

  /** DuckDB's memory limit for Parquet writing, e.g. {@code 1GB}. */
  public String memoryLimit() {
    return memoryLimit;
  }

  /** Where DuckDB may spill; {@code <out>/.tmp} when not given. */
  public Optional<Path> tempDir() {
    return tempDir;
  }

  /** The options as written into {@code manifest.json} (no key, only the key file's path). */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format.extension());
    m.put("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
    m.put("identified", identified);
    m.put("dateShiftDays", identified ? 0 : dateShiftDays);
    m.put("since", since.map(LocalDate::toString).orElse(null));
    m.put("allVersions", allVersions);
    m.put("facility", facility);
    m.put("bom", bom);
    m.put("threads", threads);
    m.put("unitPatients", unitPatients);
    m.put("memoryLimit", memoryLimit);
    return m;
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private final Path out;
    private ExportFormat format = ExportFormat.PARQUET;
    private ExportProfile profile = ExportProfile.TABLES;
    private Path keyFile;
    private int dateShiftDays = DEFAULT_DATE_SHIFT_DAYS;
    private LocalDate since;
    private boolean identified;
    private boolean allVersions;
    private String facility = DEFAULT_FACILITY;
    private boolean bom;
    private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private int unitPatients = DEFAULT_UNIT_PATIENTS;
    private String memoryLimit = "1GB";
    private Path tempDir;

    private Builder(Path out) {
      this.out = out;
    }

    public Builder format(ExportFormat f) {
      this.format = nonNull(f, "format");
      return this;
    }

    public Builder profile(ExportProfile p) {
      this.profile = nonNull(p, "profile");
      return this;
    }

    /** The secret key file (32 random bytes, created owner-only when missing). Keep it away from the output. */
    public Builder keyFile(Path f) {
      this.keyFile = nonNull(f, "key file");
      return this;
    }

    public Builder dateShiftDays(int days) {
      checkArgument(days >= 0 && days <= 3650, "date shift %s days is out of range; expected 0 to 3650", days);
      this.dateShiftDays = days;
      return this;
    }

    public Builder since(LocalDate date) {
      this.since = nonNull(date, "since date");
      return this;
    }

    public Builder identified(boolean yes) {
      this.identified = yes;
      return this;
    }

    public Builder allVersions(boolean yes) {
      this.allVersions = yes;
      return this;
    }

    public Builder facility(String code) {
      nonNull(code, "facility");
      checkArgument(FACILITY.matcher(code).matches(),
          "facility '%s' is not usable in a file path; expected 1–64 letters, digits, '.', '_' or '-'", code);
      this.facility = code;
      return this;
    }

    public Builder bom(boolean yes) {
      this.bom = yes;
      return this;
    }

    public Builder threads(int n) {
      checkArgument(n >= 1 && n <= 256, "threads %s is out of range; expected 1 to 256", n);
      this.threads = n;
      return this;
    }

    public Builder unitPatients(int n) {
      checkArgument(n >= 1 && n <= 10_000_000, "unit size %s patients is out of range; expected 1 to 10000000", n);
      this.unitPatients = n;
      return this;
    }

    public Builder memoryLimit(String limit) {
      nonNull(limit, "memory limit");
      checkArgument(MEMORY.matcher(limit.strip()).matches(),
          "memory limit '%s' is not a size; expected e.g. 512MB or 2GB", limit);
      this.memoryLimit = limit.strip();
      return this;
    }

    public Builder tempDir(Path dir) {
      this.tempDir = nonNull(dir, "temp folder");
      return this;
    }

    /**
     * @throws IllegalArgumentException when de-identified without a key file
     */
    public ExportOptions build() {
      checkArgument(identified || keyFile != null,
          "a de-identified export needs a key file (keyFile); ask for identified(true) explicitly to keep identities");
      return new ExportOptions(this);
    }

    private static <T> T nonNull(T v, String what) {
      if (v == null) {
        throw new NullPointerException(what + " must not be null");
      }
      return v;
    }
  }
}
