package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The update's executor: every task runs, results reach the caller only, and a failure stops the rest. */
class WorkersTest {

  private static List<Workers.Task<Integer>> tasks(int n, int resultsEach) {
    return IntStream.range(0, n).<Workers.Task<Integer>>mapToObj(i -> emit -> {
      for (int r = 0; r < resultsEach; r++) {
        emit.accept(1);
      }
    }).toList();
  }

  @Test
  void manyMoreTasksThanTheQueueHoldsAllRun() throws IOException {
    try (Workers w = new Workers(4, 2, 8)) {
      int[] sum = {0};
      w.run(tasks(5_000, 3).iterator(), r -> sum[0] += r);
      assertThat(sum[0]).isEqualTo(15_000);
    }
  }

  @Test
  void aCallerThatGivesUpStopsTheTasksAndRethrows() {
    try (Workers w = new Workers(4, 2, 8)) {
      List<Integer> seen = new ArrayList<>();
      assertThatThrownBy(() -> w.run(tasks(1_000, 100).iterator(), r -> {
        seen.add(r);
        if (seen.size() == 50) {
          throw new IllegalStateException("listener aborted");
        }
      })).hasMessage("listener aborted");
      assertThat(seen).hasSize(50);
    }
  }

  @Test
  void aFailingTaskIsRethrownAsItWas() {
    try (Workers w = new Workers(2, 2, 8)) {
      List<Workers.Task<Integer>> failing = new ArrayList<>(tasks(20, 1));
      failing.add(emit -> {
        throw new IOException("disk gone");
      });
      assertThatThrownBy(() -> w.run(failing.iterator(), r -> { })).isInstanceOf(IOException.class)
          .hasMessage("disk gone");
    }
  }
}
