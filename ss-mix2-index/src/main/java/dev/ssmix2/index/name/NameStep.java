package dev.ssmix2.index.name;

/**
 * One small, deterministic text transformation used to build a name key (Lucene-analysis style: each step does one thing).
 *
 * <p>Steps are obtained by name from {@link NameSteps} and composed into chains:
 *
 * <pre>{@code
 * NameStep kana = NameSteps.chain("joinDakuten", "widthFold", "hiraganaToKatakana");
 * kana.apply("ｻｲﾄｳ");   // "サイトウ"
 * }</pre>
 *
 * <p>Every step is code-point aware (surrogate pairs such as 𠮷 U+20BB7 pass through intact) and never returns
 * {@code null}.
 */
public interface NameStep {

  /** The name under which {@link NameSteps#forName(String)} finds this step (for chains: the names joined by '>'). */
  String name();

  /** Applies the step; {@code text} must not be null, the empty string yields the empty string. */
  String apply(String text);

  /** This step followed by {@code next}. */
  default NameStep then(NameStep next) {
    return NameSteps.chain(this, next);
  }
}
