package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.cli.Progress;
import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.gdal.Gdal;
import cn.lzxq.city.data.ortho.DomImportException;
import cn.lzxq.city.data.ortho.DomImporter;
import cn.lzxq.city.data.ortho.DomRaster;
import cn.lzxq.city.data.ortho.DomStore;
import cn.lzxq.city.data.terrain.DemImportException;
import cn.lzxq.city.data.terrain.DemImporter;
import cn.lzxq.city.data.terrain.DemRaster;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.HeightReference;
import cn.lzxq.city.data.terrain.SampleTerrain;
import cn.lzxq.city.data.tileset.TilesetImportException;
import cn.lzxq.city.data.tileset.TilesetRegistry;
import cn.lzxq.city.data.tileset.TilesetSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a generated sample into a migrated city database: in one transaction (nothing half-loaded),
 * table by table in foreign-key order, each streamed from the generator into {@code COPY ... FROM
 * STDIN} (text format, geometries as hex EWKB). The feature tables are truncated first (so
 * PostgreSQL can skip WAL) and their secondary indexes dropped and rebuilt after the copy, then
 * analysed. When the database's native CRS is not EPSG:4544 the rows go through a staging table and
 * ST_Transform.
 */
public final class SampleLoader {

  /** Thrown when the database already holds features and replacing them was not asked for. */
  public static final class NotEmptyException extends IllegalStateException {
    NotEmptyException(String message) {
      super(message);
    }
  }

  /**
   * What a load did.
   *
   * @param rows rows written per table, in load order
   * @param seconds wall time, seconds
   * @param manifest the sample's planted defects
   */
  public record Result(Map<String, Long> rows, double seconds, SampleManifest manifest) {
    /** Rows of all tables. */
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The name of the sample's registered tileset. */
  public static final String MESH_TILESET = "sample_mesh";

  /** The height anomaly the sample's tileset is placed with: the shipped default, metres. */
  public static final double MESH_ANOMALY_M = -30;

  private static final Logger LOG = LoggerFactory.getLogger(SampleLoader.class);

  /** Index builds without parallel workers (for a transaction's SET LOCAL). */
  private static final String NO_MAINTENANCE_WORKERS = "max_parallel_maintenance_workers = 0";

  private SampleLoader() {}

