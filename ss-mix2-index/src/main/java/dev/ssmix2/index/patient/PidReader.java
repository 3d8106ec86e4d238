package dev.ssmix2.index.patient;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Sex;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link PidFacts} from a message's PID segment.
 *
 * <p>PID-5 repetitions are chosen by XPN.8 (I kanji, P reading, A romaji). Writers that are one caret short put the code
 * in XPN.7, so that is tried next; unmarked repetitions fall back to position (kanji first, then reading). Which
 * script a repetition really holds is sorted out later by {@code NameKeys}.
 */
public final class PidReader {
  private PidReader() {}

  /** The PID facts of a message, or empty when it has no PID segment. */
  public static Optional<PidFacts> read(Hl7Message message) {
    return message.segment("PID").map(PidReader::read);
  }

  static PidFacts read(Segment pid) {
    return new PidFacts(name(pid.field(5)), birthDate(pid.value(7)), Sex.ofCode(pid.value(8)));
  }

  static Optional<RegisteredName> name(Field pid5) {
    List<Field> reps = pid5.repetitions();
    String[] kanji = null;
    String[] kana = null;
    String[] romaji = null;
    int unmarked = 0;
    for (Field rep : reps) {
      String[] parts = {rep.component(1).strip(), rep.component(2).strip()};
      if (parts[0].isEmpty() && parts[1].isEmpty()) {
        continue;
      }
      String code = representation(rep);
      switch (code) {
        case "I" -> kanji = kanji == null ? parts : kanji;
        case "P" -> kana = kana == null ? parts : kana;
        case "A" -> romaji = romaji == null ? parts : romaji;
        default -> {
          if (unmarked == 0 && kanji == null) {
            kanji = parts;
          } else if (kana == null) {
            kana = parts;
          }
          unmarked++;
        }
      }
    }
    RegisteredName name = new RegisteredName(
        part(kanji, 0), part(kanji, 1), part(kana, 0), part(kana, 1), part(romaji, 0), part(romaji, 1));
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static String representation(Field rep) {
    String xpn8 = rep.component(8).strip();
    if (isCode(xpn8)) {
      return xpn8;
    }
    String xpn7 = rep.component(7).strip();
    return isCode(xpn7) ? xpn7 : "";
  }

  private static boolean isCode(String s) {
    return s.equals("I") || s.equals("P") || s.equals("A");
  }

  private static String part(String[] parts, int i) {
    return parts == null ? "" : parts[i];
  }

  static Optional<LocalDate> birthDate(String pid7) {
    String s = pid7.strip();
    if (s.length() < 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(s.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
