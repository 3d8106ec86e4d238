package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.PatientFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Exports a stream of patient folders into a sink on several threads: patients are mapped in parallel and written
 * in their stream order by the calling thread, with a bounded window of patients in flight, so memory stays bounded
 * by the window, not by the storage.
 *
 * <pre>{@code
 * try (ExportSink sink = ExportSink.ndjson(out); Stream<PatientFolder> ps = storage.patients(u -> { })) {
 *   BulkExport.run(ps, FhirExporter.create(options), sink, 2, r -> progress(r));
 * }
 * }</pre>
 */
public final class BulkExport {
  private BulkExport() {}

  /**
   * Maps and writes every patient; {@code afterEach} sees each patient's resources after they are written (for
   * progress and problem reports). Returns the number of patients written.
   *
   * @throws IOException when the sink cannot write
   */
  public static long run(Stream<PatientFolder> patients, FhirExporter exporter, ExportSink sink, int threads,
      Consumer<PatientResources> afterEach) throws IOException {
    checkArgument(patients != null && exporter != null && sink != null && afterEach != null,
        "arguments must not be null");
    checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ssmix2-fhir-export");
      t.setDaemon(true);
      return t;
    });
    int window = threads * 8;
    Deque<Future<PatientResources>> inFlight = new ArrayDeque<>();
    long written = 0;
    try {
      Iterator<PatientFolder> it = patients.iterator();
      while (it.hasNext() || !inFlight.isEmpty()) {
        while (it.hasNext() && inFlight.size() < window) {
          PatientFolder p = it.next();
          inFlight.add(pool.submit(() -> exporter.export(p.patientId(), p.files())));
        }
        PatientResources r = get(inFlight.removeFirst());
        sink.write(r);
        afterEach.accept(r);
        written++;
      }
    } finally {
      pool.shutdownNow();
    }
    return written;
  }

  private static PatientResources get(Future<PatientResources> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("export interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(c);
    }
  }
}
