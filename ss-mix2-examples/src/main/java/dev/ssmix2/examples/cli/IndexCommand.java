package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.SsMix2Exception;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientStore;
import dev.ssmix2.index.store.RecordProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 index --index DIR ROOT...} (or {@code --solr ZK --collection NAME} for SolrCloud): builds or brings up
 * to date the patient index of a storage. Only new, changed, renamed and removed files are processed on later runs;
 * without ROOTs the roots of the last run are used.
 *
 * <p>Several facilities in one index: {@code --facility CODE:NAME ROOT... [--facility CODE:NAME ROOT...]}, each
 * facility's roots right after its option; each facility is updated in turn, the others in the index stay as they
 * are. Roots given before any {@code --facility} belong to the default facility.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build or update the patient index (names, demographics, records) of an SS-MIX2 storage.",
    footer = {"", "Several facilities (医療機関) in one index: --facility CODE:NAME ROOT... per facility, CODE the "
        + "10-digit 医療機関コード, e.g. --facility 0412345678:仙台医療センター /mnt/sendai --facility "
        + "0419876543:石巻赤十字病院 /mnt/ishinomaki. A facility's patients are known by code and patient ID.",
        "", "Exit status: 0 indexed (an empty storage gives a warning), 2 a root, a facility or the index folder cannot "
        + "be used (missing, not a storage, the folder above the roots, an index folder inside a root, or a facility "
        + "code that is not 10 digits)."})
