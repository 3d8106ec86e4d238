package dev.ssmix2.core.synth;

import java.util.List;
import java.util.SplittableRandom;

/** The name vocabularies: family and given names with readings and frequency weights, and foreign names. */
final class NameBank {
  record Name(String kanji, String kana, long weight) {}

  record ForeignName(String familyRomaji, String familyKana, String givenRomaji, String givenKana, char sex) {}

  private static final NameBank INSTANCE = load();

  final WeightedList<Name> family;
  final WeightedList<Name> male;
  final WeightedList<Name> female;
  final List<ForeignName> foreign;

  private NameBank(WeightedList<Name> family, WeightedList<Name> male, WeightedList<Name> female,
      List<ForeignName> foreign) {
    this.family = family;
    this.male = male;
    this.female = female;
    this.foreign = foreign;
  }

  static NameBank get() {
    return INSTANCE;
  }

  Name given(char sex, SplittableRandom rng) {
    return (sex == 'F' ? female : male).draw(rng);
  }

  ForeignName foreign(SplittableRandom rng) {
    return foreign.get(rng.nextInt(foreign.size()));
  }

  private static NameBank load() {
    List<Name> fam = Tsv.read("family-names.tsv", 3).stream()
        .map(r -> new Name(r[0], r[1], Long.parseLong(r[2]))).toList();
    List<String[]> given = Tsv.read("given-names.tsv", 4);
    List<Name> m = given.stream().filter(r -> r[2].equals("M"))
        .map(r -> new Name(r[0], r[1], Long.parseLong(r[3]))).toList();
    List<Name> f = given.stream().filter(r -> r[2].equals("F"))
        .map(r -> new Name(r[0], r[1], Long.parseLong(r[3]))).toList();
    List<ForeignName> foreign = Tsv.read("foreign-names.tsv", 5).stream()
        .map(r -> new ForeignName(r[0], r[1], r[2], r[3], r[4].charAt(0))).toList();
    return new NameBank(new WeightedList<>(fam, Name::weight), new WeightedList<>(m, Name::weight),
        new WeightedList<>(f, Name::weight), foreign);
  }
}
