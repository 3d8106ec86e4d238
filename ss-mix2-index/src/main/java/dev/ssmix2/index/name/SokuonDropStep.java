package dev.ssmix2.index.name;

/** Loose: drops the small ッ (ハットリ → ハトリ), the mark people most often omit or mishear. */
final class SokuonDropStep implements NameStep {
  static final String NAME = "dropSokuon";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> cp == 'ッ' ? -1 : cp);
  }
}
