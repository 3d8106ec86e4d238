package dev.ssmix2.examples.cli;

/**
 * The input cannot be used (exit status 2); the message is worded for the command line and printed after
 * {@code ssmix2 COMMAND: }.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
