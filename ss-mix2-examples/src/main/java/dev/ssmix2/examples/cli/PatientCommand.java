package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.SsMix2Exception;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.store.IndexedPatient;
import dev.ssmix2.index.store.PatientRecords;
import dev.ssmix2.index.store.PatientStore;
import dev.ssmix2.index.store.RecordEntry;
import dev.ssmix2.index.store.RecordProblem;
import dev.ssmix2.index.store.Facility;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 patient --index DIR [--facility CODE] [--json] [--history] ID}: a patient's demographics (from the
 * current ADT-00) and records from the index; only current versions unless {@code --history}. Unreadable files are
 * listed as problems. A patient is known by facility and ID: without {@code --facility} the ID must belong to one
 * facility only; when several facilities have it, they are listed and nothing is shown.
 */
@Command(
    name = "patient",
    mixinStandardHelpOptions = true,
    description = "Show one patient's demographics and records from the index.",
    footer = {"", "Exit status: 0 shown, 1 no such patient in the index, 2 no usable index, a bad ID or facility "
        + "code, or an ID that several facilities have (give --facility CODE)."})
public final class PatientCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  IndexOptions where = new IndexOptions();

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Option(names = "--history", description = "also list superseded and deleted versions")
  boolean history;

  @Option(names = "--facility", paramLabel = "CODE",
      description = "the facility (10-digit 医療機関コード) whose patient this is; needed when several have the ID")
  @org.jspecify.annotations.Nullable String facility;

  @Parameters(paramLabel = "ID", description = "patient ID (患者ID) as in the storage")
  String id;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PatientId pid;
    try {
      pid = PatientId.of(id);
      if (facility != null) {
        Facility.checkCode(facility.strip());
      }
    } catch (IllegalArgumentException e) {
      return fail(err, Main.describe(e));
    }
    try (PatientStore index = where.openExisting()) {
      StaleIndexWarning.printIfStale("patient", index, where, err);
      Optional<IndexedPatient> patient;
      if (facility != null) {
        patient = index.patient(facility.strip(), pid);
      } else {
        List<IndexedPatient> all = index.patients(pid);
        if (all.size() > 1) {
          err.println("ssmix2 patient: " + all.size() + " facilities have a patient " + pid + "; give --facility "
              + "CODE to say which:");
          all.forEach(p -> err.println("  --facility " + p.facility().code() + "  " + Terminal.safe(
              p.facility().name()) + "  " + Terminal.safe(p.name())));
          err.flush();
          return Main.EXIT_USAGE;
        }
        patient = all.stream().findFirst();
      }
      if (patient.isEmpty()) {
        err.println("ssmix2 patient: no patient " + pid + (facility == null ? "" : " of facility "
            + facility.strip()) + " in " + index.location());
        err.flush();
        return 1;
      }
      PatientRecords records = index.records(patient.get().facility().code(), pid, history);
      out.println(json ? toJson(patient.get(), records) : text(patient.get(), records));
      out.flush();
      return 0;
    } catch (SsMix2Exception | UsageException | IllegalArgumentException e) {
      return fail(err, Main.describe(e));
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("ssmix2 patient: " + message);
    err.flush();
    return Main.EXIT_USAGE;
  }

  private static String text(IndexedPatient p, PatientRecords r) {
    StringBuilder sb = new StringBuilder();
    if (!p.facility().isDefault()) {
      sb.append("医療機関    ").append(p.facility().code()).append(' ')
          .append(Terminal.safe(p.facility().name())).append('\n');
    }
    sb.append("患者ID      ").append(p.id()).append('\n');
    sb.append("氏名        ").append(Terminal.safe(p.name())).append('\n');
    sb.append("カナ        ").append(Terminal.safe(p.kana())).append('\n');
    sb.append("生年月日    ").append(p.birthDate().map(Object::toString).orElse("-")).append('\n');
    sb.append("性別        ").append(p.sex().japanese()).append('\n');
    if (!p.formerNames().isEmpty()) {
      sb.append("旧氏名      ").append(Terminal.safe(String.join(", ", p.formerNames()))).append('\n');
    }
    sb.append('\n');
    for (RecordEntry e : r.records()) {
      sb.append(String.format("%-8s %-8s %-10s %s%n", e.date(), e.dataType(), e.status().label(), Terminal.safe(e.summary())));
      sb.append("         ").append(Terminal.safe(e.file())).append('\n');
    }
    for (RecordProblem p2 : r.problems()) {
      sb.append("problem  ").append(Terminal.safe(p2.file())).append(": ").append(Terminal.safe(p2.reason())).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  static String toJson(IndexedPatient p, PatientRecords r) {
    ObjectNode o = CliJson.putPatient(CliJson.putFacility(CliJson.object(), p.facility()), p.id(), p.name(),
        p.kana(), p.birthDate(), p.sex());
    var former = o.putArray("formerNames");
    p.formerNames().forEach(former::add);
    var records = o.putArray("records");
    for (RecordEntry e : r.records()) {
      records.addObject()
          .put("dataType", e.dataType())
          .put("date", e.date())
          .put("orderNo", e.orderNo())
          .put("timestamp", e.timestamp())
          .put("status", e.status().label())
          .put("file", e.file())
          .put("summary", e.summary());
    }
    var problems = o.putArray("problems");
    r.problems().forEach(x -> problems.addObject().put("file", x.file()).put("reason", x.reason()));
    return CliJson.write(o);
  }
}
