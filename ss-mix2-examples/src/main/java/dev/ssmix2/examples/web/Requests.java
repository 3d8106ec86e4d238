package dev.ssmix2.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading what a client sent: query and form parameters, cookies, a size-limited body. */
final class Requests {
  static final int MAX_BODY_BYTES = 8 * 1024;

  private Requests() {}

  /** Decodes {@code a=1&b=%E3%81%82} (also form bodies); the first value of a repeated name wins. */
  static Map<String, String> parameters(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("malformed percent-escape in parameters");
      }
    }
    return parameters;
  }

  static Optional<String> cookie(HttpExchange exchange, String name) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return Optional.empty();
    }
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          return Optional.of(pair.substring(eq + 1).strip());
        }
      }
    }
    return Optional.empty();
  }

  static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new HttpError(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static String contentType(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT);
  }

  static String client(HttpExchange exchange) {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }
}
