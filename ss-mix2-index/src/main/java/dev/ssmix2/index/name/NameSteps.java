package dev.ssmix2.index.name;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Factory for the name normalisation steps, by name, and for chains of them.
 *
 * <pre>{@code
 * NameSteps.forName("hiraganaToKatakana").apply("やまだ");                 // "ヤマダ"
 * NameSteps.chain("joinDakuten", "widthFold", "hiraganaToKatakana").apply("ﾔﾏﾀﾞ"); // "ヤマダ"
 * }</pre>
 *
 * <p>Steps: {@value WidthFoldStep#NAME}, {@value VariationSelectorStep#NAME}, {@value IterationMarkStep#NAME},
 * {@value DakutenJoinStep#NAME}, {@value HiraganaToKatakanaStep#NAME}, {@value LongVowelMarkStep#NAME},
 * {@value SeparatorStep#NAME}, {@value PlaceholderStep#NAME}, {@value VuFoldStep#NAME}, {@value ArchaicKanaStep#NAME},
 * {@value SokuonDropStep#NAME}, {@value SmallKanaStep#NAME}, {@value LongVowelExpandStep#NAME},
 * {@value LongVowelCollapseStep#NAME}, {@value CompatibilityIdeographStep#NAME}, {@value KanjiVariantStep#STRICT_NAME},
 * {@value KanjiVariantStep#LOOSE_NAME}, {@value MarkupStep#NAME}, {@value ProvisionalMarkStep#NAME},
 * {@value PlaceholderStep#MASK_NAME}.
 */
public final class NameSteps {
  private NameSteps() {}

  private static final ImmutableMap<String, Supplier<NameStep>> STEPS =
      ImmutableMap.<String, Supplier<NameStep>>builder()
          .put(WidthFoldStep.NAME, WidthFoldStep::new)
          .put(VariationSelectorStep.NAME, VariationSelectorStep::new)
          .put(IterationMarkStep.NAME, IterationMarkStep::new)
          .put(DakutenJoinStep.NAME, DakutenJoinStep::new)
          .put(HiraganaToKatakanaStep.NAME, HiraganaToKatakanaStep::new)
          .put(LongVowelMarkStep.NAME, LongVowelMarkStep::new)
          .put(SeparatorStep.NAME, SeparatorStep::new)
          .put(PlaceholderStep.NAME, PlaceholderStep::remove)
          .put(VuFoldStep.NAME, VuFoldStep::new)
          .put(ArchaicKanaStep.NAME, ArchaicKanaStep::new)
          .put(SokuonDropStep.NAME, SokuonDropStep::new)
          .put(SmallKanaStep.NAME, SmallKanaStep::new)
          .put(LongVowelExpandStep.NAME, LongVowelExpandStep::new)
          .put(LongVowelCollapseStep.NAME, LongVowelCollapseStep::new)
          .put(CompatibilityIdeographStep.NAME, CompatibilityIdeographStep::new)
          .put(KanjiVariantStep.STRICT_NAME, KanjiVariantStep::strict)
          .put(KanjiVariantStep.LOOSE_NAME, KanjiVariantStep::loose)
          .put(MarkupStep.NAME, MarkupStep::new)
          .put(ProvisionalMarkStep.NAME, ProvisionalMarkStep::new)
          .put(PlaceholderStep.MASK_NAME, PlaceholderStep::mask)
          .buildOrThrow();

  /** The step called {@code name}; throws {@link IllegalArgumentException} listing the known names otherwise. */
  public static NameStep forName(String name) {
    Supplier<NameStep> step = STEPS.get(name);
    Preconditions.checkArgument(step != null, "unknown name step '%s', expected one of %s", name, STEPS.keySet());
    return step.get();
  }

  /** Every step name, in the order they are documented. */
  public static List<String> names() {
    return STEPS.keySet().asList();
  }

  /** The named steps applied left to right. */
  public static NameStep chain(String... names) {
    Preconditions.checkArgument(names.length > 0, "a chain needs at least one step name, got none");
    return chain(Arrays.stream(names).map(NameSteps::forName).toArray(NameStep[]::new));
  }

  /** The given steps applied left to right. */
  public static NameStep chain(NameStep... steps) {
    Preconditions.checkArgument(steps.length > 0, "a chain needs at least one step, got none");
    return new Chain(ImmutableList.copyOf(steps));
  }

  private record Chain(ImmutableList<NameStep> steps) implements NameStep {
    @Override
    public String name() {
      return String.join(">", steps.stream().map(NameStep::name).toList());
    }

    @Override
    public String apply(String text) {
      String result = Preconditions.checkNotNull(text, "text to normalise must not be null (use \"\" for none)");
      for (NameStep step : steps) {
        result = step.apply(result);
      }
      return result;
    }
  }
}
