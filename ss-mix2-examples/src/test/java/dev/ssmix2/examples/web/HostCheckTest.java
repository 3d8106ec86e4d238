package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:1", "127.0.0.1", "127.0.0.1:8080", "127.1.2.3:80",
      "[::1]", "[::1]:8080"})
  void acceptsLoopbackNames(String host) {
    assertThat(HostCheck.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.evil.example",
      "10.0.0.1:8080", "0.0.0.0", "localhost:8080@evil"})
  void refusesOtherNames(String host) {
    assertThat(HostCheck.isLoopback(host)).isFalse();
    assertThat(HostCheck.isLoopback(null)).isFalse();
  }
}
