package dev.ssmix2.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Peak Java heap during each iteration, as the secondary result {@code ·peak-heap} in MB.
 *
 * <p>The figure is the sum of each heap pool's own peak since the iteration began, so it is an upper bound of the true
 * simultaneous peak (the pools peak at different moments); a full GC runs before each iteration so that the previous
 * iteration's garbage does not count. Use with {@code -prof dev.ssmix2.benchmarks.PeakHeapProfiler}.
 */
public final class PeakHeapProfiler implements InternalProfiler {

  @Override
  public String getDescription() {
    return "peak heap during the iteration (sum of per-pool peaks, MB)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return List.of(new ScalarResult("peak-heap", peak / (1024.0 * 1024.0), "MB", AggregationPolicy.MAX));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
