package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A facility is a 10-digit 医療機関コード and a display name; a bad one is refused saying what was expected. */
class FacilityTest {

  @Test
  void aRegisteredFacilityHasTenDigitsAndAName() {
    Facility f = Facility.of("0412345678", " 仙台医療センター ");
    assertThat(f.code()).isEqualTo("0412345678");
    assertThat(f.name()).isEqualTo("仙台医療センター");
    assertThat(f.isDefault()).isFalse();
    assertThat(f).hasToString("0412345678 仙台医療センター");
    assertThat(Facility.DEFAULT.isDefault()).isTrue();
    assertThat(Facility.DEFAULT.name()).isEmpty();
  }

  @Test
  void aCodeOtherThanTenHalfWidthDigitsIsRefused() {
    for (String bad : new String[] {"041234567", "04123456789", "04123456７8", "041234567a", "", "default"}) {
      assertThatThrownBy(() -> Facility.of(bad, "病院")).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("10-digit 医療機関コード").hasMessageContaining("0412345678");
    }
    assertThatThrownBy(() -> Facility.checkCode("12345")).hasMessageContaining("got '12345' (5 characters)");
    assertThatThrownBy(() -> Facility.of(null, "病院")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRegisteredFacilityNeedsAName() {
    assertThatThrownBy(() -> Facility.of("0412345678", "  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a display name");
    assertThatThrownBy(() -> Facility.of("0412345678", "仙台\n病院")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> new Facility("default", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default facility has no name");
  }
}
