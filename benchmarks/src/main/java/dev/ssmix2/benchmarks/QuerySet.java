package dev.ssmix2.benchmarks;

import com.google.common.collect.ImmutableList;
import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Queries of every {@link QueryShape} made from a deterministic sample of a storage's patients (the registered
 * kanji name, kana reading and birth date of their current ADT-00), each with the patient it must find. Made once per
 * storage and cached as TSV next to it.
 */
record QuerySet(Map<QueryShape, ImmutableList<Query>> byShape) {

  record Query(String text, String expectedId) {}

  static final int PER_SHAPE = 200;

  private static final String[][] VARIANTS = {
      {"高", "髙"}, {"崎", "﨑"}, {"斉", "齋"}, {"斎", "齊"}, {"辺", "邊"}, {"浜", "濱"}, {"沢", "澤"},
      {"吉", "𠮷"}, {"広", "廣"}, {"島", "嶋"}, {"国", "國"}, {"関", "關"}, {"桜", "櫻"}, {"竜", "龍"},
      {"実", "實"}, {"恵", "惠"}, {"真", "眞"}, {"富", "冨"}, {"徳", "德"}};

  List<Query> of(QueryShape shape) {
    return byShape.get(shape);
  }

  static QuerySet forStorage(GeneratedStorage storage) {
    Path cache = storage.folder().resolve("queries.tsv");
    if (!Files.exists(cache)) {
      write(cache, sample(storage));
    }
    return read(cache);
  }

  private static QuerySet sample(GeneratedStorage storage) {
    Map<QueryShape, List<Query>> out = new EnumMap<>(QueryShape.class);
    for (QueryShape s : QueryShape.values()) {
      out.put(s, new ArrayList<>());
    }
    int keepPerThousand = (int) Math.max(1, Math.min(1000, 20_000_000L / Math.max(1, storage.patients()) / 10));
    StorageFilter adt00 = StorageFilter.all().withDataTypes(StandardDataType.ADT_00).withFlags(ConditionFlag.CURRENT);
    try (Stream<StorageFile> files = Storage.open(storage.roots()).files(adt00)) {
      files.filter(f -> Math.floorMod(f.patientId().value().hashCode() * 31 + 17, 1000) < keepPerThousand)
          .forEach(f -> registered(f).ifPresent(p -> addQueries(p, out)));
    }
    Map<QueryShape, ImmutableList<Query>> done = new EnumMap<>(QueryShape.class);
    out.forEach((k, v) -> {
      if (v.isEmpty()) {
        throw new BenchmarkSetupException("no sampled patient of " + storage.folder() + " gives a " + k + " query",
            null);
      }
      done.put(k, ImmutableList.copyOf(v));
    });
    return new QuerySet(done);
  }

  private record Registered(String id, String kanjiFamily, String kanjiGiven, String kanaFamily, String kanaGiven,
      String birth) {}

  private static Optional<Registered> registered(StorageFile f) {
    try {
      Hl7Message m = Hl7Message.parse(Hl7Decoder.decode(f.readBytes()).text());
      Optional<Segment> pid = m.segment("PID");
      if (pid.isEmpty()) {
        return Optional.empty();
      }
      Field names = pid.get().field(5);
      String kf = "";
      String kg = "";
      String rf = "";
      String rg = "";
      for (int rep = 0; rep < names.repetitionCount(); rep++) {
        String type = names.component(rep, 8);
        if (type.equals("I")) {
          kf = names.component(rep, 1);
          kg = names.component(rep, 2);
        } else if (type.equals("P")) {
          rf = katakana(names.component(rep, 1));
          rg = katakana(names.component(rep, 2));
        }
      }
      if (!isCleanKanji(kf + kg) || !isKatakana(rf + rg) || kf.isEmpty() || kg.isEmpty() || rf.isEmpty()
          || rg.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Registered(f.patientId().value(), kf, kg, rf, rg, pid.get().value(7)));
    } catch (RuntimeException e) {
      return Optional.empty(); // a damaged sample patient is simply not sampled
    }
  }

