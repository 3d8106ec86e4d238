package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.Coded;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Numbers as written: only a plain decimal ({@code 12}, {@code -0.5}, {@code .5} is not one) becomes a number;
 * anything else ({@code <5}, {@code 1,000}, {@code 5-10}, {@code 陰性}, full-width digits) stays text.
 */
final class Numbers {
  private Numbers() {}

  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  static Optional<BigDecimal> decimal(String text) {
    String t = text.strip();
    return DECIMAL.matcher(t).matches() ? Optional.of(new BigDecimal(t)) : Optional.empty();
  }

  /** A quantity of a plain decimal and its unit text (with a unit code only when its system is known). */
  static Optional<Quantity> quantity(String amount, Coded unit) {
    return decimal(amount).map(v -> {
      Quantity q = new Quantity().setValue(v);
      String text = unit.display();
      if (!text.isBlank()) {
        q.setUnit(text);
      }
      JpCore.system(unit.system()).filter(s -> !unit.code().isBlank()).ifPresent(s -> {
        q.setSystem(s);
        q.setCode(unit.code().strip());
      });
      return q;
    });
  }
}
