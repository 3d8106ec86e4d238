package dev.ssmix2.index.name;

/**
 * Loose fold of kana that sound the same today: ヂ→ジ, ヅ→ズ, ヲ→オ, ヰ→イ, ヱ→エ, ヮ→ワ, ヵ→カ, ヶ→ケ (チヅル = チズル).
 */
final class ArchaicKanaStep implements NameStep {
  static final String NAME = "foldArchaicKana";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(
        text,
        cp -> switch (cp) {
          case 'ヂ' -> 'ジ';
          case 'ヅ' -> 'ズ';
          case 'ヲ' -> 'オ';
          case 'ヰ' -> 'イ';
          case 'ヱ' -> 'エ';
          case 'ヮ' -> 'ワ';
          case 'ヵ' -> 'カ';
          case 'ヶ' -> 'ケ';
          default -> cp;
        });
  }
}
