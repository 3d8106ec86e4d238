package dev.ssmix2.benchmarks;

/** A benchmark could not prepare its input (missing fixtures, unreadable work folder); the message says which. */
final class BenchmarkSetupException extends RuntimeException {
  BenchmarkSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
