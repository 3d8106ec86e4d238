package dev.ssmix2.core.hl7;


/**
 * The five HL7 delimiters of one message: the field separator (MSH-1) and the encoding characters (MSH-2), which
 * SS-MIX2 fixes to {@code |} and {@code ^~\&}.
 *
 * @param field field separator, MSH-1
 * @param component component separator, MSH-2 position 1
 * @param repetition repetition separator, MSH-2 position 2
 * @param escape escape character, MSH-2 position 3
 * @param subcomponent subcomponent separator, MSH-2 position 4
 */
public record EncodingCharacters(
    char field, char component, char repetition, char escape, char subcomponent) {

  /** {@code |^~\&}, the HL7 defaults and the SS-MIX2 rule. */
  public static final EncodingCharacters DEFAULT = new EncodingCharacters('|', '^', '~', '\\', '&');

  public EncodingCharacters {
    char[] all = {field, component, repetition, escape, subcomponent};
    // Pairwise rather than through a HashSet: every message is tokenized through here, and boxing five characters
    // into a set was 5 % of reading every field of a message (JFR, HapiReadBenchmark.tokenizeEveryField).
    for (int i = 0; i < all.length; i++) {
      char c = all[i];
      if (Character.isSurrogate(c) || Character.isLetterOrDigit(c) || c == '\r' || c == '\n') {
        throw new Hl7FormatException(
            "HL7 delimiter U+" + String.format("%04X", (int) c)
                + " is unusable; expected punctuation such as |^~\\&");
      }
      for (int j = 0; j < i; j++) {
        if (all[j] == c) {
          throw new Hl7FormatException(
              "HL7 delimiters must differ, but '" + c + "' is used twice in " + new String(all));
        }
      }
    }
  }

  /**
   * The delimiters declared by an MSH segment: {@code fieldSeparator} is MSH-1, {@code msh2} the raw MSH-2. Positions
   * missing from a short or empty MSH-2 take the defaults; characters after the fourth (the v2.7 truncation
   * character) are ignored.
   *
   * @throws Hl7FormatException if the delimiters are not distinct or not usable as delimiters
   */
  public static EncodingCharacters of(char fieldSeparator, String msh2) {
    // Nearly every message declares the defaults: answer with the constant before building anything.
    if (fieldSeparator == DEFAULT.field && msh2.length() >= 4 && msh2.startsWith("^~\\&")) {
      return DEFAULT;
    }
    char[] chars = {
      DEFAULT.component, DEFAULT.repetition, DEFAULT.escape, DEFAULT.subcomponent
    };
    for (int i = 0; i < Math.min(4, msh2.length()); i++) {
      chars[i] = msh2.charAt(i);
    }
    EncodingCharacters declared = new EncodingCharacters(fieldSeparator, chars[0], chars[1], chars[2], chars[3]);
    // Nearly every message declares the defaults; sharing the constant lets readers compare by identity.
    return declared.equals(DEFAULT) ? DEFAULT : declared;
  }

  /** MSH-2 as it would be written: component, repetition, escape and subcomponent characters. */
  public String msh2() {
    return new String(new char[] {component, repetition, escape, subcomponent});
  }
}
