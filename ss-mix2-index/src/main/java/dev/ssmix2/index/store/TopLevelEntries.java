package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;

/**
 * The unplaced entries outside any patient folder (strays next to the prefix folders and patient folders) that the
 * last run reported, kept in the commit's user data. A run that walks only changed patients reports these again when
 * they are still there, so every run lists the same problems; a run that finds an entry there it has no record of
 * walks the whole storage instead.
 */
final class TopLevelEntries {
  private TopLevelEntries() {}

  static final String KEY = "topLevelUnplaced";
  /** More than this many are not kept: the next run walks everything, as a storage in such a state deserves. */
  static final int MAX_KEPT = 10_000;

  /** One entry: root index, path relative to the root, the walker's problem and reason. */
  record Entry(int root, String path, Problem problem, String reason) {}

  static String encode(Collection<Entry> entries) {
    if (entries.size() > MAX_KEPT) {
      return "";
    }
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(entries.size());
      for (Entry e : entries) {
        out.writeVInt(e.root());
        out.writeString(e.path());
        out.writeVInt(e.problem().ordinal());
        out.writeString(e.reason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the top-level entries", e);
    }
    return Base64.getEncoder().encodeToString(out.toArrayCopy());
  }

  /** The entries of the last commit; empty when it kept none (an older index, or too many). */
  static Optional<List<Entry>> decode(Map<String, String> userData) {
    String encoded = userData.getOrDefault(KEY, "");
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    try {
      return read(new ByteArrayDataInput(Base64.getDecoder().decode(encoded)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: the next run walks everything and writes it anew
    }
  }

  private static Optional<List<Entry>> read(ByteArrayDataInput in) throws IOException {
    Problem[] problems = Problem.values();
    List<Entry> out = new ArrayList<>();
    for (int n = in.readVInt(); n > 0; n--) {
      int root = in.readVInt();
      String path = in.readString();
      int problem = in.readVInt();
      if (problem >= problems.length) {
        return Optional.empty();
      }
      out.add(new Entry(root, path, problems[problem], in.readString()));
    }
    return Optional.of(out);
  }
}
