package dev.ssmix2.index.population;

import com.google.common.base.Preconditions;
import dev.ssmix2.index.population.NameTables.Foreign;
import dev.ssmix2.index.population.NameTables.Given;
import dev.ssmix2.index.population.NameTables.Surname;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generated hospital population with the quirks a reception desk meets, its ground truth, and queries typed the way
 * clerks type them — for held-out-like recall tests and the recall harness in {@code benchmarks}.
 *
 * <p>Names are drawn by frequency ({@link NameTables}), so exact homonyms (同姓同名) occur as they do in a real
 * population. Some patients are stored with one quirk each: a provisional-registration mark ({@code (仮)}, {@code
 * ｶ)}), the whole name in one component ({@code 森本　トメ}), a foreign name in one component in Western order
 * ({@code マリア・サントス}), a romaji-only Vietnamese name with a middle name, the reading with small kana written
 * large ({@code ハツトリ}), a kanji lost to a placeholder ({@code ■崎}, sometimes without any reading).
 *
 * <p>Each query carries its <em>fair set</em>, computed from the ground truth: the patients a clerk could not tell
 * from the target with what was typed (the same true kanji name for a kanji query, the same true reading for a kana
 * query, and so on). A search finds the target fairly when it ranks it within the size of that set; its first hit is
 * right when the hit is in the set.
 *
 * <pre>{@code
 * ReceptionPopulation p = ReceptionPopulation.generate(5_000, 14L);
 * List<Path> roots = p.writeStorage(dir);
 * Map<String, Recall> r = ReceptionPopulation.evaluate(p.queries(), text -> ids(index.search(text, 50)));
 * }</pre>
 */
public final class ReceptionPopulation {

  /** How a patient is stored. */
  public enum Quirk { NONE, PROVISIONAL, ONE_COMPONENT, FOREIGN_WESTERN, FOREIGN_ROMAJI, LARGE_KANA, PLACEHOLDER }

  /**
   * One patient: what is true and what the storage says.
   *
   * @param kanjiFamily true kanji (or katakana for foreigners) family name; "" for romaji-only names
   * @param readingFamily true reading in katakana; "" for romaji-only names
   * @param latin true Latin name, family first, words separated by spaces; "" for Japanese names
   * @param pid5 PID-5 exactly as written into the ADT-00 file
   */
  public record Person(String id, String kanjiFamily, String kanjiGiven, String readingFamily, String readingGiven,
      String latin, String pid5, String birth, String sex, Quirk quirk) {

    /** The kanji name as a clerk sees it: glyph variants (濱/浜) cannot be told apart by what is typed. */
    String kanjiName() {
      return (kanjiFamily + "|" + kanjiGiven).replace('濱', '浜').replace('髙', '高').replace('﨑', '崎');
    }

    String readingName() {
      return readingFamily + "|" + readingGiven;
    }
  }

  /**
   * A query, the patient it is typed for, its kind and the ground-truth fair set.
   *
   * @param fair IDs of every patient indistinguishable from the target with what was typed, the target included
   */
  public record Query(String text, String expectedId, String kind, Set<String> fair) {}

  /** The outcome of one kind of query. */
  public record Recall(String kind, int queries, int fairlyFound, int rightFirst, List<String> misses) {
    public double recall() {
      return queries == 0 ? 0 : (double) fairlyFound / queries;
    }

    public double precisionAtOne() {
      return queries == 0 ? 0 : (double) rightFirst / queries;
    }
  }

  /** Queries per kind at most. */
  private static final int PER_KIND = 60;

  private final List<Person> people;
  private final List<Query> queries;

  private ReceptionPopulation(List<Person> people, List<Query> queries) {
    this.people = List.copyOf(people);
    this.queries = List.copyOf(queries);
  }

  public List<Person> people() {
    return people;
  }

  public List<Query> queries() {
    return queries;
  }

