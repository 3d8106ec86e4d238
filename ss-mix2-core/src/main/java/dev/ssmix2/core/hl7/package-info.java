/**
 * HL7 v2.5 as written into SS-MIX2 storages: tolerant byte decoding, a lazy tokenizer and a bridge to HAPI.
 *
 * <p>Reading a message file is two steps, because JIS X 0208 byte pairs routinely contain {@code | ^ ~ \ &}:
 * decode the whole file first, then split the text.
 *
 * <pre>{@code
 * DecodedText decoded = Hl7Decoder.decode(Files.readAllBytes(file));
 * Hl7Message message = Hl7Message.parse(decoded.text());
 * String kanjiFamilyName = message.get("PID-5(0)-1");
 * }</pre>
 */
@NullMarked
package dev.ssmix2.core.hl7;

import org.jspecify.annotations.NullMarked;
