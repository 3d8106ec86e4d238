package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The executor an update runs on: a fixed pool of threads with a bounded task queue, and a bounded queue of results
 * that only the calling thread takes from. Tasks never share state: each emits immutable results, and the calling
 * thread alone counts them, tells the progress listener and builds the report. When the queue of results is full,
 * tasks wait (a slow listener slows the run, it never makes results pile up); when the caller gives up — its consumer
 * throws, or a task fails — the running tasks stop at their next result and queued ones do not start.
 *
 * <p>Walking millions of small files is bound by directory listings and stat calls, not CPU, so updates run more
 * threads than cores to keep the disk busy.
 */
final class Workers implements AutoCloseable {

  /** What a task does; it hands each result to {@code emit}, which blocks while the caller is behind. */
  interface Task<R> {
    void run(Consumer<R> emit) throws IOException;
  }

  private static final Object DONE = new Object();
  private static final AtomicInteger POOLS = new AtomicInteger();

  private record Failed(Throwable cause) {}

  /** Thrown inside a task when the caller has given up; ends the task quietly. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super("update cancelled", null, false, false);
    }
  }

  private final ThreadPoolExecutor pool;
  private final int window;
  private final BlockingQueue<Object> results;
  private volatile boolean cancelled;

  /**
   * @param threads threads of the pool
   * @param queued tasks waiting beyond those running (the caller hands out no more until one finishes)
   * @param buffered results waiting for the caller
   */
  Workers(int threads, int queued, int buffered) {
    checkArgument(threads > 0 && queued > 0 && buffered > 0,
        "threads, queue and buffer must be positive, were %s, %s, %s", threads, queued, buffered);
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    // The queue holds every task handed out and not yet finished: a task's end reaches the caller a moment before its
    // thread is free again, so a queue of only the waiting ones could be full when the caller hands out the next.
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads + queued), r -> {
      Thread t = new Thread(r, "ssmix2-index-" + id + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.window = threads + queued;
    this.results = new ArrayBlockingQueue<>(buffered);
  }

  /**
   * Runs every task of {@code tasks} and hands their results to {@code sink} on the calling thread, as they arrive.
   * Returns when all are done; rethrows the first failure of a task or of {@code sink} after the others stopped.
   */
  @SuppressWarnings("unchecked")
  <R> void run(Iterator<? extends Task<R>> tasks, Consumer<R> sink) throws IOException {
    int running = 0;
    Throwable failure = null;
    try {
      while (true) {
        while (failure == null && running < window && tasks.hasNext()) {
          Task<R> task = tasks.next();
          pool.execute(() -> runTask(task));
          running++;
        }
        if (running == 0) {
          break;
        }
        Object r = results.take();
        if (r == DONE) {
          running--;
        } else if (r instanceof Failed f) {
          running--;
          if (failure == null) {
            failure = f.cause();
            cancelled = true;
          }
        } else if (failure == null) {
          sink.accept((R) r);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new InterruptedIOException("update interrupted");
      cancel(running);
    } catch (RuntimeException | Error e) {
      failure = e;
      cancel(running);
    }
    if (failure != null) {
      rethrow(failure);
    }
  }

  /** Stops the tasks still running and waits until each has said so. */
  private void cancel(int running) {
    cancelled = true;
    boolean interrupted = false;
    while (running > 0) {
      try {
        Object r = results.take();
        if (r == DONE || r instanceof Failed) {
          running--;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private <R> void runTask(Task<R> task) {
    Object last = DONE;
    try {
      if (!cancelled) {
        task.run(this::emit);
      }
    } catch (Cancelled c) {
      // the caller gave up; DONE tells it this task stopped
    } catch (Throwable t) {
      last = new Failed(t);
    }
    boolean interrupted = false;
    while (true) {
      try {
        results.put(last); // the caller takes until every task has ended, so this never waits for ever
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void emit(Object result) {
    try {
      while (!results.offer(result, 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new Cancelled();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
    if (cancelled) {
      throw new Cancelled();
    }
  }

  private static void rethrow(Throwable t) throws IOException {
    if (t instanceof UncheckedIOException u) {
      throw u.getCause();
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IOException(t);
  }

  /** Stops the pool; tasks have all ended by then (see {@link #run}). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