  private static void addQueries(Registered p, Map<QueryShape, List<Query>> out) {
    add(out, QueryShape.ID, p.id(), p.id());
    add(out, QueryShape.KANA_FULL, hiragana(p.kanaFamily()) + " " + hiragana(p.kanaGiven()), p.id());
    add(out, QueryShape.KANA_PREFIX,
        hiragana(p.kanaFamily()) + " " + hiragana(p.kanaGiven().substring(0, 1)), p.id());
    add(out, QueryShape.ROMAJI, Hepburn.of(p.kanaFamily()) + " " + Hepburn.of(p.kanaGiven()), p.id());
    add(out, QueryShape.KANJI, p.kanjiFamily() + " " + p.kanjiGiven(), p.id());
    variant(p.kanjiFamily() + " " + p.kanjiGiven()).ifPresent(v -> add(out, QueryShape.VARIANT_KANJI, v, p.id()));
    if (p.birth().length() >= 8) {
      String b = p.birth();
      add(out, QueryShape.NAME_BIRTH, p.kanjiFamily() + p.kanjiGiven() + " " + b.substring(0, 4) + "/"
          + Integer.parseInt(b.substring(4, 6)) + "/" + Integer.parseInt(b.substring(6, 8)), p.id());
    }
    if (p.kanaGiven().length() >= 3) {
      String typo = p.kanaGiven().charAt(0) + p.kanaGiven().substring(2);
      add(out, QueryShape.FUZZY, hiragana(p.kanaFamily()) + " " + hiragana(typo), p.id());
    }
  }

  private static void add(Map<QueryShape, List<Query>> out, QueryShape shape, String text, String id) {
    List<Query> list = out.get(shape);
    if (list.size() < PER_SHAPE) {
      list.add(new Query(text, id));
    }
  }

  private static Optional<String> variant(String kanji) {
    for (String[] pair : VARIANTS) {
      if (kanji.contains(pair[0])) {
        return Optional.of(kanji.replaceFirst(pair[0], pair[1]));
      }
      if (kanji.contains(pair[1])) {
        return Optional.of(kanji.replaceFirst(pair[1], pair[0]));
      }
    }
    return Optional.empty();
  }

  static String katakana(String kana) {
    String nfkc = Normalizer.normalize(kana, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(nfkc.length());
    nfkc.codePoints().forEach(c -> b.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
    return b.toString();
  }

  static String hiragana(String katakana) {
    StringBuilder b = new StringBuilder(katakana.length());
    katakana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
    return b.toString();
  }

  private static boolean isKatakana(String s) {
    return !s.isEmpty() && s.codePoints().allMatch(c -> (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC);
  }

  private static boolean isCleanKanji(String s) {
    return s.codePoints().noneMatch(c -> c == '■' || c == 0xFFFD || c == '●' || c == '〓'
        || (c >= 0xE000 && c <= 0xF8FF) || c < 0x3000);
  }

  private static void write(Path file, QuerySet set) {
    StringBuilder b = new StringBuilder("shape\tquery\texpected_patient_id\n");
    set.byShape().forEach((shape, list) -> list.forEach(
        q -> b.append(shape).append('\t').append(q.text()).append('\t').append(q.expectedId()).append('\n')));
    try {
      Files.writeString(file, b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static QuerySet read(Path file) {
    Map<QueryShape, List<Query>> out = new EnumMap<>(QueryShape.class);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      if (cols.length != 3) {
        throw new BenchmarkSetupException("bad line in " + file + ": '" + line + "'; expected shape, query, id", null);
      }
      out.computeIfAbsent(QueryShape.valueOf(cols[0]), k -> new ArrayList<>()).add(new Query(cols[1], cols[2]));
    }
    Map<QueryShape, ImmutableList<Query>> done = new EnumMap<>(QueryShape.class);
    out.forEach((k, v) -> done.put(k, ImmutableList.copyOf(v)));
    return new QuerySet(done);
  }
}