  /** True when the database has no pipe segments (current or historical). */
  public static boolean isEmpty(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM pipe_segment)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /**
   * Loads a sample.
   *
   * @param replace true to delete the features already there; otherwise a non-empty database is
   *     refused
   * @param progress true to draw progress bars on standard error
   */
  public static Result load(
      DataSource db, SampleGenerator sample, boolean replace, boolean progress)
      throws SQLException {
    long started = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        timed("truncate", () -> prepare(c, replace));
        int srid = nativeSrid(c);
        List<String> indexes = timed("drop indexes", () -> dropIndexes(c));
        for (SampleTable table : SampleTable.values()) {
          rows.put(
              table.table(),
              timed("copy " + table.table(), () -> copy(c, sample, table, srid, progress)));
        }
        timed("index build", () -> execute(c, indexes));
        execute(c, List.of("SELECT setval('feature_fid_seq', " + maxFid() + ")"));
        timed(
            "analyze",
            () ->
                execute(
                    c,
                    Arrays.stream(SampleTable.values()).map(t -> "ANALYZE " + t.table()).toList()));
        rows.put("dem_tile", timed("terrain (DEM)", () -> terrain(c, sample.scale())));
        rows.put("dom_tile", timed("orthophoto (DOM)", () -> orthophoto(c, sample, srid)));
        rows.put("external_tileset_file", timed("photogrammetry", () -> photogrammetry(c, srid)));
        timed("commit", c::commit);
      } catch (SQLException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e;
      }
    }
    return new Result(rows, (System.nanoTime() - started) / 1e9, sample.manifest());
  }

  /**
   * Loads the sample's DEM of {@code scale} into a database that has features but no DEM (one
   * loaded before the sample had terrain); returns whether it did.
   */
  public static boolean loadTerrainIfMissing(DataSource db, SampleScale scale) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      if (DemStore.current(c) != null) {
        return false;
      }
      terrain(c, scale);
      c.commit();
      return true;
    }
  }

  /**
   * Imports the sample's synthetic stand-in orthophoto ({@link SampleOrthophoto}) through the
   * orthophoto importer as the current version; returns the number of stored blocks.
   */
  private static long orthophoto(Connection c, SampleGenerator sample, int srid)
      throws SQLException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("city-sample-dom");
      Path vrt = SampleOrthophoto.writeVrt(sample, dir);
      long id;
      try (DomRaster raster = new DomImporter().read(vrt, 1, srid, ServiceArea.LANZHOU_NEW_AREA)) {
        id =
            DomStore.write(
                c,
                raster,
                srid,
                "sample " + sample.scale().id(),
                SampleOrthophoto.NOTE,
                SampleTable.CHANGED_BY);
      }
      try (PreparedStatement p =
          c.prepareStatement("SELECT count(*) FROM dom_tile WHERE dom_id = ?")) {
        p.setLong(1, id);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (IOException | DomImportException e) {
      throw new IllegalStateException("sample orthophoto: " + e.getMessage(), e);
    } finally {
      Gdal.deleteTree(dir);
    }
  }

  /**
   * Registers the sample's synthetic stand-in photogrammetry ({@link SampleMeshTileset}) as the
   * tileset {@value #MESH_TILESET}, placed at its origin with the shipped height anomaly ζ =
   * {@value #MESH_ANOMALY_M} m; returns the number of stored files.
   */
  private static long photogrammetry(Connection c, int srid) throws SQLException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("city-sample-mesh");
      SampleMeshTileset.write(c, dir);
      double[] origin;
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), 4490) g")) {
        p.setDouble(1, SampleMeshTileset.ORIGIN_X);
        p.setDouble(2, SampleMeshTileset.ORIGIN_Y);
        p.setInt(3, NewAreaFrame.SRID);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          origin =
              new double[] {
                rs.getDouble(1), rs.getDouble(2), SampleMeshTileset.originHeight() + MESH_ANOMALY_M
              };
        }
      }
      return new TilesetRegistry(java.util.Set.of())
          .register(
              c,
              MESH_TILESET,
              TilesetSource.of(dir.toString()),
              origin,
              0,
              SampleMeshTileset.NOTE,
              SampleTable.CHANGED_BY,
              srid)
          .files();
    } catch (IOException | TilesetImportException e) {
      throw new IllegalStateException("sample photogrammetry: " + e.getMessage(), e);
    } finally {
      Gdal.deleteTree(dir);
    }
  }

  /**
   * Imports the sample's synthetic DEM ({@link SampleTerrain}) through the DEM importer as the
   * current DEM version; returns the number of stored blocks.
   */
  private static long terrain(Connection c, SampleScale scale) throws SQLException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("city-sample-dem");
      DemRaster raster =
          new DemImporter()
              .read(
                  SampleTerrain.writeVrt(scale, dir),
                  1,
                  HeightReference.NORMAL_1985,
                  0,
                  ServiceArea.LANZHOU_NEW_AREA);
      DemStore.write(
          c, raster, "sample " + scale.id() + " (synthetic loess terrain)", "sample-generator");
      return (long) Math.ceil(raster.grid().width() / (double) DemStore.TILE_SIZE)
          * (long) Math.ceil(raster.grid().height() / (double) DemStore.TILE_SIZE);
    } catch (IOException | DemImportException e) {
      throw new IllegalStateException("sample DEM: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
          Files.deleteIfExists(dir);
        } catch (IOException ignored) {
          // a temporary folder left behind is harmless
        }
      }
    }
  }

  /** One phase of a load. */
  private interface Phase<T> {
    T run() throws SQLException;
  }

  /** One phase of a load that returns nothing. */
  private interface Step {
    void run() throws SQLException;
  }

  /** Runs a phase and logs its wall time at INFO (where a load's time goes). */
  private static <T> T timed(String phase, Phase<T> work) throws SQLException {
    long start = System.nanoTime();
    T result = work.run();
    LOG.info(
        "sample load: {} in {} s", phase, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return result;
  }

  private static void timed(String phase, Step work) throws SQLException {
    timed(
        phase,
        () -> {
          work.run();
          return null;
        });
  }

  private static void execute(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static void prepare(Connection c, boolean replace) throws SQLException {
    String tables =
        SampleTable.features().stream().map(SampleTable::table).collect(Collectors.joining(", "));
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL synchronous_commit = off");
      // TRUNCATE builds every index anew, empty: no work for parallel workers, yet the feature
      // tables that name parallel_workers (V280) got two per B-tree (see dropIndexes), 5–6 s for a
      // fresh database at load 13 against 0.07–0.3 s without. The index build sets it back.
      s.execute("SET LOCAL " + NO_MAINTENANCE_WORKERS);
      try (ResultSet rs =
          s.executeQuery(
              SampleTable.features().stream()
                  .map(
                      t ->
                          "SELECT '"
                              + t.table()
                              + "' WHERE EXISTS (SELECT 1 FROM "
                              + t.table()
                              + ")")
                  .collect(Collectors.joining(" UNION ALL ")))) {
        if (rs.next() && !replace) {
          throw new NotEmptyException(
              "the database already holds features ("
                  + rs.getString(1)
                  + " is not empty); load the sample only into an empty database, or ask to replace its features");
        }
      }
      s.execute("TRUNCATE " + tables);
    }
  }

  private static int nativeSrid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT srid FROM geometry_columns"
                    + " WHERE f_table_schema = current_schema() AND f_table_name = 'pipe_segment' AND f_geometry_column = 'geom'")) {
      if (!rs.next()) {
        throw new IllegalStateException(
            "no pipe_segment table in schema: migrate the database first");
      }
      return rs.getInt(1);
    }
  }

  /**
   * Drops the feature tables' indexes that no constraint needs, returning the statements that
   * recreate them. The clearance check's feature tables name {@code parallel_workers = 2} for its
   * scans (V280), and PostgreSQL takes that number for every B-tree build on them however small the
   * table (without it, a table under 8 MB gets none): their indexes come first and are built
   * without workers (the two per index cost 1–2 s for the few thousand rows at load 20); the pipe
   * tables' builds keep the workers PostgreSQL sizes for them.
   */
  private static List<String> dropIndexes(Connection c) throws SQLException {
    List<String> create = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String tables =
        SampleTable.features().stream()
            .map(t -> "'" + t.table() + "'")
            .collect(Collectors.joining(", "));
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
               EXISTS (SELECT 1 FROM unnest(t.reloptions) o WHERE o LIKE 'parallel_workers=%%') AS named
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN (%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY 3 DESC, 1"""
                    .formatted(tables))) {
      create.add("SET LOCAL " + NO_MAINTENANCE_WORKERS);
      boolean named = true;
      while (rs.next()) {
        if (named && !rs.getBoolean(3)) {
          create.add("SET LOCAL max_parallel_maintenance_workers TO DEFAULT");
          named = false;
        }
        names.add(rs.getString(1));
        create.add(rs.getString(2));
      }
      if (named) {
        create.add("SET LOCAL max_parallel_maintenance_workers TO DEFAULT");
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("DROP INDEX " + name);
      }
    }
    return create;
  }

  private static long copy(
      Connection c, SampleGenerator sample, SampleTable table, int srid, boolean progress)
      throws SQLException {
    boolean staged =
        table == SampleTable.ORGANIZATION || (table.feature() && srid != NewAreaFrame.SRID);
    String target = staged ? "sample_stage" : table.table();
    try (Statement s = c.createStatement()) {
      if (staged) {
        s.execute("DROP TABLE IF EXISTS sample_stage");
        s.execute(
            "CREATE TEMP TABLE sample_stage ON COMMIT DROP AS SELECT "
                + table.columns()
                + " FROM "
                + table.table()
                + " WITH NO DATA");
        for (String column : geometryColumns(c, table)) {
          s.execute("ALTER TABLE sample_stage ALTER COLUMN " + column + " TYPE geometry");
        }
      }
    }
    long rows;
    boolean network = table == SampleTable.PIPE_POINT || table == SampleTable.PIPE_SEGMENT;
    try (Progress bar =
            progress
                ? new Progress("loading " + table.table(), network ? sample.edgeCount() : 0)
                : null;
        Writer out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new PGCopyOutputStream(
                        c.unwrap(PGConnection.class),
                        "COPY " + target + " (" + table.columns() + ") FROM STDIN",
                        1 << 16),
                    StandardCharsets.UTF_8),
                1 << 16)) {
      rows =
          table.write(
              sample,
              out,
              () -> {
                if (bar != null) {
                  bar.advance(1);
                }
              });
      if (bar != null && !network) {
        bar.advance(rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (staged) {
      try (Statement s = c.createStatement()) {
        s.execute(
            table == SampleTable.ORGANIZATION
                ? "INSERT INTO organization ("
                    + table.columns()
                    + ") SELECT * FROM sample_stage ON CONFLICT (code) DO NOTHING"
                : "INSERT INTO "
                    + table.table()
                    + " ("
                    + table.columns()
                    + ") SELECT "
                    + transformed(c, table, srid)
                    + " FROM sample_stage");
        s.execute("DROP TABLE sample_stage");
      }
    }
    return rows;
  }

  private static String transformed(Connection c, SampleTable table, int srid) throws SQLException {
    List<String> geometry = geometryColumns(c, table);
    List<String> out = new ArrayList<>();
    for (String column : table.columns().split(",\\s*")) {
      out.add(geometry.contains(column) ? "ST_Transform(" + column + ", " + srid + ")" : column);
    }
    return String.join(", ", out);
  }

  /**
   * The geometry columns of the table that the sample writes (a table may have more, e.g. LOD2).
   */
  private static List<String> geometryColumns(Connection c, SampleTable table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT f_geometry_column FROM geometry_columns"
                    + " WHERE f_table_schema = current_schema() AND f_table_name = '"
                    + table.table()
                    + "' ORDER BY 1")) {
      List<String> written = List.of(table.columns().split(",\\s*"));
      while (rs.next()) {
        if (written.contains(rs.getString(1))) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static String maxFid() {
    return SampleTable.features().stream()
        .map(t -> "(SELECT coalesce(max(fid), 1) FROM " + t.table() + ")")
        .collect(Collectors.joining(", ", "greatest(", ")"));
  }
}
