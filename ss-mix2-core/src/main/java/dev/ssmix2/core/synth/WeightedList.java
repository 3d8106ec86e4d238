package dev.ssmix2.core.synth;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/** Draws items with probability proportional to their weight (binary search over cumulative weights). */
final class WeightedList<T> {
  private final ImmutableList<T> items;
  private final long[] cumulative;

  WeightedList(List<T> items, ToLongFunction<T> weight) {
    checkArgument(!items.isEmpty(), "a weighted list needs at least one item");
    this.items = ImmutableList.copyOf(items);
    this.cumulative = new long[items.size()];
    long sum = 0;
    for (int i = 0; i < items.size(); i++) {
      long w = weight.applyAsLong(items.get(i));
      checkArgument(w > 0, "weight of %s is %s; expected a positive number", items.get(i), w);
      sum += w;
      cumulative[i] = sum;
    }
  }

  T draw(SplittableRandom rng) {
    long x = rng.nextLong(cumulative[cumulative.length - 1]);
    int i = Arrays.binarySearch(cumulative, x + 1);
    return items.get(i >= 0 ? i : -i - 1);
  }

  /** The share of draws that give item {@code index}. */
  double share(int index) {
    long prev = index == 0 ? 0 : cumulative[index - 1];
    return (double) (cumulative[index] - prev) / cumulative[cumulative.length - 1];
  }

  List<T> items() {
    return items;
  }
}