  /** A population of {@code patients} patients; the same seed gives the same patients and queries. */
  public static ReceptionPopulation generate(int patients, long seed) {
    Preconditions.checkArgument(patients >= 100, "a population needs at least 100 patients, got %s", patients);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Person> people = new ArrayList<>(patients);
    for (int i = 0; i < patients; i++) {
      people.add(person(String.format(Locale.ROOT, "%010d", 3_000_000 + i), rng));
    }
    return new ReceptionPopulation(people, queries(people, new SplittableRandom(seed * 31 + 7)));
  }

  // ------------------------------------------------------------------------------------------ patients

  private static Person person(String id, SplittableRandom rng) {
    String birth = String.format(Locale.ROOT, "%04d%02d%02d", 1925 + rng.nextInt(95), 1 + rng.nextInt(12),
        1 + rng.nextInt(28));
    double roll = rng.nextDouble();
    if (roll < 0.015) {
      return foreignWestern(id, birth, rng);
    }
    if (roll < 0.03) {
      return vietnamese(id, birth, rng);
    }
    Surname surname = pick(NameTables.SURNAMES, Surname::weight, rng);
    Quirk quirk = roll < 0.06 ? Quirk.PROVISIONAL
        : roll < 0.09 ? Quirk.ONE_COMPONENT
        : roll < 0.12 ? Quirk.PLACEHOLDER
        : Quirk.NONE;
    while (quirk == Quirk.PLACEHOLDER && surname.kanji().codePointCount(0, surname.kanji().length()) < 2) {
      surname = pick(NameTables.SURNAMES, Surname::weight, rng);
    }
    String reading = surname.readings().size() > 1 && rng.nextDouble() < 0.3
        ? surname.readings().get(1 + rng.nextInt(surname.readings().size() - 1))
        : surname.readings().get(0);
    String givenWritten;
    String givenReading;
    String sex;
    if (quirk == Quirk.ONE_COMPONENT && rng.nextBoolean()) {
      givenWritten = NameTables.OLD_KANA_GIVEN.get(rng.nextInt(NameTables.OLD_KANA_GIVEN.size()));
      givenReading = givenWritten;
      sex = "F";
      birth = "19" + (20 + rng.nextInt(20)) + birth.substring(4);
    } else {
      Given g = pick(NameTables.GIVEN, Given::weight, rng);
      givenWritten = g.written();
      givenReading = g.reading();
      sex = g.sex();
    }
    if (quirk == Quirk.NONE && (hasSmallKana(reading) || hasSmallKana(givenReading)) && rng.nextDouble() < 0.25) {
      quirk = Quirk.LARGE_KANA;
    }
    String storedKanjiFamily = surname.kanji();
    String storedReadingFamily = reading;
    String storedReadingGiven = givenReading;
    boolean withReading = true;
    String pid5;
    switch (quirk) {
      case PROVISIONAL -> {
        storedKanjiFamily = List.of("(仮)", "（仮）", "仮)").get(rng.nextInt(3)) + storedKanjiFamily;
        storedReadingFamily = List.of("ｶ)", "カ)", "").get(rng.nextInt(3)) + storedReadingFamily;
      }
      case LARGE_KANA -> {
        storedReadingFamily = large(reading);
        storedReadingGiven = large(givenReading);
      }
      case PLACEHOLDER -> {
        int[] cps = storedKanjiFamily.codePoints().toArray();
        cps[rng.nextInt(cps.length)] = rng.nextBoolean() ? '■' : '〓';
        storedKanjiFamily = new String(cps, 0, cps.length);
        withReading = rng.nextBoolean();
      }
      default -> { }
    }
    if (quirk == Quirk.ONE_COMPONENT) {
      String space = rng.nextDouble() < 0.7 ? "\u3000" : " ";
      pid5 = storedKanjiFamily + space + givenWritten + "^^^^^^L^I~" + reading + space + givenReading + "^^^^^^L^P";
    } else {
      pid5 = storedKanjiFamily + "^" + givenWritten + "^^^^^L^I"
          + (withReading ? "~" + storedReadingFamily + "^" + storedReadingGiven + "^^^^^L^P" : "");
    }
    return new Person(id, surname.kanji(), givenWritten, reading, givenReading, "", pid5, birth, sex, quirk);
  }

