package dev.ssmix2.examples.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the server itself produces before the viewer sees a request — a malformed request line, raw non-ASCII bytes in
 * a URL, ambiguous path encodings, headers too large, a request that timed out — answered like every other error:
 * {@code {"error": "..."}}, never an HTML page and never the server's internals.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json; charset=utf-8";

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer s) {
      status = s;
    }
    if (status < 400) {
      status = 500;
    }
    SecurityHeaders.apply(response.getHeaders());
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, ByteBuffer.wrap(Json.bytes(Map.of("error", message(status)))), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, JSON);
    SecurityHeaders.apply(fields);
    return ByteBuffer.wrap(Json.line(Map.of("error", message(status))).getBytes(StandardCharsets.UTF_8));
  }

  /** Our own words for each status: the server's reason phrases may name its internals. */
  static String message(int status) {
    return switch (status) {
      case 400 -> "bad request: the request line, URL or headers are malformed (percent-encode non-ASCII characters "
          + "in URLs as UTF-8)";
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 408 -> "request timed out: the request was not sent completely in time";
      case 413 -> "request too large";
      case 414 -> "URL too long";
      case 431 -> "request headers too large";
      case 503 -> "the viewer is busy; try again in a moment";
      default -> status >= 500 ? "internal error" : "request refused (" + status + ")";
    };
  }
}
