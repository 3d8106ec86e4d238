package dev.ssmix2.examples.cli;

import dev.ssmix2.examples.web.UserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 useradd --users FILE NAME}: adds a viewer user with a salted PBKDF2 hash. The password is read
 * without echo from the terminal, or from the first line of standard input when piped (for provisioning scripts).
 */
@Command(name = "useradd", mixinStandardHelpOptions = true,
    description = "Add a user who may log in to the viewer (serve --users FILE). Asks for the password.")
final class UserAddCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--users", required = true, paramLabel = "FILE",
      description = "User file (created if missing, owner-only permissions).")
  Path users;

  @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, . _ @ -")
  String name;

  @Override
  public Integer call() throws IOException {
    char[] password = readPassword();
    try {
      if (password.length < 8) {
        spec.commandLine().getErr().println("ssmix2 useradd: the password must have at least 8 characters");
        return Main.EXIT_USAGE;
      }
      UserStore.add(users, name, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    spec.commandLine().getOut().println("added user " + name + " to " + users);
    return 0;
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("password: ");
      char[] second = console.readPassword("password again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password given on standard input");
    }
    return line.toCharArray();
  }
}
