package dev.ssmix2.core.hl7.hapi;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import dev.ssmix2.core.hl7.Hl7FormatException;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;

/**
 * Hands a message to HAPI 2.6: validation off and v2.5 structures whatever MSH-12 says. Messages without a HAPI
 * structure (PPR^ZD1, OMI^Z23) or which the typed structure cannot hold are parsed again as
 * {@code GenericMessage}, where every segment is a generic one.
 *
 * <p>HAPI is an optional dependency of ss-mix2-core: add {@code ca.uhn.hapi:hapi-base} and
 * {@code ca.uhn.hapi:hapi-structures-v25} (2.6.0) to use this class. Nothing else in core needs them.
 *
 * <pre>{@code
 * Message hapi = HapiBridge.toHapi(message);   // e.g. an ADT_A01 for an ADT^A08 of ADT-00
 * }</pre>
 */
public final class HapiBridge {
  private HapiBridge() {}

  /** Parsers are thread-safe once built; building one is expensive, so there is one of each per JVM. */
  private static final class Parsers {
    static final PipeParser TYPED = parser(new CanonicalModelClassFactory("2.5"));
    static final PipeParser GENERIC = parser(new GenericModelClassFactory());

    private static PipeParser parser(ca.uhn.hl7v2.parser.ModelClassFactory factory) {
      HapiContext context = new DefaultHapiContext(factory);
      context.setValidationContext(ValidationContextFactory.noValidation());
      return context.getPipeParser();
    }
  }

  /**
   * The message parsed by HAPI 2.6 with validation off and v2.5 structures; messages without a HAPI structure
   * (PPR^ZD1, OMI^Z23) come back as {@code GenericMessage}. Z segments are kept.
   *
   * @throws Hl7FormatException with HAPI's reason if HAPI cannot parse the message at all
   */
  public static Message toHapi(Hl7Message message) {
    com.google.common.base.Preconditions.checkNotNull(message, "message must not be null");
    String er7 = String.join("\r", message.segments().stream().map(Segment::raw).toList());
    try {
      return Parsers.TYPED.parse(er7);
    } catch (HL7Exception | RuntimeException typedFailure) {
      try {
        return Parsers.GENERIC.parse(er7);
      } catch (HL7Exception | RuntimeException genericFailure) {
        genericFailure.addSuppressed(typedFailure);
        String type = message.header().field(9).isEmpty() ? "message without MSH-9" : message.messageType().toString();
        throw new Hl7FormatException("HAPI cannot parse " + type + ": " + genericFailure.getMessage(), genericFailure);
      }
    }
  }
}
