package dev.ssmix2.core.synth;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The true identity of a synthetic patient (what the manifest records), independent of how the files spell it.
 *
 * @param previousFamily family name before a rename (marriage), as kanji and kana
 */
record Person(String id, String familyKanji, String givenKanji, String familyKana, String givenKana,
    Optional<String> familyRomaji, Optional<String> givenRomaji, LocalDate birthDate, char sex, String zip,
    String address, String phone, Optional<String[]> previousFamily) {

  boolean isForeign() {
    return familyRomaji.isPresent();
  }
}
