package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A patient's demographics (患者基本情報), taken from the current ADT-00 or, when a patient has none, from the PID
 * segment of another message.
 *
 * @param id the patient ID of the storage path (authoritative; PID-3 may disagree)
 * @param kanji the ideographic PID-5 repetition (XPN.8 = I), if any
 * @param kana the phonetic repetition (XPN.8 = P), if any; may be half-width as stored
 * @param romaji an alphabetic repetition (XPN.8 = A), if any
 * @param birthDate PID-7, if it is a real date
 * @param sex PID-8
 * @param zip postal code from PID-11 (XAD.5), if any
 * @param address the free-text address (XAD.8, or the structured parts joined), if any
 * @param phones PID-13/14 numbers
 * @param source the file the demographics come from
 * @param fromAdt00 whether {@code source} is an ADT-00 (false: another message's PID)
 */
public record Patient(
    PatientId id,
    Optional<PersonName> kanji,
    Optional<PersonName> kana,
    Optional<PersonName> romaji,
    Optional<LocalDate> birthDate,
    Sex sex,
    Optional<String> zip,
    Optional<String> address,
    List<String> phones,
    StorageFile source,
    boolean fromAdt00) {

  public Patient {
    checkNotNull(id, "id must not be null");
    checkNotNull(kanji, "kanji must not be null");
    checkNotNull(kana, "kana must not be null");
    checkNotNull(romaji, "romaji must not be null");
    checkNotNull(birthDate, "birthDate must not be null");
    checkNotNull(sex, "sex must not be null");
    checkNotNull(zip, "zip must not be null");
    checkNotNull(address, "address must not be null");
    checkNotNull(phones, "phones must not be null");
    checkNotNull(source, "source must not be null");
    phones = List.copyOf(phones);
  }

  /** The name to show: kanji, else kana, else romaji, else empty. */
  public String displayName() {
    return kanji.or(() -> kana).or(() -> romaji).map(PersonName::display).orElse("");
  }
}
