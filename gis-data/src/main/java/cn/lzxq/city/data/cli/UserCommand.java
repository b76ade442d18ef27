package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.user.AppUser;
import cn.lzxq.city.data.user.AppUsers;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The service's users: {@code user add|list|disable|password}. A password is never an argument (it
 * would show in the process list and shell history): it is read from standard input (a prompt
 * without echo on a terminal, else the first line) or from the environment variable named by {@code
 * --password-env}.
 */
@Command(
    name = "user",
    description = "add, list, disable users of the write endpoints or set their password",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Disable.class,
      UserCommand.Password.class
    })
final class UserCommand {

  /** Where the password comes from. */
  static final class PasswordSource {
    @Option(
        names = "--password-env",
        paramLabel = "VARIABLE",
        description = "read the password from this environment variable (default: standard input)")
    String variable;

    /** The password, or an exception naming what is missing. */
    String read() throws IOException {
      String password;
      if (variable != null) {
        password = System.getenv(variable);
      } else if (System.console() != null) {
        char[] typed = System.console().readPassword("password: ");
        password = typed == null ? null : new String(typed);
      } else {
        password =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException(
            variable != null
                ? "environment variable " + variable + " is unset or empty"
                : "no password on standard input");
      }
      return password;
    }
  }

  /** Runs {@code action} on the users of the database, reporting a refused row as a data error. */
  private static int withUsers(DatabaseOptions db, UsersAction action) throws IOException {
    try (HikariDataSource ds = db.open()) {
      return action.run(new AppUsers(ds));
    } catch (SQLException e) {
      System.err.println("user: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      System.err.println("user: " + e.getMessage());
      return 2;
    }
  }

  @FunctionalInterface
  private interface UsersAction {
    int run(AppUsers users) throws SQLException, IOException;
  }

  @Command(name = "add", description = "add a user; an editor needs --organization (its 权属单位 code)")
  static final class Add implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Mixin PasswordSource password;

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "login name (letters, digits, _ . @ -)")
    String name;

    @Option(names = "--role", required = true, description = "admin, editor or viewer")
    Editor.Role role;

    @Option(
        names = "--organization",
        description = "organisation code an editor edits for (e.g. SW)")
    String organization;

    @Override
    public Integer call() throws IOException {
      return withUsers(
          db,
          users -> {
            users.add(name, role, organization, password.read());
            System.err.println(
                "user " + name + " added (" + role.name().toLowerCase(Locale.ROOT) + ")");
            return 0;
          });
    }
  }

  @Command(name = "list", description = "list the users: name, role, organisation, enabled")
  static final class ListUsers implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Override
    public Integer call() throws IOException {
      return withUsers(
          db,
          users -> {
            for (AppUser u : users.list()) {
              System.out.println(
                  String.join(
                      "\t",
                      u.username(),
                      u.role().name().toLowerCase(Locale.ROOT),
                      u.organization() == null ? "-" : u.organization(),
                      u.enabled() ? "enabled" : "disabled"));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "disable",
      description = "disable a user: its logins are refused from the next request")
  static final class Disable implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws IOException {
      return withUsers(db, users -> found(users.disable(name), name, "disabled"));
    }
  }

  @Command(name = "password", description = "set a user's password")
  static final class Password implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Mixin PasswordSource password;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws IOException {
      return withUsers(
          db, users -> found(users.setPassword(name, password.read()), name, "password set"));
    }
  }

  private static int found(boolean changed, String name, String what) {
    System.err.println(changed ? "user " + name + ": " + what : "user: no user " + name);
    return changed ? 0 : 1;
  }
}
