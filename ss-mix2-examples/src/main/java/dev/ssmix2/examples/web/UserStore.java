package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The viewer's users: a UTF-8 text file, one user a line, {@code #} comments and blank lines ignored:
 * <pre>
 * # user:scheme:iterations:salt(base64):hash(base64)
 * nurse01:pbkdf2-sha256:210000:3q2+7w...==:q83vEjRW...=
 * </pre>
 *
 * <p>Passwords are hashed with PBKDF2WithHmacSHA256, a random 16-byte salt and a 32-byte key; iterations are stored per
 * line. {@link #add} only appends: it refuses an existing user name, so a password is changed by deleting that user's
 * line and adding the user again (the file is short and meant to be edited by an administrator).
 *
 * <pre>{@code
 * UserStore.add(Path.of("viewer-users.txt"), "nurse01", System.console().readPassword("password: "));
 * UserStore users = UserStore.load(Path.of("viewer-users.txt"));
 * }</pre>
 */
public final class UserStore {
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  /** Checked against for unknown users, so "no such user" costs as long as "wrong password". */
  private static final PasswordHash DECOY = PasswordHash.create(new char[] {'x'}, PasswordHash.DEFAULT_ITERATIONS);

  /** How often the file is checked for changes, at most. */
  static final long CHECK_EVERY_NANOS = 1_000_000_000L;

  private final Path file;
  private volatile Map<String, PasswordHash> users;
  private volatile String stamp;
  private volatile long checkedAt;

  private UserStore(Path file, Map<String, PasswordHash> users, String stamp) {
    this.file = file;
    this.users = Map.copyOf(users);
    this.stamp = stamp;
    this.checkedAt = System.nanoTime();
  }

  /**
   * Reads a user file. Later changes to it take effect without a restart: the file is checked again (size and time)
   * at most once a second when a user logs in or a session is used; a removed user can no longer log in and their
   * sessions end. A file that became malformed is reported on stderr and the users read before stay in effect.
   *
   * @throws UserStoreException when the file cannot be read, a line is malformed (naming the line) or a user is listed twice
   */
  public static UserStore load(Path file) {
    String stamp = stamp(file);
    return new UserStore(file, read(file), stamp);
  }

  /** Re-reads the file when it changed since it was last read (checked at most once a second). */
  void refresh() {
    long now = System.nanoTime();
    if (now - checkedAt < CHECK_EVERY_NANOS) {
      return;
    }
    synchronized (this) {
      if (now - checkedAt < CHECK_EVERY_NANOS) {
        return;
      }
      checkedAt = now;
      String current = stamp(file);
      if (current.equals(stamp)) {
        return;
      }
      try {
        users = Map.copyOf(read(file));
        stamp = current;
      } catch (UserStoreException e) {
        System.err.println("viewer: the user file changed but cannot be used, keeping the users read before: "
            + e.getMessage());
        stamp = current;
      }
    }
  }

  /** Whether {@code user} is (still) in the file. */
  boolean contains(String user) {
    refresh();
    return users.containsKey(user);
  }

  private static String stamp(Path file) {
    try {
      var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
    } catch (IOException e) {
      return "unreadable";
    }
  }

  /**
   * Adds a user to a user file with the default 210,000 iterations, creating the file (owner-only permissions where the
   * file system supports them) when missing. Clears {@code password} afterwards.
   *
   * @throws IllegalArgumentException when the name is not 1–64 of {@code A-Z a-z 0-9 . _ @ -} or the password is empty
   * @throws UserStoreException when the user already exists or the file cannot be read or written
   */
  public static void add(Path file, String user, char[] password) {
    add(file, user, password, PasswordHash.DEFAULT_ITERATIONS);
  }

  static void add(Path file, String user, char[] password, int iterations) {
    checkArgument(USER_NAME.matcher(user).matches(),
        "user name must be 1-64 of A-Z a-z 0-9 . _ @ -, got '%s'", user);
    checkArgument(password.length > 0, "password must not be empty");
    try {
      if (Files.exists(file) && read(file).containsKey(user)) {
        throw new UserStoreException(file, "user '" + user + "' already exists; delete its line to change the password",
            null);
      }
      String line = user + ":" + PasswordHash.create(password, iterations).format() + "\n";
      createOwnerOnly(file);
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UserStoreException(file, "cannot write: " + e, e);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  /**
   * The user name when {@code password} is right, empty otherwise (unknown user or wrong password look the same and take
   * the same time). Clears {@code password} afterwards.
   */
  public Optional<String> authenticate(String user, char[] password) {
    try {
      refresh();
      PasswordHash hash = users.get(user);
      boolean ok = (hash == null ? DECOY : hash).matches(password);
      return ok && hash != null ? Optional.of(user) : Optional.empty();
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  /** The number of users. */
  public int size() {
    return users.size();
  }

  private static Map<String, PasswordHash> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserStoreException(file, "cannot read: " + e, e);
    }
    Map<String, PasswordHash> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = "line " + (i + 1) + ": ";
      if (colon <= 0) {
        throw new UserStoreException(file, where + "expected user:pbkdf2-sha256:<iterations>:<salt>:<hash>", null);
      }
      String user = line.substring(0, colon);
      if (!USER_NAME.matcher(user).matches()) {
        throw new UserStoreException(file, where + "user name must be 1-64 of A-Z a-z 0-9 . _ @ -", null);
      }
      PasswordHash hash;
      try {
        hash = PasswordHash.parse(line.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new UserStoreException(file, where + e.getMessage(), e);
      }
      if (users.putIfAbsent(user, hash) != null) {
        throw new UserStoreException(file, where + "user '" + user + "' is listed twice", null);
      }
    }
    return users;
  }

  private static void createOwnerOnly(Path file) throws IOException {
    OwnerOnly.createFile(file);
  }

  @Override
  public String toString() {
    return "UserStore[" + users.size() + " users]";
  }
}
