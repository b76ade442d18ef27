package cn.lzxq.city.server.tiles3d.export;

import cn.lzxq.city.data.io.AsOf;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.tiles3d.HeightMode;
import cn.lzxq.city.server.tiles3d.TilesetCatalog;
import cn.lzxq.city.server.tiles3d.View;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar city-server.jar tiles-export --tileset city --out DIR [--as-of T] [--heights
 * ground|absolute] [--threads N]}: writes a static tileset for CDN hosting. Runs the server's beans
 * in a Spring context of its own (database from DATABASE_URL or --database-url); the web layer
 * starts on a free loopback port only because the security configuration needs a servlet context,
 * and nothing is served.
 */
@Command(
    name = TilesExportCommand.NAME,
    mixinStandardHelpOptions = true,
    description =
        "Write a complete static 3D Tiles tileset (tileset.json, subtrees, glb) to a folder")
public final class TilesExportCommand implements Callable<Integer> {

  /** The command name the launcher routes on. */
  public static final String NAME = "tiles-export";

  @Option(
      names = "--tileset",
      defaultValue = "city",
      description = "tileset name (default: ${DEFAULT-VALUE})")
  String tileset;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--as-of", description = "the city at this date or date-time (default: now)")
  String asOf;

  @Option(
      names = "--heights",
      defaultValue = "ground",
      description = "ground or absolute (default: ${DEFAULT-VALUE})")
  String heights;

  @Option(names = "--threads", description = "parallel workers (default: available processors)")
  Integer threads;

  @Option(names = "--database-url", description = "PostgreSQL URL (default: $DATABASE_URL)")
  String databaseUrl;

  @Option(names = "--schema", description = "schema of the city model (default: public)")
  String schema;

  /** Runs the command line (without the command name) and returns the exit code. */
  public static int run(String... args) {
    return new CommandLine(new TilesExportCommand()).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    TilesetCatalog tilesets = new TilesetCatalog(LayerCatalog.standard());
    if (tilesets.contents(tileset).isEmpty()) {
      System.err.println("unknown tileset " + tileset + "; one of " + tilesets.names());
      return 2;
    }
    View view = new View(asOf == null ? null : AsOf.parse(asOf), HeightMode.parse(heights));
    Map<String, String> props = new LinkedHashMap<>();
    props.put("spring.main.banner-mode", "off");
    props.put("city.tile-store.disk", "");
    props.put("logging.level.root", "WARN");
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    if (databaseUrl != null) {
      props.put("city.database.url", databaseUrl);
    }
    if (schema != null) {
      props.put("city.database.schema", schema);
    }
    try (ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(cn.lzxq.city.server.CityServerApplication.class)
            .web(WebApplicationType.SERVLET)
            .run(
                props.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new))) {
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      ExportResult r = ctx.getBean(TilesExporter.class).export(tileset, view, out, n);
      System.out.println(
          String.format(
              Locale.ROOT,
              "%s: %,d contents, %,d subtrees, %,d features, %.1f MB (median glb %.1f KB) in %.1f s = %,.0f features/s",
              out,
              r.contents(),
              r.subtrees(),
              r.features(),
              r.bytes() / 1e6,
              r.medianGlb() / 1e3,
              r.seconds(),
              r.featuresPerSecond()));
      return 0;
    }
  }
}
