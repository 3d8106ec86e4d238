package dev.ssmix2.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code ssmix2 export …}: data out of a storage in other shapes; {@code tables} writes research tables. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export data from an SS-MIX2 storage.",
    subcommands = {ExportTablesCommand.class, FhirExportCommand.class})
public final class ExportCommand implements Runnable {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