  private static Person foreignWestern(String id, String birth, SplittableRandom rng) {
    Foreign given = NameTables.FOREIGN_GIVEN.get(rng.nextInt(NameTables.FOREIGN_GIVEN.size()));
    Foreign family = NameTables.FOREIGN_FAMILY.get(rng.nextInt(NameTables.FOREIGN_FAMILY.size()));
    String separator = List.of("・", "＝", "=").get(rng.nextInt(3));
    String written = given.katakana() + separator + family.katakana();
    String pid5 = written + "^^^^^^L^I~" + written + "^^^^^^L^P";
    String sex = List.of("マリア", "アナ", "エミリー", "ロサ").contains(given.katakana()) ? "F" : "M";
    return new Person(id, family.katakana(), given.katakana(), family.katakana(), given.katakana(),
        family.latin() + " " + given.latin(), pid5, birth, sex, Quirk.FOREIGN_WESTERN);
  }

  private static Person vietnamese(String id, String birth, SplittableRandom rng) {
    String family = NameTables.VIETNAMESE_FAMILY.get(rng.nextInt(NameTables.VIETNAMESE_FAMILY.size()));
    boolean woman = rng.nextBoolean();
    String given = (woman ? "THI " : "VAN ")
        + NameTables.VIETNAMESE_GIVEN.get(rng.nextInt(NameTables.VIETNAMESE_GIVEN.size()));
    String pid5 = rng.nextBoolean()
        ? family + "^" + given + "^^^^^L^A"
        : family + " " + given + "^^^^^^L^I";
    return new Person(id, "", "", "", "", family + " " + given, pid5, birth, woman ? "F" : "M",
        Quirk.FOREIGN_ROMAJI);
  }

  private static <T> T pick(List<T> items, java.util.function.ToIntFunction<T> weight, SplittableRandom rng) {
    int total = items.stream().mapToInt(weight).sum();
    int r = rng.nextInt(total);
    for (T item : items) {
      r -= weight.applyAsInt(item);
      if (r < 0) {
        return item;
      }
    }
    throw new AssertionError("weights changed while drawing");
  }

  private static boolean hasSmallKana(String kana) {
    return !large(kana).equals(kana);
  }

  /** Small kana written large, as systems without small kana stored them: ハットリ → ハツトリ. */
  static String large(String kana) {
    StringBuilder b = new StringBuilder(kana.length());
    kana.codePoints().forEach(cp -> b.appendCodePoint(switch (cp) {
      case 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ' -> cp + 1;
      default -> cp;
    }));
    return b.toString();
  }

  static String hiragana(String katakana) {
    StringBuilder b = new StringBuilder(katakana.length());
    katakana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
    return b.toString();
  }

  // ------------------------------------------------------------------------------------------ queries

