package dev.ssmix2.examples.web;

/**
 * A request that cannot be answered, with the status and the message the client may see. Never carries internals: the
 * message is written to the client as {@code {"error": message}}.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpError notFound() {
    return new HttpError(404, "not found");
  }

  static HttpError badRequest(String why) {
    return new HttpError(400, why);
  }
}
