package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.terrain.HeightReference;
import cn.lzxq.city.data.tileset.TilesetImportException;
import cn.lzxq.city.data.tileset.TilesetRegistry;
import cn.lzxq.city.data.tileset.TilesetSource;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of registering a tileset ({@code city import tileset}, {@code city import osgb}):
 * name, placement (origin or height datum), note and user, and the registration itself: exit 0, or
 * 1 with every problem found and nothing written.
 */
final class TilesetOptions {

  @Mixin DatabaseOptions db;

  @Option(names = "--name", required = true, description = "the tileset name (a-z, 0-9, _, -)")
  String name;

  @Option(
      names = "--origin",
      split = ",",
      arity = "1",
      paramLabel = "E,N,H",
      description =
          "origin of a tileset in a local frame: easting, northing (native CRS) and 1985 height, m")
  double[] origin;

  @Option(
      names = "--heights",
      defaultValue = "ellipsoidal",
      description =
          "what a georeferenced tileset's heights are: ellipsoidal (default) or normal_1985"
              + " (moved by the height anomaly)")
  HeightReference heights;

  @Option(
      names = "--height-anomaly",
      defaultValue = "${env:CITY_TILES_HEIGHT_ANOMALY_M:--30}",
      description = "height anomaly zeta, m: h = H(1985) + zeta (default: ${DEFAULT-VALUE})")
  double anomalyM;

  @Option(
      names = "--height-offset",
      defaultValue = "0",
      description = "further metres to move the tileset up (negative: down)")
  double offsetM;

  @Option(names = "--note", description = "what the tileset is (producer, date, resolution)")
  String note;

  @Option(
      names = "--user",
      description = "who imports, recorded as changed_by (default: the OS user)")
  String user = System.getProperty("user.name");

  /** Registers {@code source} as the current version of the name; returns the exit code. */
  int register(TilesetSource source) throws Exception {
    if (origin != null && origin.length != 3) {
      System.err.println("--origin takes three numbers: easting, northing, 1985 height");
      return 2;
    }
    try (HikariDataSource ds = db.open();
        Connection c = ds.getConnection()) {
      int srid = TableColumns.load(c, "pipe_point").nativeSrid();
      double[] placedOrigin = origin == null ? null : lonLatH(c, srid);
      double offset =
          offsetM + (origin == null && heights == HeightReference.NORMAL_1985 ? anomalyM : 0);
      c.setAutoCommit(false);
      try {
        TilesetRegistry.Registered r =
            new TilesetRegistry(reserved())
                .register(c, name, source, placedOrigin, offset, note, user, srid);
        c.commit();
        System.out.printf(
            Locale.ROOT,
            "tileset %s (version %d): %d files, %d bytes, centre %.6f E %.6f N h %.2f m,"
                + " at /3dtiles/%s/tileset.json%n",
            name,
            r.id(),
            r.files(),
            r.bytes(),
            r.centre()[0],
            r.centre()[1],
            r.centre()[2],
            name);
        return 0;
      } catch (TilesetImportException e) {
        c.rollback();
        e.problems().forEach(System.err::println);
        System.err.println(
            e.problems().size() + " problem(s); nothing written: fix the errors above 有错误，未写入");
        return 1;
      } catch (Exception e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  /** The origin as longitude, latitude (CGCS2000) and ellipsoidal height h = H + ζ. */
  private double[] lonLatH(Connection c, int srid) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 4490) g")) {
      p.setDouble(1, origin[0]);
      p.setDouble(2, origin[1]);
      p.setInt(3, srid);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2), origin[2] + anomalyM};
      }
    }
  }

  /** The names of the tilesets the server builds (one per 3D content, pipes, city). */
  private static Set<String> reserved() {
    Set<String> out = new HashSet<>(Set.of("pipes", "city"));
    for (Layer l : LayerCatalog.standard().all()) {
      l.tileContent().ifPresent(t -> out.add(t.tileset()));
    }
    return out;
  }
}
