package dev.ssmix2.index.query;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Japanese eras (元号) with their Gregorian spans, for birth dates typed as 昭和23年4月5日 or S23.4.5.
 *
 * <p>明治 starts at 1868-01-25 (明治元年1月1日 of the lunar calendar, the era being applied retroactively); the other
 * boundaries are the days of accession: 昭和64年 ends on 1月7日, 平成 starts 1989-01-08, 令和 2019-05-01.
 */
enum Era {
  MEIJI("明治", 'M', LocalDate.of(1868, 1, 25)),
  TAISHO("大正", 'T', LocalDate.of(1912, 7, 30)),
  SHOWA("昭和", 'S', LocalDate.of(1926, 12, 25)),
  HEISEI("平成", 'H', LocalDate.of(1989, 1, 8)),
  REIWA("令和", 'R', LocalDate.of(2019, 5, 1));

  final String kanji;
  final char letter;
  final LocalDate start;

  Era(String kanji, char letter, LocalDate start) {
    this.kanji = kanji;
    this.letter = letter;
    this.start = start;
  }

  /** The era named by 昭和, its one-kanji abbreviation 昭 (as on forms: 昭33.5.5), or S/s. */
  static Optional<Era> named(String name) {
    for (Era era : values()) {
      if (era.kanji.equals(name)
          || (name.length() == 1 && name.charAt(0) == era.kanji.charAt(0))
          || (name.length() == 1 && name.toUpperCase(Locale.ROOT).charAt(0) == era.letter)) {
        return Optional.of(era);
      }
    }
    return Optional.empty();
  }

  /** Gregorian year of era year {@code n} (元年 = 1). */
  int gregorianYear(int n) {
    return start.getYear() + n - 1;
  }

  /** The last day of the era, or {@link LocalDate#MAX} for the current one. */
  LocalDate end() {
    return ordinal() + 1 < values().length ? values()[ordinal() + 1].start.minusDays(1) : LocalDate.MAX;
  }
}
