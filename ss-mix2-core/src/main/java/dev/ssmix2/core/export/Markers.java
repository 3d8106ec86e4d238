package dev.ssmix2.core.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Completion markers: {@code _progress/<unit>.done} is written (atomically, after every file of the unit is in
 * place) with what the unit wrote, so a resumed run skips the unit and still reports it in {@code manifest.json}.
 * Tab-separated lines with tabs, newlines and backslashes escaped.
 */
final class Markers {
  private Markers() {}

  static Path marker(Layout layout, String unit) {
    return layout.progress().resolve(unit + ".done");
  }

  static void write(Layout layout, String unit, UnitStats s) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("patients\t").append(s.patients).append('\n');
    s.rows.forEach((t, n) -> sb.append("rows\t").append(escape(t)).append('\t').append(n).append('\n'));
    s.removed.forEach(r -> sb.append("removed\t").append(escape(r)).append('\n'));
    for (UnitStats.Unreadable u : s.unreadable) {
      sb.append("unreadable\t").append(escape(u.root())).append('\t').append(escape(u.path())).append('\t')
          .append(escape(u.recordId())).append('\t').append(escape(u.code())).append('\t').append(escape(u.reason()))
          .append('\n');
    }
    Path target = marker(layout, unit);
    Files.createDirectories(target.getParent());
    Path tmp = Layout.temp(target);
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The stats of a finished unit, or empty when the unit has no (readable) marker. */
  static Optional<UnitStats> read(Layout layout, String unit) {
    Path m = marker(layout, unit);
    if (!Files.isRegularFile(m)) {
      return Optional.empty();
    }
    try {
      UnitStats s = new UnitStats();
      for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "patients" -> s.patients = Long.parseLong(f[1]);
          case "rows" -> s.rows.put(unescape(f[1]), Long.parseLong(f[2]));
          case "removed" -> s.removed.add(unescape(f[1]));
          case "unreadable" -> s.unreadable.add(new UnitStats.Unreadable(unescape(f[1]), unescape(f[2]),
              unescape(f[3]), unescape(f[4]), unescape(f[5])));
          default -> {
            return Optional.empty();
          }
        }
      }
      return Optional.of(s);
    } catch (IOException | RuntimeException e) {
      // A marker that cannot be read is no proof of completion: the unit is exported again.
      return Optional.empty();
    }
  }

  static String escape(String s) {
    if (s == null) {
      return "\\0";
    }
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    if (s.equals("\\0")) {
      return null;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
