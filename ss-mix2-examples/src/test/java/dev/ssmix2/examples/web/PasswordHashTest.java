package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  private static final int FAST = PasswordHash.MIN_ITERATIONS;

  @Test
  void matchesOnlyTheRightPassword() {
    PasswordHash hash = PasswordHash.create("秘密のpass".toCharArray(), FAST);

    assertThat(hash.matches("秘密のpass".toCharArray())).isTrue();
    assertThat(hash.matches("秘密のPass".toCharArray())).isFalse();
    assertThat(hash.matches(new char[0])).isFalse();
  }

  @Test
  void saltsEveryHash() {
    PasswordHash a = PasswordHash.create("same".toCharArray(), FAST);
    PasswordHash b = PasswordHash.create("same".toCharArray(), FAST);

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void survivesItsStoredForm() {
    PasswordHash hash = PasswordHash.create("pw".toCharArray(), 1234);

    PasswordHash parsed = PasswordHash.parse(hash.format());

    assertThat(hash.format()).startsWith("pbkdf2-sha256:1234:");
    assertThat(parsed).isEqualTo(hash);
    assertThat(parsed.matches("pw".toCharArray())).isTrue();
  }

  @Test
  void readsAHashWrittenByAnotherTool() {
    // PBKDF2-HMAC-SHA256("password", salt "saltsalt", 1000 iterations, 32 bytes), computed with Python's hashlib.
    PasswordHash hash = PasswordHash.parse(
        "pbkdf2-sha256:1000:c2FsdHNhbHQ=:E196ZhRPzw+wA84EjzHwJO1cv/MFJdO6C/sxmUeTYqY=");

    assertThat(hash.matches("password".toCharArray())).isTrue();
  }

  @Test
  void saysWhatIsWrongWithAStoredForm() {
    assertThatThrownBy(() -> PasswordHash.parse("md5:1:a:b")).hasMessageContaining("unknown hash scheme 'md5'");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:many:a:b")).hasMessageContaining("iterations");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:10:c2FsdHNhbHQ=:AAAA"))
        .hasMessageContaining("iterations must be");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:1000")).hasMessageContaining("fields");
    assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256:1000:!!:AAAA")).hasMessageContaining("salt or hash");
  }

  @Test
  void neverPrintsTheHash() {
    PasswordHash hash = PasswordHash.create("pw".toCharArray(), FAST);

    assertThat(hash.toString()).doesNotContain(hash.format().substring(hash.format().lastIndexOf(':') + 1));
  }
}
