package dev.ssmix2.core.export;

import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.StorageRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes research tables from a storage: one row per clinical fact, de-identified unless asked otherwise, as
 * Parquet or CSV. The storage is only read; the output folder must lie outside every root.
 *
 * <pre>{@code
 * ExportReport r = ResearchExport.run(storage, ExportOptions.builder(out).keyFile(key).build(), ExportProgress.NONE);
 * }</pre>
 *
 * <p>The storage is cut into work units (about {@link ExportOptions#unitPatients()} patients each, from the patient-ID
 * prefix folders, see {@code docs/research-export.md})
 * read in parallel; each unit's files appear under their final names only when the unit is complete, and a marker
 * records its completion. Run the same export again after a crash or kill and it resumes with the units not yet
 * marked; the result equals an uninterrupted run. {@code manifest.json} is written last.
 */
public final class ResearchExport {
  static final String MANIFEST = "manifest.json";
  private static final String OPTIONS_FILE = "options";
  private static final String TOP_UNIT = "top";

  private ResearchExport() {}

  /**
   * Runs (or resumes) an export.
   *
   * @throws ExportException when the export cannot start or its output cannot be written
   */
  public static ExportReport run(Storage storage, ExportOptions options, ExportProgress progress) {
    if (storage == null || options == null || progress == null) {
      throw new NullPointerException("storage, options and progress must not be null; use ExportProgress.NONE");
    }
    long started = System.nanoTime();
    List<StorageRoot> roots = storage.roots();
    Path out = options.out().toAbsolutePath().normalize();
    Path tempDir = options.tempDir().orElse(out.resolve(".tmp")).toAbsolutePath().normalize();
    for (StorageRoot r : roots) {
      refuseInside(out, r, "the output folder");
      refuseInside(tempDir, r, "the temp folder");
      options.keyFile().ifPresent(k -> refuseInside(k.toAbsolutePath().normalize(), r, "the key file"));
      if (real(r.path()).startsWith(real(out))) {
        throw new ExportException("the storage root " + r.path() + " lies inside the output folder " + out
            + "; choose an output folder outside the storage");
      }
    }
    options.keyFile().ifPresent(k -> {
      if (real(k.toAbsolutePath().normalize()).startsWith(real(out))) {
        throw new ExportException("the key file " + k + " lies inside the output folder " + out
            + "; keep the key away from what is shared, or anyone with the export can link pseudonyms");
      }
    });
    Optional<Pseudonyms> pseudonyms = options.identified() ? Optional.empty()
        : Optional.of(Pseudonyms.fromKeyFile(options.keyFile().orElseThrow(), options.facility(),
            options.dateShiftDays()));
    Layout layout = new Layout(out, options.profile(), options.format());
    prepare(layout, options, pseudonyms);

    Map<String, TableSpec> tables = new LinkedHashMap<>();
    for (TableSpec t : options.profile() == ExportProfile.SSMIXTOOLS ? SsmixtoolsTables.of()
        : Tables.of(options.identified())) {
      tables.put(t.name(), t);
    }
    Map<String, TableSpec> source = new LinkedHashMap<>();
    Tables.of(options.identified()).forEach(t -> source.put(t.name(), t));

    List<WorkUnits.Stray> top = new ArrayList<>();
    List<WorkUnits.Unit> units = new ArrayList<>();
    units.addAll(WorkUnits.units(roots, WorkUnits.prefixes(roots, top::add), options.unitPatients()));
    if (!top.isEmpty()) {
      units.add(new WorkUnits.Unit(TOP_UNIT, List.of(), top));
    }

    AtomicLong done = new AtomicLong();
    AtomicLong patients = new AtomicLong();
    AtomicLong resumed = new AtomicLong();
    UnitStats total = new UnitStats();
    DuckDbEngine engine = options.format() == ExportFormat.PARQUET
        ? DuckDbEngine.start(options.memoryLimit(), tempDir, Math.max(1, Runtime.getRuntime().availableProcessors()))
        : null;
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "ssmix2-export");
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<Connection> connections = new ThreadLocal<>();
    List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<UnitStats>> futures = new ArrayList<>();
      for (WorkUnits.Unit unit : units) {
        futures.add(pool.submit(() -> {
          Optional<UnitStats> finished = Markers.read(layout, unit.name());
          UnitStats s;
          if (finished.isPresent()) {
            s = finished.get();
            resumed.incrementAndGet();
          } else {
            Connection c = null;
            if (engine != null) {
              c = connections.get();
              if (c == null) {
                c = engine.connect();
                connections.set(c);
                opened.add(c);
              }
            }
            s = exportUnit(storage, options, layout, tables, source, pseudonyms, unit, c);
            patients.addAndGet(s.patients);
          }
          synchronized (progress) {
            progress.progress(done.incrementAndGet(), units.size(), patients.get());
          }
          return s;
        }));
      }
      for (Future<UnitStats> f : futures) {
        total.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportException("the export was interrupted; run it again to resume");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof ExportException ee) {
        throw ee;
      }
      String m = c instanceof UncheckedIOException u ? u.getCause().getMessage() : String.valueOf(c.getMessage());
      throw new ExportException("the export stopped: " + m + "; run it again to resume", c);
    } finally {
      pool.shutdownNow();
      for (Connection c : opened) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // The database closes with the engine.
        }
      }
      if (engine != null) {
        engine.close();
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    tables.keySet().forEach(t -> rows.put(t, total.rows.getOrDefault(t, 0L)));
    Path manifest = layout.out().resolve(MANIFEST);
    writeManifest(manifest, storage, options, rows, total, units.size());
    try {
      ParquetUnitWriter.deleteTree(layout.staging());
      if (options.tempDir().isEmpty()) {
        ParquetUnitWriter.deleteTree(tempDir);
      }
    } catch (IOException ignored) {
      // Leftover empty helper folders are harmless; the next run clears them.
    }
    return new ExportReport(out, manifest, rows, total.patients, total.unreadable.size(), units.size(), resumed.get(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static UnitStats exportUnit(Storage storage, ExportOptions options, Layout layout,
      Map<String, TableSpec> tables, Map<String, TableSpec> source, Optional<Pseudonyms> pseudonyms,
      WorkUnits.Unit unit, Connection connection) throws IOException {
    UnitStats stats = new UnitStats();
    try (UnitWriter writer = connection == null
        ? new CsvUnitWriter(layout, unit.name(), stats, options.bom())
        : new ParquetUnitWriter(layout, unit.name(), stats, connection)) {
      ProfileSink sink = options.profile() == ExportProfile.SSMIXTOOLS
          ? new SsmixtoolsSink(tables, writer, stats) : new ProfileSink.Direct(writer);
      PatientExporter exporter = new PatientExporter(source, options, pseudonyms, stats);
      for (WorkUnits.Stray s : unit.strays()) {
        sink.accept(exporter.strayRow(s));
      }
      if (!unit.patients().isEmpty()) {
        StorageFilter filter = StorageFilter.all().withPatients(unit.patients());
        if (options.since().isPresent()) {
          filter = filter.withDates(options.since().get(), LocalDate.of(9999, 12, 31), true);
        }
        try (Stream<PatientFolder> folders = storage.patients(filter, u -> { })) {
          folders.forEach(f -> {
            exporter.export(f, sink);
            sink.endPatient();
            stats.patients++;
          });
        }
      }
      writer.commit();
      Markers.write(layout, unit.name(), stats);
    }
    return stats;
  }

  private static void refuseInside(Path p, StorageRoot root, String what) {
    if (real(p).startsWith(real(root.path()))) {
      throw new ExportException(what + " " + p + " lies inside the storage root " + root.path()
          + "; a storage is read-only, choose a place outside it");
    }
  }

  /** The real path of {@code p}'s longest existing ancestor, with the rest appended (symbolic links resolved). */
  static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  /** Creates the output, checks it holds no export with other options, and clears what a killed run left. */
  private static void prepare(Layout layout, ExportOptions options, Optional<Pseudonyms> pseudonyms) {
    try {
      Files.createDirectories(layout.progress());
      String fingerprint = fingerprint(options, pseudonyms);
      Path file = layout.progress().resolve(OPTIONS_FILE);
      if (Files.exists(file)) {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        if (!before.equals(fingerprint)) {
          throw new ExportException("the output folder " + layout.out() + " holds an export made with other options "
              + "or another key; export into a new folder, or delete this one to start again");
        }
      } else {
        try (Stream<Path> s = Files.list(layout.out())) {
          if (s.anyMatch(p -> !p.getFileName().toString().equals(Layout.PROGRESS))) {
            throw new ExportException("the output folder " + layout.out() + " is not empty and holds no export of "
                + "this tool; choose a new or empty folder");
          }
        }
        Path tmp = Layout.temp(file);
        Files.writeString(tmp, fingerprint, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(layout.out().resolve(MANIFEST));
      ParquetUnitWriter.deleteTree(layout.staging());
      try (Stream<Path> s = Files.walk(layout.out())) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".")
            && p.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(p)).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new ExportException("cannot prepare the output folder " + layout.out() + ": " + e.getMessage(), e);
    }
  }

  private static String fingerprint(ExportOptions options, Optional<Pseudonyms> pseudonyms) {
    Map<String, Object> m = new LinkedHashMap<>(options.describe());
    m.remove("threads");
    m.remove("memoryLimit");
    m.put("keyCheck", pseudonyms.map(p -> p.recordId("key-check")).orElse(null));
    return ManifestJson.write(m);
  }

  private static void writeManifest(Path manifest, Storage storage, ExportOptions options, Map<String, Long> rows,
      UnitStats total, int units) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", "ss-mix2");
    String v = ResearchExport.class.getPackage().getImplementationVersion();
    m.put("toolVersion", v == null ? "development build" : v);
    m.put("identified", options.identified());
    m.put("options", options.describe());
    m.put("roots", options.identified() ? storage.roots().stream().map(r -> r.path().toString()).toList()
        : storage.roots().size());
    m.put("patients", total.patients);
    m.put("units", units);
    m.put("rowCounts", rows);
    m.put("removed", removed(options, total));
    List<Map<String, Object>> unreadable = new ArrayList<>();
    List<UnitStats.Unreadable> sorted = new ArrayList<>(total.unreadable);
    sorted.sort(java.util.Comparator.comparing(UnitStats.Unreadable::recordId));
    for (UnitStats.Unreadable u : sorted) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("recordId", u.recordId());
      e.put("problem", u.code());
      if (options.identified()) {
        e.put("root", u.root());
        e.put("path", u.path());
        e.put("reason", u.reason());
      }
      unreadable.add(e);
    }
    m.put("unreadableFiles", unreadable);
    try {
      Path tmp = Layout.temp(manifest);
      Files.writeString(tmp, ManifestJson.write(m), StandardCharsets.UTF_8);
      Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ExportException("cannot write " + manifest + ": " + e.getMessage(), e);
    }
  }

  private static List<String> removed(ExportOptions options, UnitStats total) {
    if (options.identified()) {
      return List.of();
    }
    List<String> r = new ArrayList<>(List.of(
        "patient IDs (replaced by HMAC-SHA-256 pseudonyms: patient_key)",
        "file names and paths (replaced by pseudonyms: record_id)",
        "names (kanji, kana, romaji), addresses, postal codes, phone numbers",
        "birth dates (reduced to year and month of the shifted date)",
        "every date and time shifted by the patient's own offset of up to " + options.dateShiftDays() + " days",
        "order numbers, attending doctors, rooms and beds",
        "read-problem reasons (they may quote file paths); problem codes are kept"));
    total.removed.forEach(x -> r.add("free text: " + x));
    return r;
  }

}
