package dev.ssmix2.examples.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reading what a client sent: query and form parameters, cookies, a content type. */
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

  static Optional<String> cookie(Exchange exchange, String name) {
    for (String header : exchange.headers("Cookie")) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          return Optional.of(pair.substring(eq + 1).strip());
        }
      }
    }
    return Optional.empty();
  }

  static String contentType(Exchange exchange) {
    return exchange.header("Content-Type").map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)).orElse("");
  }
}
