package cn.lzxq.city.data.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The data command line: {@code scripts/city <command>} (migrate, sample data, import, export,
 * users, 2D tile seeding and truncation).
 *
 * <p>Every command reads the database from {@code DATABASE_URL}; messages are for people, the exit
 * code is 0 on success, 1 on a data error (with row-numbered messages), 2 on bad usage.
 */
@Command(
    name = "city",
    mixinStandardHelpOptions = true,
    description = "Lanzhou New Area 3D City Information Service: data commands",
    subcommands = {
      MigrateCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      SampleCommand.class,
      UserCommand.class,
      TilesCommand.class
    })
public final class CityCli {

  /** The standard options this CLI answers without a command: usage and version. */
  private static final Set<String> STANDARD_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /**
   * True when {@code name} is one of the data commands or a standard option ({@code --help}, {@code
   * --version}), so a launcher can route to this CLI instead of starting the server.
   */
  public static boolean isCommand(String name) {
    return STANDARD_OPTIONS.contains(name)
        || new CommandLine(new CityCli()).getSubcommands().containsKey(name);
  }

  /** Runs a command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new CityCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
