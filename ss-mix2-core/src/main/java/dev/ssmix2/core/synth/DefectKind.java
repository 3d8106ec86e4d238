package dev.ssmix2.core.synth;

/** The deliberate defects a non-clean synthetic storage contains, as listed in its manifest. */
public enum DefectKind {
  /** A message file encoded in CP932 (Shift_JIS) instead of ISO-2022-JP, e.g. for 髙 or 﨑. */
  CP932_FILE,
  /** A message file encoded in UTF-8. */
  UTF8_FILE,
  /** Segments terminated with CRLF instead of CR. */
  CRLF_ENDINGS,
  /** Segments terminated with LF instead of CR. */
  LF_ENDINGS,
  /** The name uses a variant kanji (異体字) such as 髙, 﨑, 齋, 邊, 濵, 澤. */
  VARIANT_KANJI,
  /** A kanji of the name was replaced by ■ (外字 placeholder). */
  GAIJI_PLACEHOLDER,
  /** The kana reading is half-width (JIS X 0201 katakana). */
  HALF_WIDTH_KANA,
  /** PID-5 has no kana (phonetic) repetition. */
  MISSING_KANA,
  /** The kana reading has a separate dakuten (カ゛ instead of ガ). */
  SPLIT_DAKUTEN,
  /** A file that is not a message (Thumbs.db, notes.txt). */
  JUNK_FILE,
  /** A file named like a lock file left by a gateway. */
  LOCK_FILE,
  /** A message file of zero bytes. */
  EMPTY_MESSAGE_FILE,
  /** A message file cut off in the middle. */
  TRUNCATED_MESSAGE_FILE
}
