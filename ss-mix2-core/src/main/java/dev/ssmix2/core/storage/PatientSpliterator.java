package dev.ssmix2.core.storage;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Patients shard by shard. Sequentially it is lazy (one patient in memory at a time); {@link #trySplit()} hands half
 * of the shards not yet started to another thread, so {@code storage.patients(...).parallel()} walks folders
 * concurrently — what a storage of millions of small files needs, since listing and stat calls dominate.
 */
final class PatientSpliterator implements Spliterator<PatientFolder> {

  private final List<StorageRoot> roots;
  private final StorageFilter filter;
  private final Consumer<UnplacedEntry> onUnplaced;
  private final List<Shards.Shard> shards;
  private int next;
  private final int end;
  private Iterator<PatientFolder> current;

  PatientSpliterator(List<StorageRoot> roots, StorageFilter filter, Consumer<UnplacedEntry> onUnplaced,
      List<Shards.Shard> shards, int from, int end) {
    this.roots = roots;
    this.filter = filter;
    this.onUnplaced = onUnplaced;
    this.shards = shards;
    this.next = from;
    this.end = end;
  }

  @Override
  public boolean tryAdvance(Consumer<? super PatientFolder> action) {
    while (current == null || !current.hasNext()) {
      if (next >= end) {
        return false;
      }
      current = open(shards.get(next++));
    }
    action.accept(current.next());
    return true;
  }

  private Iterator<PatientFolder> open(Shards.Shard shard) {
    List<Iterator<StorageEntry>> walkers = new ArrayList<>(roots.size());
    for (StorageRoot r : roots) {
      if (Files.isDirectory(r.resolve(shard.folder()), LinkOption.NOFOLLOW_LINKS)) {
        walkers.add(new StorageWalker(r, filter, shard));
      }
    }
    return new PatientMerger(walkers, onUnplaced);
  }

  @Override
  public @Nullable Spliterator<PatientFolder> trySplit() {
    // An ordered split must hand over a prefix; once a shard is in progress its rest comes first, so keep everything.
    if (current != null && current.hasNext()) {
      return null;
    }
    int remaining = end - next;
    if (remaining < 2) {
      return null;
    }
    int mid = next + remaining / 2;
    PatientSpliterator prefix = new PatientSpliterator(roots, filter, onUnplaced, shards, next, mid);
    next = mid;
    return prefix;
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return ORDERED | NONNULL;
  }
}
