package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
  private static final int FAST = PasswordHash.MIN_ITERATIONS;
  @TempDir Path dir;

  @Test
  void addedUsersCanLogIn() {
    Path file = dir.resolve("users.txt");
    UserStore.add(file, "nurse01", "pw1".toCharArray(), FAST);
    UserStore.add(file, "dr.sato", "pw2".toCharArray(), FAST);

    UserStore users = UserStore.load(file);

    assertThat(users.size()).isEqualTo(2);
    assertThat(users.authenticate("nurse01", "pw1".toCharArray())).hasValue("nurse01");
    assertThat(users.authenticate("dr.sato", "pw2".toCharArray())).hasValue("dr.sato");
    assertThat(users.authenticate("nurse01", "pw2".toCharArray())).isEmpty();
    assertThat(users.authenticate("nobody", "pw1".toCharArray())).isEmpty();
  }

  @Test
  void writesTheDocumentedLineFormatWithOwnerOnlyPermissions() throws Exception {
    Path file = dir.resolve("users.txt");
    UserStore.add(file, "nurse01", "pw".toCharArray(), 4321);

    assertThat(Files.readString(file)).matches("nurse01:pbkdf2-sha256:4321:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]{44}\n");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
  }

  @Test
  void clearsThePasswordItWasGiven() {
    char[] password = "pw".toCharArray();
    UserStore.add(dir.resolve("users.txt"), "nurse01", password, FAST);

    assertThat(password).containsOnly('\0');
  }

  @Test
  void refusesToAddAnExistingUser() {
    Path file = dir.resolve("users.txt");
    UserStore.add(file, "nurse01", "pw".toCharArray(), FAST);

    assertThatThrownBy(() -> UserStore.add(file, "nurse01", "other".toCharArray(), FAST))
        .isInstanceOf(UserStoreException.class)
        .hasMessageContaining("users.txt").hasMessageContaining("'nurse01' already exists");
    assertThat(UserStore.load(file).authenticate("nurse01", "pw".toCharArray())).hasValue("nurse01");
  }

  @Test
  void refusesBadNamesAndEmptyPasswords() {
    Path file = dir.resolve("users.txt");

    assertThatThrownBy(() -> UserStore.add(file, "a:b", "pw".toCharArray(), FAST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
    assertThatThrownBy(() -> UserStore.add(file, "看護師", "pw".toCharArray(), FAST))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserStore.add(file, "nurse", new char[0], FAST))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    assertThat(file).doesNotExist();
  }

  @Test
  void skipsCommentsAndBlankLinesAndNamesTheBadLine() throws Exception {
    Path file = dir.resolve("users.txt");
    Files.writeString(file, "# viewer users\n\nnurse01:pbkdf2-sha256:1000:c2FsdHNhbHQ=:"
        + "E196ZhRPzw+wA84EjzHwJO1cv/MFJdO6C/sxmUeTYqY=\nbroken-line\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> UserStore.load(file)).isInstanceOf(UserStoreException.class)
        .hasMessageContaining("users.txt: line 4:");
  }

  @Test
  void refusesAUserListedTwice() throws Exception {
    Path file = dir.resolve("users.txt");
    String line = "nurse01:pbkdf2-sha256:1000:c2FsdHNhbHQ=:E196ZhRPzw+wA84EjzHwJO1cv/MFJdO6C/sxmUeTYqY=\n";
    Files.writeString(file, line + line, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> UserStore.load(file)).hasMessageContaining("line 2").hasMessageContaining("twice");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path file = dir.resolve("missing.txt");

    assertThatThrownBy(() -> UserStore.load(file)).isInstanceOfSatisfying(UserStoreException.class,
        e -> assertThat(e.file()).isEqualTo(file));
  }
}
