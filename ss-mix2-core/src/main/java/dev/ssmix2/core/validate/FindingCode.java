package dev.ssmix2.core.validate;

/**
 * The stable codes of validation findings and their severities. Codes never change meaning; new checks get new
 * codes.
 *
 * <table>
 *   <caption>Findings</caption>
 *   <tr><th>code</th><th>severity</th><th>when</th></tr>
 *   <tr><td>empty-file</td><td>ERROR</td><td>a message file has 0 bytes (or only blanks)</td></tr>
 *   <tr><td>truncated-message</td><td>ERROR</td><td>the file ends inside or right after the MSH header</td></tr>
 *   <tr><td>not-hl7</td><td>ERROR</td><td>a message file whose text does not start with MSH</td></tr>
 *   <tr><td>hl7-structure</td><td>ERROR</td><td>MSH declares unusable delimiters</td></tr>
 *   <tr><td>unreadable</td><td>ERROR</td><td>a file or folder cannot be read from disk</td></tr>
 *   <tr><td>file-too-large</td><td>ERROR</td><td>a message file larger than the maximum file size (64 MB by
 *       default); reported, not read</td></tr>
 *   <tr><td>not-a-regular-file</td><td>ERROR</td><td>a FIFO, device or socket in the storage; never opened</td></tr>
 *   <tr><td>undecodable-bytes</td><td>ERROR</td><td>bytes that no supported charset decodes (replaced by U+FFFD)</td></tr>
 *   <tr><td>bad-file-name</td><td>ERROR</td><td>a file in a data-type folder breaks the 7-field naming rule</td></tr>
 *   <tr><td>wrong-folder</td><td>ERROR</td><td>the file name's patient, 診療日 or data type disagrees with its folders</td></tr>
 *   <tr><td>bad-date-folder</td><td>ERROR</td><td>a folder under a patient that is neither YYYYMMDD nor {@code -}</td></tr>
 *   <tr><td>bad-folder</td><td>ERROR</td><td>any other folder that does not fit the layout (bad patient ID …)</td></tr>
 *   <tr><td>message-type-mismatch</td><td>ERROR</td><td>MSH-9 is not an event of the data-type folder</td></tr>
 *   <tr><td>patient-id-mismatch</td><td>ERROR</td><td>PID-3 names another patient than the folder</td></tr>
 *   <tr><td>missing-segment</td><td>ERROR</td><td>a segment the HL7 structure requires (PID, RXE …) is absent</td></tr>
 *   <tr><td>several-current-versions</td><td>WARNING</td><td>more than one {@code _1} file for one key; the newest wins</td></tr>
 *   <tr><td>non-jis-characters</td><td>WARNING</td><td>MSH-18 declares ISO IR87 but the file is CP932/UTF-8/Windows
 *       ISO-2022-JP or holds characters outside JIS X 0208 (half-width kana, IBM/NEC extensions)</td></tr>
 *   <tr><td>unexpected-segment</td><td>WARNING</td><td>a segment the structure does not allow, a second MSH, or a junk line</td></tr>
 *   <tr><td>segment-order</td><td>WARNING</td><td>all segments are allowed but not in the order of the structure</td></tr>
 *   <tr><td>missing-field</td><td>WARNING</td><td>a field SS-MIX2 requires for the data type is empty</td></tr>
 *   <tr><td>non-numeric-value</td><td>WARNING</td><td>an NM field (or OBX-5 with OBX-2 = NM) is not a number</td></tr>
 *   <tr><td>care-date-mismatch</td><td>WARNING</td><td>the 診療日 folder differs from the date the message carries
 *       for it (ORC-9, SPM-17, RXA-3, OBR-7 … per message type), or that segment is missing</td></tr>
 *   <tr><td>bad-timestamp</td><td>WARNING</td><td>MSH-7 is not an HL7 time (e.g. 17 digits without the dot)</td></tr>
 *   <tr><td>ambiguous-value</td><td>WARNING</td><td>a value that does not fit its declared type: components in an NM
 *       or ST value (an unescaped {@code ^}), an escape without its partner, {@code \Xhh\} that does not decode; readers
 *       keep and show the raw text with a mark</td></tr>
 *   <tr><td>content-folder</td><td>WARNING</td><td>extended storage: a bare file where a content folder is expected,
 *       a content folder without payload or without its main document, a name of six fields (no 診療科コード)</td></tr>
 *   <tr><td>transaction-log</td><td>WARNING</td><td>a transaction storage record or file that cannot be placed (bad
 *       file name, unreadable header, text before the first header)</td></tr>
 *   <tr><td>unknown-data-type</td><td>WARNING</td><td>a data-type folder that is neither standard nor an extended-storage code</td></tr>
 *   <tr><td>stray-file</td><td>WARNING</td><td>a file that is no message: Thumbs.db, notes, lock files</td></tr>
 *   <tr><td>symbolic-link</td><td>WARNING</td><td>a symbolic link; never followed</td></tr>
 *   <tr><td>missing-kana-name</td><td>WARNING</td><td>PID-5 has a kanji name but no phonetic (カナ) repetition, so
 *       searching by reading must rely on guesses</td></tr>
 *   <tr><td>split-dakuten</td><td>WARNING</td><td>the kana name writes a voiced mark as a separate character (カ゛)</td></tr>
 *   <tr><td>split-problem-list</td><td>INFO</td><td>a patient has several current PPR-01 files with different keys
 *       (one per diagnosis event); readers show their union</td></tr>
 *   <tr><td>name-control-characters</td><td>WARNING</td><td>the name holds control characters (a newline, an escape
 *       sequence …), which no real name has</td></tr>
 *   <tr><td>name-too-long</td><td>WARNING</td><td>a name part longer than {@value NameChecks#MAX_NAME_PART} characters;
 *       search indexes keep only its start</td></tr>
 *   <tr><td>invalid-escape</td><td>WARNING</td><td>an escape sequence HL7 does not define, or an escape character without
 *       its closing partner; kept as literal text</td></tr>
 *   <tr><td>byte-order-mark</td><td>INFO</td><td>the file starts with a UTF-8 byte order mark (removed when read)</td></tr>
 *   <tr><td>name-placeholder</td><td>INFO</td><td>the name holds a placeholder for a missing character (■ ● 〓 or a
 *       private-use character)</td></tr>
 *   <tr><td>line-endings</td><td>INFO</td><td>segments end with LF or CRLF instead of CR</td></tr>
 *   <tr><td>other-charset</td><td>INFO</td><td>MSH-18 declares a charset other than ISO IR87 (and the file matches it)</td></tr>
 * </table>
 */
