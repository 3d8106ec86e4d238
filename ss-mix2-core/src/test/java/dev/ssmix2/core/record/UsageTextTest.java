package dev.ssmix2.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTextTest {
  @Test
  void readsDosesPerDayFromFullOrHalfWidthDigits() {
    assertThat(UsageText.dosesPerDay("内服・経口・１日３回朝昼夕食後")).isEqualTo("分3");
    assertThat(UsageText.dosesPerDay("1日2回朝夕")).isEqualTo("分2");
  }

  @Test
  void keepsOtherTextsWhole() {
    assertThat(UsageText.dosesPerDay("頓用 疼痛時")).isEqualTo("頓用 疼痛時");
    assertThat(UsageText.dosesPerDay("")).isEmpty();
  }
}
