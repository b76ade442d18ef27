package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.sample.SampleFiles;
import cn.lzxq.city.data.sample.SampleGenerator;
import cn.lzxq.city.data.sample.SampleLoader;
import cn.lzxq.city.data.sample.SampleScale;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Lanzhou New Area sample data: {@code sample load} into the database, {@code sample write} to
 * files.
 */
@Command(
    name = "sample",
    description = "generate the deterministic Lanzhou New Area sample data",
    subcommands = {SampleCommand.Load.class, SampleCommand.Write.class})
final class SampleCommand {

  /** Options both subcommands take. */
  static final class Choice {
    @Option(
        names = "--scale",
        defaultValue = "small",
        description = "small, city or large (default: ${DEFAULT-VALUE})")
    SampleScale scale;

    @Option(
        names = "--seed",
        description = "random seed (default: " + SampleGenerator.DEFAULT_SEED + ")")
    long seed = SampleGenerator.DEFAULT_SEED;

    SampleGenerator generator() {
      return new SampleGenerator(scale, seed);
    }
  }

  @Command(
      name = "load",
      description =
          "migrate, then generate the sample straight into the database (one transaction)")
  static final class Load implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Mixin Choice choice;

    @Option(names = "--if-empty", description = "do nothing when pipe_segment already has rows")
    boolean ifEmpty;

    @Option(names = "--replace", description = "delete the features already in the database first")
    boolean replace;

    @Override
    public Integer call() throws SQLException {
      try (HikariDataSource ds = db.open()) {
        CityDatabase.migrate(ds, db.config().schema(), db.srid());
        if (ifEmpty && !SampleLoader.isEmpty(ds)) {
          if (SampleLoader.loadTerrainIfMissing(ds, choice.scale)) {
            System.err.println(
                "sample: pipe_segment already has rows; the missing DEM of the sample was loaded");
          } else {
            System.err.println("sample: pipe_segment already has rows, nothing loaded");
          }
          return 0;
        }
        SampleLoader.Result result = SampleLoader.load(ds, choice.generator(), replace, true);
        report(result.rows());
        System.err.printf(
            Locale.ROOT,
            "sample %s (seed %d): %,d rows in %.1f s, %d planted defects%n",
            choice.scale.id(),
            choice.seed,
            result.totalRows(),
            result.seconds(),
            result.manifest().defects().size());
        return 0;
      } catch (SampleLoader.NotEmptyException e) {
        System.err.println("sample: " + e.getMessage() + " (--replace)");
        return 1;
      }
    }
  }

  @Command(
      name = "write",
      description = "write the sample as COPY files with manifest.json and SHA256SUMS")
  static final class Write implements Callable<Integer> {
    @Mixin Choice choice;

    @Option(names = "--out", required = true, description = "directory to write into")
    Path out;

    @Override
    public Integer call() {
      long started = System.nanoTime();
      Map<String, Long> rows = SampleFiles.write(choice.generator(), out);
      report(rows);
      System.err.printf(
          Locale.ROOT,
          "sample %s (seed %d) written to %s in %.1f s%n",
          choice.scale.id(),
          choice.seed,
          out,
          (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }

  private static void report(Map<String, Long> rows) {
    rows.forEach((table, n) -> System.err.printf(Locale.ROOT, "  %-22s %,12d rows%n", table, n));
  }
}
