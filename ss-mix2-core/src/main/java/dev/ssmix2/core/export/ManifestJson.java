package dev.ssmix2.core.export;

import dev.ssmix2.core.internal.Json;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer for {@code manifest.json} (core carries no JSON library). */
final class ManifestJson {
  private final StringBuilder sb = new StringBuilder();
  private int indent;

  static String write(Map<String, ?> root) {
    ManifestJson j = new ManifestJson();
    j.value(root);
    return j.sb.append('\n').toString();
  }

  private void value(Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      object(m);
    } else if (v instanceof Collection<?> c) {
      array(List.copyOf(c));
    } else {
      string(v.toString());
    }
  }

  private void object(Map<?, ?> m) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    indent++;
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      pad();
      string(String.valueOf(e.getKey()));
      sb.append(": ");
      value(e.getValue());
      sb.append(++i < m.size() ? ",\n" : "\n");
    }
    indent--;
    pad();
    sb.append('}');
  }

  private void array(List<?> l) {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append("[\n");
    indent++;
    for (int i = 0; i < l.size(); i++) {
      pad();
      value(l.get(i));
      sb.append(i + 1 < l.size() ? ",\n" : "\n");
    }
    indent--;
    pad();
    sb.append(']');
  }

  private void pad() {
    sb.append("  ".repeat(indent));
  }

  private void string(String s) {
    Json.string(sb, s);
  }
}
