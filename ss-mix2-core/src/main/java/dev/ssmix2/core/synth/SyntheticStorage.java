package dev.ssmix2.core.synth;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.write.StorageWriteException;
import dev.ssmix2.core.write.StorageWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A deterministic synthetic SS-MIX2 storage: Japanese names with readings and realistic frequencies, clinical
 * histories over years, update and delete churn, and (unless {@linkplain Builder#clean(boolean) clean}) the
 * encoding quirks of real storages, plus a ground-truth {@code manifest.jsonl}.
 *
 * <pre>{@code
 * GenerationSummary s = SyntheticStorage.builder()
 *     .patients(2_000).seed(7).profile(Profile.REALISTIC).clean(true)
 *     .build()
 *     .generate(Path.of("/tmp/synth"), ProgressListener.none());
 * Storage storage = Storage.open(s.roots());
 * }</pre>
 *
 * <p>The same settings give byte-identical files: every patient draws from its own random stream derived from the seed
 * and its index, no wall-clock time is used, and the manifest is written in patient order even though patients are
 * generated on several threads. All messages go through {@link StorageWriter}, so the version files follow the
 * writer's condition-flag rules.
 *
 * <p>Output layout: {@code <out>/storage/} (or {@code <out>/root-dated/} and {@code <out>/root-undated/} when split),
 * {@code <out>/extended/} with vitals when asked, and {@code <out>/manifest.jsonl} outside every root.
 */
public final class SyntheticStorage {
  private static final int BATCH = 64;

  private final int patients;
  private final Settings settings;
  private final boolean splitRoots;
  private final int threads;
  private final boolean transactions;

  /** The folder of the transaction storage under the output folder, when asked for. */
  public static final String TRANSACTIONS_FOLDER = "transactions";
  private final boolean teachingPatients;

  private SyntheticStorage(Builder b) {
    this.patients = b.patients + b.longStay;
    this.settings = new Settings(b.seed, b.profile, b.clean ? QuirkRates.none() : b.quirks, b.supersedeRate,
        b.deleteRate, b.vitals, b.patients, b.longStayYears);
    this.splitRoots = b.splitRoots;
    this.threads = b.threads;
    this.transactions = b.transactions;
    this.teachingPatients = b.teachingPatients;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the storage into {@code out}, which must be missing or empty.
   *
   * @throws StorageWriteException when {@code out} is not an empty folder or cannot be written
   */
  public GenerationSummary generate(Path out, ProgressListener<GenerationProgress> progress) {
    checkNotNull(out, "output folder must not be null");
    checkNotNull(progress, "progress listener must not be null; use ProgressListener.none()");
    prepare(out);
    Path dated = out.resolve(splitRoots ? "root-dated" : "storage");
    Path undated = splitRoots ? out.resolve("root-undated") : dated;
    Optional<Path> extended = settings.vitals() ? Optional.of(out.resolve("extended")) : Optional.empty();
    Roots roots = new Roots(StorageWriter.create(dated), StorageWriter.create(undated), extended);
    List<Path> rootList = new ArrayList<>(List.of(dated));
    if (splitRoots) {
      rootList.add(undated);
    }
    extended.ifPresent(rootList::add);

    PatientGenerator generator = new PatientGenerator(settings, roots);
    Path manifest = out.resolve(Manifest.FILE_NAME);
    long files = 0;
    long defects = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ssmix2-synth");
      t.setDaemon(true);
      return t;
    });
    try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
      if (teachingPatients) {
        // Their IDs sort before the generated ones, so the manifest stays in patient order.
        for (int i = 0; i < TeachingPatients.ALL.size(); i++) {
          PatientResult r = generator.teach(TeachingPatients.ALL.get(i), i);
          w.write(r.manifestLine());
          w.write('\n');
          files += r.files();
          defects += r.defects();
        }
      }
      // Keep a bounded window of batches in flight and consume them in order, so the manifest is in patient order.
      List<Future<List<PatientResult>>> window = new ArrayList<>();
      int next = 0;
      int done = 0;
      while (done < patients) {
        while (next < patients && window.size() < threads * 4) {
          int from = next;
          int to = Math.min(patients, from + BATCH);
          window.add(pool.submit(() -> {
            List<PatientResult> results = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
              results.add(generator.generate(i));
            }
            return results;
          }));
          next = to;
        }
        for (PatientResult r : window.remove(0).get()) {
          w.write(r.manifestLine());
          w.write('\n');
          files += r.files();
          defects += r.defects();
          done++;
        }
        progress.progress(new GenerationProgress(done, patients, files)); // on this thread, in order
      }
    } catch (IOException e) {
      throw new StorageWriteException(manifest, "cannot write the manifest: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageWriteException(out, "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new StorageWriteException(out, "generation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (transactions) {
      TransactionLogs.write(dev.ssmix2.core.storage.Storage.open(rootList), out.resolve(TRANSACTIONS_FOLDER),
          TransactionLogs.FACILITY_ID);
    }
    int total = patients + (teachingPatients ? TeachingPatients.ALL.size() : 0);
    return new GenerationSummary(rootList, manifest, total, files, defects);
  }

  private static void prepare(Path out) {
    try {
      if (Files.exists(out)) {
        if (!Files.isDirectory(out)) {
          throw new StorageWriteException(out, "output is a file; expected a missing or empty folder");
        }
        try (Stream<Path> s = Files.list(out)) {
          if (s.findAny().isPresent()) {
            throw new StorageWriteException(out, "output folder is not empty; generate into a new folder so "
                + "earlier files do not mix with the new storage");
          }
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new StorageWriteException(out, "cannot create the output folder: " + e, e);
    }
  }

  /** Settings of a {@link SyntheticStorage}; every setter checks its argument. */
  public static final class Builder {
    private int patients = 100;
    private int longStay;
    private int longStayYears = 10;
    private long seed = 1;
    private boolean clean;
    private Profile profile = Profile.REALISTIC;
    private boolean splitRoots;
    private boolean vitals;
    private boolean transactions;
    private QuirkRates quirks = QuirkRates.defaults();
    private double supersedeRate = 0.05;
    private double deleteRate = 0.02;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean teachingPatients;

    private Builder() {}

    /**
     * Adds fourteen fixed patients (IDs 0000000777 to 0000000790) on whom the documented example searches work: 山田
     * 太郎 born 1948-04-05 (allergies, labs over six visits, a superseded order), 髙橋, 齋藤, 𠮷田, 佐藤 花子 born
     * 1975-03-15, ハットリ born in 平成元年, 東海林 without a reading, 山崎, 〓田 健 / ハマダ ケン, ハツトリ and シヨウジ
     * stored without small kana, 河野 registered コウノ, and ■橋 and 〓崎 without a reading. They are the same for
     * every seed and come on top of {@link #patients(int)}.
     */
    public Builder teachingPatients(boolean t) {
      this.teachingPatients = t;
      return this;
    }

    public Builder patients(int n) {
      checkArgument(n >= 0, "number of patients is %s; expected 0 or more", n);
      checkArgument(n <= 89_999_999, "number of patients is %s; at most 89,999,999 fit the 10-digit IDs", n);
      this.patients = n;
      return this;
    }

    /**
     * Adds {@code n} long-stay inpatients after the other patients: ten years in hospital with labs on most days,
     * weekly prescriptions, injections and transfers, about 5,000 files each (the heavy charts real storages hold).
     * The other patients' files do not change.
     */
    public Builder longStay(int n) {
      checkArgument(n >= 0, "number of long-stay patients is %s; expected 0 or more", n);
      checkArgument(n <= 10_000, "number of long-stay patients is %s; expected at most 10,000 (about 5,000 files "
          + "each)", n);
      this.longStay = n;
      return this;
    }

    /** How many years a long-stay stay lasts (10 by default); shorter stays keep tests fast. */
    Builder longStayYears(int years) {
      checkArgument(years >= 1 && years <= 30, "long stay of %s years; expected 1 to 30", years);
      this.longStayYears = years;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Turns every deliberate defect off (variant-kanji CP932 files, ■, half-width kana, junk files …). */
    public Builder clean(boolean c) {
      this.clean = c;
      return this;
    }

    public Builder profile(Profile p) {
      checkNotNull(p, "profile must not be null");
      this.profile = p;
      return this;
    }

    /** Dated data in {@code root-dated/}, {@code -} data in {@code root-undated/} (NHO's recommended split). */
    public Builder splitRoots(boolean split) {
      this.splitRoots = split;
      return this;
    }

    /** Writes inpatient vital signs into an extended storage ({@code extended/}, content folders). */
    public Builder vitals(boolean v) {
      this.vitals = v;
      return this;
    }

    /**
     * Also writes the transaction storage of the generated files into {@code <out>/transactions/} (see
     * {@link TransactionLogs}), outside every storage root.
     */
    public Builder transactions(boolean t) {
      this.transactions = t;
      return this;
    }

    /** Defect rates for a non-clean run; ignored when {@link #clean(boolean)} is set. */
    public Builder quirks(QuirkRates q) {
      checkNotNull(q, "quirk rates must not be null; use QuirkRates.none()");
      this.quirks = q;
      return this;
    }

    /** Share of orders re-sent with the same key (the old file becomes {@code _2}). */
    public Builder supersedeRate(double r) {
      checkArgument(r >= 0 && r <= 1, "supersede rate %s is not a probability", r);
      this.supersedeRate = r;
      return this;
    }

    /** Share of orders cancelled (all versions and the cancel message become {@code _0}). */
    public Builder deleteRate(double r) {
      checkArgument(r >= 0 && r <= 1, "delete rate %s is not a probability", r);
      this.deleteRate = r;
      return this;
    }

    /** Worker threads; the output does not depend on it. */
    public Builder threads(int n) {
      checkArgument(n >= 1, "threads is %s; expected at least 1", n);
      this.threads = n;
      return this;
    }

    public SyntheticStorage build() {
      checkArgument((long) patients + longStay <= 89_999_999, "%s patients and %s long-stay patients do not fit "
          + "the 10-digit IDs", patients, longStay);
      checkArgument(supersedeRate + deleteRate <= 1, "supersede rate + delete rate is %s; expected at most 1",
          supersedeRate + deleteRate);
      return new SyntheticStorage(this);
    }
  }
}