public final class IndexCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  MaxFileSizeOption maxFileSize;

  private static final int LISTED_PER_REASON = 3;

  @picocli.CommandLine.Mixin
  IndexOptions where = new IndexOptions();

  @Parameters(paramLabel = "ROOT", arity = "0..*",
      description = "storage root folders of one storage; default: the roots of the last run")
  List<Path> roots = List.of();

  @Option(names = "--facility", paramLabel = "CODE:NAME ROOT...", parameterConsumer = FacilityArgs.class,
      description = "the facility (医療機関コード, 10 digits, and display name) whose storage roots follow; repeat for "
          + "each facility. Without it the roots belong to the default facility.")
  List<FacilityArgs.Group> facilityGroups = new java.util.ArrayList<>();

  @Option(names = "--json", description = "print the summary as JSON")
  boolean json;

  @Option(names = "--trust-folder-times",
      description = "on updates, skip the size/time check of every file in a folder whose time did not change "
          + "(SS-MIX2 writers add and rename files, never rewrite them; a file rewritten in place is then missed)")
  boolean trustFolderTimes;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!facilityGroups.isEmpty()) {
      return callFacilities(out, err);
    }
    List<Path> given;
    try {
      where.check();
      given = roots.isEmpty() ? List.of() : StorageRoots.check("index", roots, err);
      if (!where.isSolr()) {
        StorageRoots.checkIndexOutside(where.indexDir(), given);
      }
    } catch (UsageException e) {
      return Main.fail(err, "index", e);
    }
    if (given.isEmpty() && !where.isSolr() && PatientIndex.exists(where.indexDir())) {
      try (PatientStore index = where.openForUpdate()) {
        List<Facility> registered = index.facilities().stream().filter(f -> !f.isDefault()).toList();
        if (!registered.isEmpty()) {
          // no roots, no facility: every facility of the index again, with the roots of its last update
          List<FacilityArgs.Group> all = new java.util.ArrayList<>();
          for (Facility f : index.facilities()) {
            all.add(new FacilityArgs.Group(f, index.roots(f.code())));
          }
          return update(index, all, out, err);
        }
      } catch (UsageException | SsMix2Exception | IllegalArgumentException e) {
        return Main.fail(err, "index", e);
      }
    }
    if (given.isEmpty() && !where.isSolr() && !PatientIndex.exists(where.indexDir())) {
      err.println("ssmix2 index: no storage root given and " + where.indexDir() + " has none recorded; "
          + "usage: ssmix2 index --index DIR ROOT...");
      err.flush();
      return Main.EXIT_USAGE;
    }
    try (PatientStore index = where.openForUpdate()) {
      List<Path> use = given.isEmpty() ? index.roots() : given;
      if (use.isEmpty()) {
        err.println("ssmix2 index: no storage root given and " + index.location() + " has none recorded; "
            + "usage: ssmix2 index " + where.args() + " ROOT...");
        err.flush();
        return Main.EXIT_USAGE;
      }
      if (given.isEmpty() && !where.isSolr()) {
        StorageRoots.checkIndexOutside(where.indexDir(), use);
      }
      Storage storage = Storage.open(use);
      IndexReport report;
      try (ConsoleProgress progress = ConsoleProgress.onStderr(spec, "indexing")) {
        ChangeDetection detection = trustFolderTimes ? ChangeDetection.FOLDER_TIMES : ChangeDetection.EVERY_FILE;
        report = index.update(storage, detection,
            p -> progress.update(p.filesSeen(), p.filesExpected(), "files"));
      }
      if (json) {
        out.println(toJson(report, index));
      } else {
        text(out, report, index);
      }
      out.flush();
      if (report.patients() == 0 && StorageRoots.allEmpty(use)) {
        err.println("ssmix2 index: warning: the storage is empty (no patient folders in "
            + String.join(", ", use.stream().map(Object::toString).toList()) + "); the index has no patients");
        err.flush();
      }
      return 0;
    } catch (UsageException | SsMix2Exception | IllegalArgumentException e) {
      return Main.fail(err, "index", e);
    }
  }

  /** {@code --facility CODE:NAME ROOT...} groups: each facility checked, then each updated in turn. */
  private int callFacilities(PrintWriter out, PrintWriter err) {
    List<FacilityArgs.Group> groups = new java.util.ArrayList<>();
    try {
      where.check();
      if (!roots.isEmpty()) {
        groups.add(new FacilityArgs.Group(Facility.DEFAULT, roots));
      }
      for (FacilityArgs.Group g : facilityGroups) {
        if (groups.stream().anyMatch(o -> o.facility().code().equals(g.facility().code()))) {
          throw new UsageException("facility " + g.facility().code() + " is given twice; give all its roots after "
              + "one --facility");
        }
        groups.add(g);
      }
      java.util.Map<Path, Facility> owner = new java.util.HashMap<>();
      List<FacilityArgs.Group> checked = new java.util.ArrayList<>();
      for (FacilityArgs.Group g : groups) {
        List<Path> given = g.roots().isEmpty() ? List.of() : StorageRoots.check("index", g.roots(), err);
        for (Path p : given) {
          Facility other = owner.putIfAbsent(p.toAbsolutePath().normalize(), g.facility());
          if (other != null) {
            throw new UsageException(p + " is given for both " + other + " and " + g.facility()
                + "; a storage root belongs to one facility");
          }
        }
        if (!where.isSolr()) {
          StorageRoots.checkIndexOutside(where.indexDir(), given);
        }
        checked.add(new FacilityArgs.Group(g.facility(), given));
      }
      groups = checked;
    } catch (UsageException e) {
      return Main.fail(err, "index", e);
    }
    try (PatientStore index = where.openForUpdate()) {
      return update(index, groups, out, err);
    } catch (UsageException | SsMix2Exception | IllegalArgumentException e) {
      return Main.fail(err, "index", e);
    }
  }

  /** Updates each facility with its roots (those of its last update when none are given), one report each. */
  private int update(PatientStore index, List<FacilityArgs.Group> groups, PrintWriter out, PrintWriter err) {
    List<ObjectNode> reports = new java.util.ArrayList<>();
    for (FacilityArgs.Group g : groups) {
      List<Path> use = g.roots().isEmpty() ? index.roots(g.facility().code()) : g.roots();
      if (use.isEmpty()) {
        throw new UsageException("no storage root given for facility " + g.facility() + " and "
            + index.location() + " has none recorded; usage: ssmix2 index " + where.args() + " --facility "
            + g.facility().code() + ":NAME ROOT...");
      }
      if (g.roots().isEmpty() && !where.isSolr()) {
        StorageRoots.checkIndexOutside(where.indexDir(), use);
      }
      IndexReport report;
      try (ConsoleProgress progress = ConsoleProgress.onStderr(spec, "indexing " + g.facility().code())) {
        ChangeDetection detection = trustFolderTimes ? ChangeDetection.FOLDER_TIMES : ChangeDetection.EVERY_FILE;
        report = index.update(g.facility(), Storage.open(use), detection,
            p -> progress.update(p.filesSeen(), p.filesExpected(), "files"));
      }
      if (json) {
        reports.add(toJsonNode(report, index, g.facility()));
      } else {
        text(out, report, index, g.facility());
        out.println();
      }
      out.flush();
      if (report.patients() == 0 && StorageRoots.allEmpty(use)) {
        err.println("ssmix2 index: warning: the storage of facility " + g.facility() + " is empty (no patient "
            + "folders in " + String.join(", ", use.stream().map(Object::toString).toList()) + ")");
        err.flush();
      }
    }
    if (json) {
      ObjectNode o = CliJson.object();
      o.put("index", index.location());
      var array = o.putArray("facilities");
      reports.forEach(array::add);
      out.println(CliJson.write(o));
      out.flush();
    }
    return 0;
  }

  private static void text(PrintWriter out, IndexReport r, PatientStore index) {
    text(out, r, index, Facility.DEFAULT);
  }

  private static void text(PrintWriter out, IndexReport r, PatientStore index, Facility facility) {
    out.printf(Locale.ROOT, "index       %s%s%n", index.location(), r.rebuilt() ? " (built from scratch)" : "");
    if (!facility.isDefault()) {
      out.printf(Locale.ROOT, "facility    %s%n", Terminal.safe(facility.toString()));
    }
    out.printf(Locale.ROOT, "roots       %s%n", index.roots(facility.code()));
    out.printf(Locale.ROOT, "files       %,d seen, %,d indexed, %,d unchanged, %,d removed%n",
        r.filesSeen(), r.filesIndexed(), r.filesUnchanged(), r.filesRemoved());
    out.printf(Locale.ROOT, "patients    %,d in the index, %,d updated, %,d removed, %,d walked%n",
        r.patients(), r.patientsUpdated(), r.patientsRemoved(), r.patientsWalked());
    out.printf(Locale.ROOT, "changes     found by %s%n", r.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    r.notes().forEach(n -> out.println("note        " + Terminal.safe(n)));
    out.printf(Locale.ROOT, "skipped     %,d%n", r.skippedCount());
    for (Map.Entry<String, List<RecordProblem>> e : byReason(r).entrySet()) {
      out.printf(Locale.ROOT, "  %,6d  %s%n", e.getValue().size(), Terminal.safe(e.getKey()));
      e.getValue().stream().limit(LISTED_PER_REASON).forEach(p -> out.println("          " + Terminal.safe(p.file())));
    }
    out.printf(Locale.ROOT, "took        %.1f s%n", r.elapsed().toMillis() / 1000.0);
  }

  /** Problems grouped by the reason's kind (the text before ':'), so 10,000 stray files make one line. */
  private static Map<String, List<RecordProblem>> byReason(IndexReport r) {
    Map<String, List<RecordProblem>> m = new TreeMap<>();
    for (RecordProblem p : r.skipped()) {
      String reason = p.reason();
      int colon = reason.indexOf(':');
      m.computeIfAbsent(colon > 0 ? reason.substring(0, colon) : reason, k -> new java.util.ArrayList<>()).add(p);
    }
    return m;
  }

  private static String toJson(IndexReport r, PatientStore index) {
    return CliJson.write(toJsonNode(r, index, Facility.DEFAULT));
  }

  private static ObjectNode toJsonNode(IndexReport r, PatientStore index, Facility facility) {
    ObjectNode o = CliJson.object();
    o.put("index", index.location());
    CliJson.putFacility(o, facility);
    o.putArray("roots");
    index.roots(facility.code()).forEach(p -> o.withArray("roots").add(p.toString()));
    o.put("rebuilt", r.rebuilt());
    o.put("filesSeen", r.filesSeen());
    o.put("filesIndexed", r.filesIndexed());
    o.put("filesUnchanged", r.filesUnchanged());
    o.put("filesRemoved", r.filesRemoved());
    o.put("patients", r.patients());
    o.put("patientsUpdated", r.patientsUpdated());
    o.put("patientsRemoved", r.patientsRemoved());
    o.put("patientsWalked", r.patientsWalked());
    o.put("patientsRederived", r.patientsRederived());
    o.put("basis", r.basis().name());
    var notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    o.put("skippedCount", r.skippedCount());
    var skipped = o.putArray("skipped");
    r.skipped().forEach(p -> skipped.addObject().put("root", p.root().toString()).put("file", p.file())
        .put("reason", p.reason()));
    o.put("seconds", r.elapsed().toMillis() / 1000.0);
    return o;
  }
}
