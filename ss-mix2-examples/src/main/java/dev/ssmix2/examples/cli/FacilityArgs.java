package dev.ssmix2.examples.cli;

import dev.ssmix2.index.store.Facility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads {@code --facility CODE:NAME ROOT...}: the option's value, then every following argument up to the next option
 * as that facility's roots, so that {@code --facility A:x /a --facility B:y /b /c} gives each facility its own roots.
 * A bad code or a missing name is a usage error (exit 2) saying what was expected.
 */
final class FacilityArgs implements CommandLine.IParameterConsumer {

  /** One facility and the roots given after it (none: those of its last update). */
  record Group(Facility facility, List<Path> roots) {
    Group {
      roots = List.copyOf(roots);
    }
  }

  @Override
  public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
    if (args.isEmpty()) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(),
          "--facility needs CODE:NAME (the 10-digit 医療機関コード and the facility's name), then its roots");
    }
    Facility facility = parse(commandSpec.commandLine(), args.pop());
    List<Path> roots = new ArrayList<>();
    while (!args.isEmpty() && !args.peek().startsWith("-")) {
      roots.add(Path.of(args.pop()));
    }
    List<Group> groups = argSpec.getValue();
    groups.add(new Group(facility, roots));
  }

  /** {@code CODE:NAME} as a facility; a parameter error naming what was expected otherwise. */
  static Facility parse(CommandLine cl, String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new CommandLine.ParameterException(cl, "--facility must be CODE:NAME, the 10-digit 医療機関コード and the "
          + "facility's name (e.g. 0412345678:仙台医療センター), got '" + value + "'");
    }
    try {
      return Facility.of(value.substring(0, colon).strip(), value.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--facility " + value + ": " + e.getMessage());
    }
  }
}
