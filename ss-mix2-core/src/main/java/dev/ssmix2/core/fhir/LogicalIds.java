package dev.ssmix2.core.fhir;

import com.google.common.hash.Hashing;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StandardDataType;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Logical IDs in the JAMI scheme: {@code [患者ID].[診療日].[データ種別].[オーダNo].[発生日時].[連番]}, where 発生日時 is
 * written without the first two digits of the year ({@code yyMMddHHmmssfff}, 15 digits) as in the mapping's
 * examples, the undated 診療日 is {@code -}, and 連番 names the resource within its message (a number, or a segment
 * name and number such as {@code OBR1} when one message yields several kinds). The patient from an ADT-00 is
 * {@code [患者ID].ADT-00}.
 *
 * <p>FHIR allows {@code [A-Za-z0-9\-.]{1,64}}. A 10-digit patient ID and a 15-digit order number fit exactly; a
 * longer ID, or a character outside that set (some writers put other characters in order numbers), gives
 * {@code h.} followed by 62 hex digits of the SHA-256 of the JAMI form, so an ID is still derived from the file
 * and nothing else. The JAMI form is then kept as the resource's identifier (see {@link #needsHash}).
 */
final class LogicalIds {
  private LogicalIds() {}

  static final Pattern VALID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** The JAMI form for resource {@code serial} of a file (may exceed 64 characters). */
  static String jamiForm(FileName name, String serial) {
    return name.patientId().value() + "." + name.date().token() + "." + name.dataType().code() + "."
        + name.orderNo() + "." + shortTimestamp(name) + "." + serial;
  }

  /** The JAMI patient ID of an ADT-00 patient. */
  static String patientForm(String patientId) {
    return patientId + "." + StandardDataType.ADT_00.code();
  }

  /** A valid FHIR logical ID for a JAMI form: the form itself, or its hash when it does not fit. */
  static String id(String jamiForm) {
    if (!needsHash(jamiForm)) {
      return jamiForm;
    }
    String hex = Hashing.sha256().hashString(jamiForm, StandardCharsets.UTF_8).toString();
    return "h." + hex.substring(0, 62);
  }

  static boolean needsHash(String jamiForm) {
    return !VALID.matcher(jamiForm).matches();
  }

  /** 発生日時 as {@code yyMMddHHmmssfff}: the padded 17 digits without the century. */
  static String shortTimestamp(FileName name) {
    return name.timestamp().padded().substring(2);
  }
}
