package dev.ssmix2.core.synth;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generation run produced.
 *
 * @param roots the storage root folders written (one, or dated + undated, plus the extended root if any)
 * @param manifest the ground-truth manifest ({@code manifest.jsonl}, one JSON object per patient)
 * @param patients patients written
 * @param files files written, all versions and defects included
 * @param defects deliberate defects injected
 */
public record GenerationSummary(List<Path> roots, Path manifest, long patients, long files, long defects) {
  public GenerationSummary {
    roots = ImmutableList.copyOf(roots);
  }
}
