package dev.ssmix2.examples.cli;

import java.util.List;

/** The subcommands of {@code ssmix2}, in the order help lists them. */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of();
  }
}
