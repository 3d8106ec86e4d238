package dev.ssmix2.core.record;

import java.util.List;
import java.util.stream.Collectors;

/** Helpers for the one-line Japanese summaries. */
final class Summaries {
  /** Items listed before "他N件": enough for a search-result line, short enough for one. */
  static final int MAX_ITEMS = 5;

  private Summaries() {}

  /** Joins non-blank parts with a space. */
  static String words(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(p.strip());
      }
    }
    return sb.toString();
  }

  /** Lists items with "、", at most {@link #MAX_ITEMS}, then "他N件". */
  static String list(List<String> items) {
    List<String> shown = items.stream().filter(s -> !s.isBlank()).toList();
    String head = shown.stream().limit(MAX_ITEMS).collect(Collectors.joining("、"));
    return shown.size() > MAX_ITEMS ? head + " 他" + (shown.size() - MAX_ITEMS) + "件" : head;
  }

  /** {@code label: body}, with {@code 取消 } in front for cancels and a placeholder for an empty body. */
  static String line(RecordSource source, String label, String body) {
    String b = body.isBlank() ? "（内容なし）" : body;
    return (source.cancel() ? "取消 " : "") + label + ": " + b;
  }
}
