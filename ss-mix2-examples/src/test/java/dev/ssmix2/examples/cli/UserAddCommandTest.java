package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.examples.web.UserStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code useradd} reads the password from standard input when there is no console (as under surefire). */
class UserAddCommandTest {
  @TempDir Path work;
  private final InputStream stdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private static void typeOnStdin(String text) {
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void addsAUserThatCanLogIn() {
    Path users = work.resolve("users.txt");
    typeOnStdin("correct horse battery\nignored second line\n");

    CliRun run = CliRun.main("useradd", "--users", users.toString(), "nurse01");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("added user nurse01");
    UserStore store = UserStore.load(users);
    assertThat(store.authenticate("nurse01", "correct horse battery".toCharArray())).hasValue("nurse01");
    assertThat(store.authenticate("nurse01", "ignored second line".toCharArray())).isEmpty();
  }

  @Test
  void aShortPasswordIsRefused() {
    Path users = work.resolve("users.txt");
    typeOnStdin("short\n");

    CliRun run = CliRun.main("useradd", "--users", users.toString(), "nurse01");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("at least 8 characters");
    assertThat(users).doesNotExist();
  }

  @Test
  void noPasswordAtAllIsAReadableError() {
    typeOnStdin("");

    CliRun run = CliRun.main("useradd", "--users", work.resolve("users.txt").toString(), "nurse01");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("no password").doesNotContain("\tat ");
  }

  @Test
  void aBadUserNameIsARefusalNotACrash() {
    typeOnStdin("correct horse battery\n");

    CliRun run = CliRun.main("useradd", "--users", work.resolve("users.txt").toString(), "bad name:x");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 useradd: ").doesNotContain("\tat ");
  }
}
