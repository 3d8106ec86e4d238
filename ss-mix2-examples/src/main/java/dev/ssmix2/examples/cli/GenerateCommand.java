package dev.ssmix2.examples.cli;

import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.write.StorageWriteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 generate --out DIR --patients N [--long-stay M] [--seed S] [--clean] [--profile …] [--split-roots]
 * [--vitals] [--transactions]}: writes
 * a deterministic synthetic storage and its {@code manifest.jsonl}. Exit status 0 on success, 2 for bad arguments or
 * an unusable output folder.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write a synthetic SS-MIX2 storage with realistic names, histories and quirks, plus a "
        + "ground-truth manifest.jsonl. The same seed gives byte-identical files.",
    footer = {"", "Exit status: 0 written, 2 bad arguments or the output folder cannot be used."})
public final class GenerateCommand implements Callable<Integer> {

  /** Profile names as typed on the command line. */
  enum ProfileOption {
    small(Profile.SMALL), realistic(Profile.REALISTIC), names_only(Profile.NAMES_ONLY);

    final Profile profile;

    ProfileOption(Profile p) {
      this.profile = p;
    }
  }

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "new or empty output folder")
  Path out;

  @Option(names = "--patients", required = true, paramLabel = "N", description = "number of patients")
  int patients;

  @Option(names = "--long-stay", paramLabel = "M", defaultValue = "0",
      description = "also write M long-stay inpatients after the others: ten years in hospital, labs on most days, "
          + "weekly prescriptions, about 5,000 files each (default: ${DEFAULT-VALUE})")
  int longStay;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--clean", description = "no deliberate defects (variant kanji, ■, half-width kana, junk files …)")
  boolean clean;

  @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "realistic",
      converter = ProfileConverter.class,
      description = "small, realistic or names-only (default: ${DEFAULT-VALUE})")
  Profile profile;

  @Option(names = "--split-roots", description = "dated data in root-dated/, '-' data in root-undated/")
  boolean splitRoots;

  @Option(names = "--vitals", description = "also write inpatient vital signs into an extended storage (extended/)")
  boolean vitals;

  @Option(names = "--transactions",
      description = "also write the transaction storage of the generated files (transactions/<YYYY>/TR_….DAT)")
  boolean transactions;
  @Option(names = "--teaching-patients",
      description = "also write the fourteen fixed patients (IDs 0000000777-0000000790) on whom README's example searches "
          + "work, e.g. 山田 太郎 born 1948-04-05 with allergies, labs and superseded versions")
  boolean teachingPatients;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (patients < 0 || longStay < 0 || patients + longStay < 1) {
      return usage(err, "--patients is " + patients + " and --long-stay " + longStay
          + "; expected 1 or more patients in all");
    }
    GenerationSummary summary;
    long started = System.nanoTime();
    try (ConsoleProgress progress = ConsoleProgress.onStderr(spec, "generate")) {
      summary = SyntheticStorage.builder().patients(patients).seed(seed).clean(clean).profile(profile)
          .splitRoots(splitRoots).vitals(vitals).transactions(transactions).teachingPatients(teachingPatients)
          .longStay(longStay).build()
          .generate(this.out, p -> progress.update(p.patientsDone(), p.patientsTotal(), "patients"));
    } catch (StorageWriteException | IllegalArgumentException e) {
      return usage(err, Main.describe(e));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(Locale.ROOT, "%,d patients, %,d files, %,d deliberate defects in %.1f s%n", summary.patients(),
        summary.files(), summary.defects(), seconds);
    for (Path root : summary.roots()) {
      out.println("root:     " + root);
    }
    out.println("manifest: " + summary.manifest());
    if (transactions) {
      out.println("transactions: " + this.out.resolve(SyntheticStorage.TRANSACTIONS_FOLDER));
    }
    out.flush();
    return 0;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("ssmix2 generate: " + message);
    err.flush();
    return Main.EXIT_USAGE;
  }

  /** Accepts {@code names-only} as well as the enum spelling. */
  static final class ProfileConverter implements picocli.CommandLine.ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
      for (ProfileOption o : ProfileOption.values()) {
        if (o.name().equals(v)) {
          return o.profile;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a profile; expected small, realistic or names-only");
    }
  }
}
