package dev.ssmix2.examples.cli;

import java.util.List;

/** The subcommands of {@code ssmix2}, in the order help lists them. */
final class Commands {
  private Commands() {}

  static List<Object> all() {
    return List.of(new InspectCommand(), new ValidateCommand(), new GenerateCommand(), new IndexCommand(),
        new SearchCommand(), new PatientCommand(), new ServeCommand(), new UserAddCommand(), new DemoCommand(),
        new ExportCommand(), new SolrCommand());
  }
}
