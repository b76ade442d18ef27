package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.tileset.TilesetImportException;
import cn.lzxq.city.data.tileset.TilesetRegistry;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code city import tileset --name NAME DIR}: an existing 3D Tiles tileset folder (oblique
 * photogrammetry from ContextCapture, DJI Terra …) becomes the current version of the registered
 * tileset NAME, served at {@code /3dtiles/NAME/tileset.json}; exit 1 and nothing written when the
 * folder cannot be used.
 */
@Command(
    name = "tileset",
    description = {
      "register a 3D Tiles tileset folder (tileset.json at its top) as /3dtiles/NAME/tileset.json",
      "--height-offset M moves it M metres along the ellipsoid normal (added to root.transform)."
    })
final class ImportTilesetCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Parameters(arity = "1", paramLabel = "DIR", description = "the tileset folder")
  Path dir;

  @Option(names = "--name", required = true, description = "the tileset name (a-z, 0-9, _, -)")
  String name;

  @Option(
      names = "--height-offset",
      defaultValue = "0",
      description = "metres to move the tileset up (negative: down) (default: ${DEFAULT-VALUE})")
  double heightOffsetM;

  @Option(names = "--note", description = "what the tileset is (producer, date, resolution)")
  String note;

  @Option(
      names = "--user",
      description = "who imports, recorded as changed_by (default: the OS user)")
  String user = System.getProperty("user.name");

  @Override
  public Integer call() throws Exception {
    Set<String> reserved = new HashSet<>(Set.of("city"));
    for (Layer l : LayerCatalog.standard().all()) {
      l.tileContent().ifPresent(t -> reserved.add(t.tileset()));
    }
    try (HikariDataSource ds = db.open();
        Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        TilesetRegistry.Registered r =
            new TilesetRegistry(reserved)
                .register(
                    c, name, dir, heightOffsetM, note, user,
                    TableColumns.load(c, "pipe_point").nativeSrid());
        c.commit();
        System.out.printf(
            "tileset %s (version %d): %d files, %d bytes at /3dtiles/%s/tileset.json%n",
            name, r.id(), r.files(), r.bytes(), name);
        return 0;
      } catch (TilesetImportException e) {
        c.rollback();
        System.err.println(e.getMessage());
        System.err.println("nothing written: fix the errors above 有错误，未写入");
        return 1;
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    }
  }
}