  private static List<Query> queries(List<Person> people, SplittableRandom rng) {
    Map<String, List<Query>> byKind = new LinkedHashMap<>();
    Map<String, Set<String>> sameKanji = index(people, Person::kanjiName);
    Map<String, Set<String>> sameReading = index(people, Person::readingName);
    Map<String, Set<String>> sameLatin = index(people, p -> romajiUsed(p.latin()));
    List<Person> shuffled = new ArrayList<>(people);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      shuffled.set(i, shuffled.set(j, shuffled.get(i)));
    }
    for (Person p : shuffled) {
      switch (p.quirk()) {
        case NONE -> {
          if (sameKanji.get(p.kanjiName()).size() >= 2) {
            add(byKind, "homonym-kanji", p.kanjiFamily() + " " + p.kanjiGiven(), p, sameKanji.get(p.kanjiName()));
          } else if (rng.nextBoolean()) {
            add(byKind, "basic-kanji", p.kanjiFamily() + " " + p.kanjiGiven(), p, sameKanji.get(p.kanjiName()));
          } else {
            add(byKind, "basic-kana", hiragana(p.readingFamily()) + " " + hiragana(p.readingGiven()), p,
                sameReading.get(p.readingName()));
          }
          Surname s = surname(p.kanjiFamily());
          if (s != null && s.readings().size() > 1) {
            for (String other : s.readings()) {
              if (!other.equals(p.readingFamily())) {
                Set<String> fair = new LinkedHashSet<>(
                    sameReading.getOrDefault(other + "|" + p.readingGiven(), Set.of()));
                people.stream()
                    .filter(q -> q.kanjiName().equals(p.kanjiName()) && q.readingFamily().equals(p.readingFamily()))
                    .forEach(q -> fair.add(q.id()));
                add(byKind, "other-reading", hiragana(other) + " " + hiragana(p.readingGiven()), p, fair);
                break;
              }
            }
          }
        }
        case PROVISIONAL -> {
          String mark = List.of("(仮)", "（仮）", "仮)", "ｶ)", "").get(rng.nextInt(5));
          if (rng.nextBoolean()) {
            add(byKind, "provisional", mark + p.kanjiFamily() + " " + p.kanjiGiven(), p, sameKanji.get(p.kanjiName()));
          } else {
            add(byKind, "provisional", mark + hiragana(p.readingFamily()) + " " + hiragana(p.readingGiven()), p,
                sameReading.get(p.readingName()));
          }
        }
        case ONE_COMPONENT -> {
          if (rng.nextBoolean()) {
            add(byKind, "one-component", p.kanjiFamily() + " " + p.kanjiGiven(), p, sameKanji.get(p.kanjiName()));
          } else {
            add(byKind, "one-component", hiragana(p.readingFamily()) + " " + hiragana(p.readingGiven()), p,
                sameReading.get(p.readingName()));
          }
        }
        case FOREIGN_WESTERN -> add(byKind, "foreign-western",
            hiragana(p.readingFamily()) + " " + hiragana(p.readingGiven()), p, sameReading.get(p.readingName()));
        case FOREIGN_ROMAJI -> add(byKind, "foreign-romaji", romajiUsed(p.latin()).toLowerCase(Locale.ROOT), p,
            sameLatin.get(romajiUsed(p.latin())));
        case LARGE_KANA -> add(byKind, "large-kana",
            hiragana(p.readingFamily()) + " " + hiragana(p.readingGiven()), p, sameReading.get(p.readingName()));
        case PLACEHOLDER -> add(byKind, "placeholder", p.kanjiFamily() + " " + p.kanjiGiven(), p,
            sameKanji.get(p.kanjiName()));
      }
    }
    List<Query> out = new ArrayList<>();
    byKind.values().forEach(out::addAll);
    return out;
  }

  /** Family name and the given name the person goes by (the last word): NGUYEN THI HOA → "NGUYEN HOA". */
  private static String romajiUsed(String latin) {
    if (latin.isEmpty()) {
      return "";
    }
    String[] words = latin.split(" ");
    return words[0] + " " + words[words.length - 1];
  }

  private static Surname surname(String kanji) {
    return NameTables.SURNAMES.stream().filter(s -> s.kanji().equals(kanji)).findFirst().orElse(null);
  }

  private static Map<String, Set<String>> index(List<Person> people, Function<Person, String> key) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Person p : people) {
      out.computeIfAbsent(key.apply(p), k -> new LinkedHashSet<>()).add(p.id());
    }
    return out;
  }

  private static void add(Map<String, List<Query>> byKind, String kind, String text, Person p, Set<String> fair) {
    List<Query> list = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
    if (list.size() < PER_KIND) {
      Set<String> withTarget = new LinkedHashSet<>(fair);
      withTarget.add(p.id());
      list.add(new Query(text, p.id(), kind, withTarget));
    }
  }

  // ------------------------------------------------------------------------------------------ judging

  /**
   * Runs every query through {@code search} (query text → patient IDs, best first, at least the fair-set size or 50
   * of them) and sums up each kind: how many found their target within the fair rank, how many put a fair patient
   * first, and the first few misses as "query → rank/fair".
   */
  public static Map<String, Recall> evaluate(List<Query> queries, Function<Query, List<String>> search) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, List<String>> misses = new HashMap<>();
    for (Query q : queries) {
      List<String> ids = search.apply(q);
      int[] c = counts.computeIfAbsent(q.kind(), k -> new int[3]);
      c[0]++;
      int rank = ids.indexOf(q.expectedId()) + 1;
      if (rank > 0 && rank <= q.fair().size()) {
        c[1]++;
      } else {
        List<String> m = misses.computeIfAbsent(q.kind(), k -> new ArrayList<>());
        if (m.size() < 5) {
          m.add(q.text() + " → " + (rank == 0 ? "absent" : "rank " + rank) + " (fair " + q.fair().size() + ")");
        }
      }
      if (!ids.isEmpty() && q.fair().contains(ids.get(0))) {
        c[2]++;
      }
    }
    Map<String, Recall> out = new TreeMap<>();
    counts.forEach((kind, c) -> out.put(kind, new Recall(kind, c[0], c[1], c[2],
        misses.getOrDefault(kind, List.of()))));
    return out;
  }

  /** How many hits to ask for: the fair-set size, at least 50. */
  public static int limitFor(Query q) {
    return Math.max(50, q.fair().size());
  }

  /** The per-kind table printed by the harness and the test. */
  public static String table(Map<String, Recall> recalls) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s %9s %10s%n", "kind", "queries",
        "recall", "right@1"));
    int n = 0;
    int found = 0;
    int first = 0;
    for (Recall r : recalls.values()) {
      b.append(String.format(Locale.ROOT, "%-16s %7d %8.1f%% %9.1f%%%n", r.kind(), r.queries(), 100 * r.recall(),
          100 * r.precisionAtOne()));
      n += r.queries();
      found += r.fairlyFound();
      first += r.rightFirst();
    }
    b.append(String.format(Locale.ROOT, "%-16s %7d %8.1f%% %9.1f%%%n", "ALL", n, 100.0 * found / Math.max(1, n),
        100.0 * first / Math.max(1, n)));
    return b.toString();
  }

  // ------------------------------------------------------------------------------------------ storage

  /**
   * Writes one current ADT-00 file (UTF-8) per patient into a new storage root {@code root} and returns it. Nothing
   * else is written.
   */
  public Path writeStorage(Path root) {
    for (Person p : people) {
      String ts = "20240105093000000";
      String text = "MSH|^~\\&|HIS|HOSP|GW|RCV|" + ts.substring(0, 14) + "||ADT^A08^ADT_A01|" + ts
          + "|P|2.5||||||UNICODE UTF-8||ISO 2022-1994\r"
          + "EVN||" + ts.substring(0, 12) + "\r"
          + "PID|0001||" + p.id() + "^^^^PI||" + p.pid5() + "||" + p.birth() + "|" + p.sex() + "\r"
          + "PV1|0001|O\r";
      Path dir = root.resolve(p.id().substring(0, 3)).resolve(p.id().substring(3, 6)).resolve(p.id())
          .resolve("-").resolve("ADT-00");
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(p.id() + "_-_ADT-00_999999999999999_" + ts + "_-_1"), text,
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the generated patient " + p.id() + " under " + root, e);
      }
    }
    return root;
  }

  /** The patients matching {@code filter}, for tests that look at one quirk. */
  public List<Person> people(Predicate<Person> filter) {
    return people.stream().filter(filter).toList();
  }
}
