package dev.ssmix2.core.validate;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.TransactionEntry;
import dev.ssmix2.core.storage.TransactionProblem;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.VersionResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Checks a storage against the SS-MIX2 rules and reports {@link Finding}s (see {@link FindingCode} for the codes and
 * severities). Reads only; never writes into the storage.
 *
 * <pre>{@code
 * ValidationSummary summary = Validator.validate(storage, finding -> System.out.println(finding),
 *     files -> System.err.print("\r" + files + " files"));
 * if (summary.errors() > 0) { ... }
 * }</pre>
 *
 * <p>Memory is bounded by one patient's files: the storage is walked patient by patient and findings go to the
 * caller's consumer as they are found.
 */
public final class Validator {
  /** How often the progress callback is told the number of entries checked. */
  static final int PROGRESS_EVERY = 100;

  private Validator() {}

  /**
   * Validates every entry of the storage.
   *
   * @param findings receives each finding as soon as it is found
   * @param progress receives the number of entries checked so far, every {@value #PROGRESS_EVERY} entries and at the
   *     end
   * @return the counts
   */
  public static ValidationSummary validate(Storage storage, Consumer<Finding> findings,
      ProgressListener<ValidationProgress> progress) {
    checkNotNull(storage, "storage must not be null");
    checkNotNull(findings, "findings must not be null");
    checkNotNull(progress, "progress must not be null");
    Counter counter = new Counter(findings, progress);
    try (Stream<PatientFolder> patients = storage.patients(u -> counter.entry(unplaced(u)))) {
      patients.forEach(p -> validatePatient(p, counter));
    }
    // A transaction storage among the roots (year folders of TR_….DAT files): what cannot be placed is reported.
    try (Stream<TransactionEntry> log = storage.transactions(p -> counter.finding(transactionProblem(storage, p)))) {
      log.forEach(e -> { });
    }
    progress.progress(new ValidationProgress(counter.entries));
    return counter.summary();
  }

  /** Validates every entry and returns all findings (for small storages and tests). */
  public static List<Finding> validate(Storage storage) {
    List<Finding> out = new ArrayList<>();
    validate(storage, out::add, ProgressListener.none());
    return out;
  }

  /** Checks one placed file: its bytes, charset, message type, patient ID and profile. */
  public static List<Finding> validateFile(StorageFile file) {
    checkNotNull(file, "file must not be null");
    List<Finding> out = new ArrayList<>();
    String path = file.relativePath();
    if (!file.dataType().isStandard() && file.dataType().code().indexOf('^') < 0) {
      out.add(new Finding(FindingCode.UNKNOWN_DATA_TYPE, path, "data type '" + file.dataType().code()
          + "' is not one of the 26 standard types nor an extended-storage code (code^name^system)"));
    }
    if (!ContentFolderChecks.check(file, out)) {
      return out;
    }
    ReadResult result = RecordReader.read(file);
    if (result instanceof ReadProblem p) {
      out.add(new Finding(codeOf(p.code()), path, p.reason()));
      return out;
    }
    MessageRead read = (MessageRead) result;
    if (!read.decoded().isClean()) {
      var first = read.decoded().replacements().get(0);
      out.add(new Finding(FindingCode.UNDECODABLE_BYTES, path, read.decoded().replacementCount()
          + " byte sequence(s) could not be decoded (shown as U+FFFD), first at byte " + first.offset() + ": "
          + first.hexBytes() + " — " + first.reason()));
    }
    CharsetCheck.check(path, read.decoded(), read.message()).ifPresent(out::add);
    NameChecks.lineEndings(path, read.decoded().text(), out);
    Set<MessageChecks.FieldRef> ambiguous = MessageChecks.check(file, read.message(), out);
    NameChecks.check(path, read.message(), out);
    NameChecks.text(path, read.decoded(), read.message(), ambiguous, out);
    return out;
  }