public enum FindingCode {
  EMPTY_FILE("empty-file", Severity.ERROR),
  TRUNCATED_MESSAGE("truncated-message", Severity.ERROR),
  NOT_HL7("not-hl7", Severity.ERROR),
  HL7_STRUCTURE("hl7-structure", Severity.ERROR),
  UNREADABLE("unreadable", Severity.ERROR),
  FILE_TOO_LARGE("file-too-large", Severity.ERROR),
  NOT_REGULAR_FILE("not-a-regular-file", Severity.ERROR),
  UNDECODABLE_BYTES("undecodable-bytes", Severity.ERROR),
  BAD_FILE_NAME("bad-file-name", Severity.ERROR),
  WRONG_FOLDER("wrong-folder", Severity.ERROR),
  BAD_DATE_FOLDER("bad-date-folder", Severity.ERROR),
  BAD_FOLDER("bad-folder", Severity.ERROR),
  MESSAGE_TYPE_MISMATCH("message-type-mismatch", Severity.ERROR),
  PATIENT_ID_MISMATCH("patient-id-mismatch", Severity.ERROR),
  MISSING_SEGMENT("missing-segment", Severity.ERROR),
  SEVERAL_CURRENT_VERSIONS("several-current-versions", Severity.WARNING),
  NON_JIS_CHARACTERS("non-jis-characters", Severity.WARNING),
  UNEXPECTED_SEGMENT("unexpected-segment", Severity.WARNING),
  SEGMENT_ORDER("segment-order", Severity.WARNING),
  MISSING_FIELD("missing-field", Severity.WARNING),
  NON_NUMERIC_VALUE("non-numeric-value", Severity.WARNING),
  AMBIGUOUS_VALUE("ambiguous-value", Severity.WARNING),
  CARE_DATE_MISMATCH("care-date-mismatch", Severity.WARNING),
  BAD_TIMESTAMP("bad-timestamp", Severity.WARNING),
  UNKNOWN_DATA_TYPE("unknown-data-type", Severity.WARNING),
  CONTENT_FOLDER("content-folder", Severity.WARNING),
  TRANSACTION_LOG("transaction-log", Severity.WARNING),
  STRAY_FILE("stray-file", Severity.WARNING),
  SYMBOLIC_LINK("symbolic-link", Severity.WARNING),
  MISSING_KANA_NAME("missing-kana-name", Severity.WARNING),
  SPLIT_DAKUTEN("split-dakuten", Severity.WARNING),
  SPLIT_PROBLEM_LIST("split-problem-list", Severity.INFO),
  NAME_CONTROL_CHARACTERS("name-control-characters", Severity.WARNING),
  NAME_TOO_LONG("name-too-long", Severity.WARNING),
  INVALID_ESCAPE("invalid-escape", Severity.WARNING),
  BYTE_ORDER_MARK("byte-order-mark", Severity.INFO),
  NAME_PLACEHOLDER("name-placeholder", Severity.INFO),
  LINE_ENDINGS("line-endings", Severity.INFO),
  OTHER_CHARSET("other-charset", Severity.INFO);

  private final String id;
  private final Severity severity;

  FindingCode(String id, Severity severity) {
    this.id = id;
    this.severity = severity;
  }

  /** The stable lower-case code used in reports and JSON, e.g. {@code empty-file}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }
}
