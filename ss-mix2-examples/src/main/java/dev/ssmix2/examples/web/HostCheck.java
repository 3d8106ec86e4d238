package dev.ssmix2.examples.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards a login-less localhost viewer against DNS rebinding: a web page from {@code evil.example} whose name is made to
 * resolve to 127.0.0.1 could otherwise read patient data with the clinician's own browser. Such requests carry the
 * attacker's host name in {@code Host}, so only loopback names are accepted.
 */
final class HostCheck {
  private static final Pattern LOOPBACK = Pattern.compile(
      "(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?");

  private HostCheck() {}

  static boolean isLoopback(String hostHeader) {
    return hostHeader != null && LOOPBACK.matcher(hostHeader.strip().toLowerCase(Locale.ROOT)).matches();
  }
}