  private static void validatePatient(PatientFolder p, Counter counter) {
    for (UnplacedEntry u : p.unplaced()) {
      counter.entry(unplaced(u));
    }
    for (StorageFile f : p.files()) {
      counter.entry(validateFile(f));
    }
    List<StorageFile> problemLists = p.files().stream()
        .filter(f -> f.dataType() == StandardDataType.PPR_01 && f.flag() == ConditionFlag.CURRENT).toList();
    List<String> keys = problemLists.stream().map(f -> f.name().date().token() + "/" + f.name().orderNo())
        .distinct().toList();
    if (keys.size() > 1) {
      StorageFile newest = problemLists.stream().max(java.util.Comparator.comparing(f -> f.name().timestamp()))
          .orElseThrow();
      counter.finding(new Finding(FindingCode.SPLIT_PROBLEM_LIST, newest.relativePath(), problemLists.size()
          + " current PPR-01 files with " + keys.size() + " different keys (" + String.join(", ", keys)
          + ") each hold part of the patient's problem list; readers show their union, the newest statement of"
          + " each problem winning"));
    }
    Set<String> reported = new HashSet<>();
    for (History h : VersionResolver.resolve(p.files())) {
      for (String anomaly : h.anomalies()) {
        String path = h.current().map(StorageFile::relativePath).orElse(h.key().toString());
        if (reported.add(path)) {
          counter.finding(new Finding(FindingCode.SEVERAL_CURRENT_VERSIONS, path, "key " + h.key() + ": "
              + anomaly));
        }
      }
    }
  }

  private static Finding transactionProblem(Storage storage, TransactionProblem p) {
    String path = p.file().toString();
    for (dev.ssmix2.core.storage.StorageRoot r : storage.roots()) {
      if (p.file().startsWith(r.path())) {
        path = r.path().relativize(p.file()).toString().replace('\\', '/');
      }
    }
    return new Finding(FindingCode.TRANSACTION_LOG, path + (p.line() > 0 ? ":" + p.line() : ""), p.reason());
  }

  /** Findings for an entry the walker could not place; files named like messages are also read. */
  static List<Finding> unplaced(UnplacedEntry u) {
    List<Finding> out = new ArrayList<>();
    String path = u.relativePath();
    FindingCode code = switch (u.problem()) {
      case STRAY_FILE -> FindingCode.STRAY_FILE;
      case BAD_FILE_NAME -> FindingCode.BAD_FILE_NAME;
      case WRONG_FOLDER -> FindingCode.WRONG_FOLDER;
      case BAD_FOLDER -> path.split("/").length == 4 ? FindingCode.BAD_DATE_FOLDER : FindingCode.BAD_FOLDER;
      case SYMBOLIC_LINK -> FindingCode.SYMBOLIC_LINK;
      case UNREADABLE -> FindingCode.UNREADABLE;
      case NOT_REGULAR_FILE -> FindingCode.NOT_REGULAR_FILE;
    };
    out.add(new Finding(code, path, u.reason()));
    if (u.problem() == UnplacedEntry.Problem.WRONG_FOLDER) {
      // A misfiled message is still a message: check its content too, so a broken one is not hidden.
      String name = path.substring(path.lastIndexOf('/') + 1);
      Optional<FileName> parsed = FileName.tryParse(name);
      if (parsed.isPresent()
          && java.nio.file.Files.isRegularFile(u.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        StorageFile asFile = new StorageFile(u.root(), path, parsed.get(), false);
        ReadResult r = RecordReader.read(asFile);
        if (r instanceof ReadProblem p) {
          out.add(new Finding(codeOf(p.code()), path, p.reason()));
        }
      }
    }
    return out;
  }

  static FindingCode codeOf(ReadProblem.Code code) {
    return switch (code) {
      case EMPTY_FILE -> FindingCode.EMPTY_FILE;
      case TRUNCATED -> FindingCode.TRUNCATED_MESSAGE;
      case UNDECODABLE -> FindingCode.UNDECODABLE_BYTES;
      case NOT_HL7 -> FindingCode.NOT_HL7;
      case HL7_STRUCTURE -> FindingCode.HL7_STRUCTURE;
      case UNREADABLE -> FindingCode.UNREADABLE;
      case FILE_TOO_LARGE -> FindingCode.FILE_TOO_LARGE;
      case NOT_REGULAR_FILE -> FindingCode.NOT_REGULAR_FILE;
      case SYMBOLIC_LINK -> FindingCode.SYMBOLIC_LINK;
    };
  }

  /** Counts entries and findings by severity while passing findings on. */
  private static final class Counter {
    private final Consumer<Finding> sink;
    private final ProgressListener<ValidationProgress> progress;
    private long entries;
    private long errors;
    private long warnings;
    private long infos;

    Counter(Consumer<Finding> sink, ProgressListener<ValidationProgress> progress) {
      this.sink = sink;
      this.progress = progress;
    }

    void entry(List<Finding> findings) {
      findings.forEach(this::finding);
      if (++entries % PROGRESS_EVERY == 0) {
        progress.progress(new ValidationProgress(entries));
      }
    }

    void finding(Finding f) {
      switch (f.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
      }
      sink.accept(f);
    }

    ValidationSummary summary() {
      return new ValidationSummary(entries, errors, warnings, infos);
    }
  }
}
