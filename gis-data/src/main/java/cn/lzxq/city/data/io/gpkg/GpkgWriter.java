package cn.lzxq.city.data.io.gpkg;

import cn.lzxq.city.data.io.ExportColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GeoPackage 1.3 file with sqlite-jdbc: the application id and version, the required
 * metadata tables (gpkg_spatial_ref_sys with the undefined systems and WGS 84, gpkg_contents with
 * layer bounds, gpkg_geometry_columns) and one feature table per layer, with typed attribute
 * columns and GeoPackage binary geometries with envelopes. One transaction for the file.
 */
public final class GpkgWriter implements AutoCloseable {

  /** "GPKG" as the SQLite application_id. */
  public static final int APPLICATION_ID = 0x47504B47;

  /** GeoPackage 1.3.0. */
  public static final int USER_VERSION = 10300;

  private static final int BATCH = 1000;
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  private final Connection db;

  private GpkgWriter(Connection db) {
    this.db = db;
  }

  /**
   * Creates the file (replacing an existing one) with the metadata tables.
   *
   * @param wgs84Wkt the OGC WKT of EPSG:4326, which every GeoPackage lists
   */
  public static GpkgWriter create(Path file, String wgs84Wkt) throws IOException, SQLException {
    Files.deleteIfExists(file);
    Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA application_id = " + APPLICATION_ID);
      s.execute("PRAGMA user_version = " + USER_VERSION);
      db.setAutoCommit(false);
      for (String ddl : GpkgSchema.METADATA) {
        s.execute(ddl);
      }
    }
    GpkgWriter w = new GpkgWriter(db);
    w.addSrs(
        -1,
        "Undefined cartesian SRS",
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system");
    w.addSrs(
        0,
        "Undefined geographic SRS",
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system");
    w.addSrs(
        4326,
        "WGS 84 geodetic",
        "EPSG",
        4326,
        wgs84Wkt,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
    return w;
  }

  /** Lists an EPSG coordinate system (its srs_id is the EPSG code); 4326 is always there. */
  public void addEpsg(int epsg, String name, String wkt) throws SQLException {
    if (epsg != 4326) {
      addSrs(epsg, name, "EPSG", epsg, wkt, null);
    }
  }

  private void addSrs(int id, String name, String org, int orgId, String wkt, String description)
      throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO gpkg_spatial_ref_sys "
                + "(srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setInt(2, id);
      ps.setString(3, org);
      ps.setInt(4, orgId);
      ps.setString(5, wkt);
      ps.setString(6, description);
      ps.executeUpdate();
    }
  }

  /**
   * Creates a feature table and returns its writer.
   *
   * @param name the table name (a layer name from the fixed list)
   * @param columns attribute columns
   * @param geometryType POINT, LINESTRING or MULTIPOLYGON (with Z)
   * @param srsId the geometry's srs_id (an EPSG code added with {@link #addEpsg})
   */
  public LayerWriter layer(
      String name, String title, List<ExportColumn> columns, String geometryType, int srsId)
      throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + GpkgSchema.quote(name)
              + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom "
              + geometryType
              + columns.stream()
                  .map(c -> ", " + GpkgSchema.quote(c.name()) + " " + GpkgSchema.type(c.kind()))
                  .collect(Collectors.joining())
              + ")");
    }
    try (PreparedStatement ps =
        db.prepareStatement(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                + "description, srs_id) VALUES (?, 'features', ?, ?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, name);
      ps.setString(3, title);
      ps.setInt(4, srsId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        db.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 1, 0)")) {
      ps.setString(1, name);
      ps.setString(2, geometryType);
      ps.setInt(3, srsId);
      ps.executeUpdate();
    }
    return new LayerWriter(name, columns, srsId);
  }

  /** Writes the rows of one feature table. */
  public final class LayerWriter {
    private final String name;
    private final List<ExportColumn> columns;
    private final int srsId;
    private final PreparedStatement insert;
    private final Envelope bounds = new Envelope();
    private int pending;
    private long count;

    private LayerWriter(String name, List<ExportColumn> columns, int srsId) throws SQLException {
      this.name = name;
      this.columns = columns;
      this.srsId = srsId;
      this.insert =
          db.prepareStatement(
              "INSERT INTO "
                  + GpkgSchema.quote(name)
                  + " (fid, geom"
                  + columns.stream()
                      .map(c -> ", " + GpkgSchema.quote(c.name()))
                      .collect(Collectors.joining())
                  + ") VALUES (?, ?"
                  + ", ?".repeat(columns.size())
                  + ")");
    }

    /** Writes one feature from a {@code LayerCursor} row in WKB_NATIVE encoding. */
    public void write(ResultSet rs) throws SQLException {
      insert.setLong(1, rs.getLong(1));
      GpkgGeometry.Encoded g = GpkgGeometry.encode(rs.getBytes(columns.size() + 2), srsId);
      bounds.expandToInclude(g.envelope());
      insert.setBytes(2, g.blob());
      for (int i = 0; i < columns.size(); i++) {
        bind(rs, i + 2, insert, i + 3, columns.get(i).kind());
      }
      insert.addBatch();
      count++;
      if (++pending >= BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    /** Flushes the table and records its bounds in gpkg_contents. */
    public long finish() throws SQLException {
      insert.executeBatch();
      insert.close();
      if (!bounds.isNull()) {
        try (PreparedStatement ps =
            db.prepareStatement(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
          ps.setDouble(1, bounds.getMinX());
          ps.setDouble(2, bounds.getMinY());
          ps.setDouble(3, bounds.getMaxX());
          ps.setDouble(4, bounds.getMaxY());
          ps.setString(5, name);
          ps.executeUpdate();
        }
      }
      return count;
    }
  }

  private static void bind(
      ResultSet rs, int from, PreparedStatement ps, int to, ExportColumn.Kind kind)
      throws SQLException {
    Object v = rs.getObject(from);
    if (v == null) {
      ps.setNull(to, Types.NULL);
      return;
    }
    switch (kind) {
      case INTEGER -> ps.setLong(to, rs.getLong(from));
      case REAL -> ps.setDouble(to, rs.getDouble(from));
      case BOOLEAN -> ps.setInt(to, rs.getBoolean(from) ? 1 : 0);
      case DATETIME ->
          ps.setString(
              to,
              rs.getObject(from, OffsetDateTime.class)
                  .withOffsetSameInstant(ZoneOffset.UTC)
                  .format(DATETIME));
      case ARRAY ->
          ps.setString(
              to,
              JsonMapper.shared()
                  .writeValueAsString(
                      java.util.Arrays.stream((Object[]) ((Array) v).getArray())
                          .map(o -> o == null ? null : o.toString().trim())
                          .toList()));
      default -> ps.setString(to, rs.getString(from).trim());
    }
  }

  /** Commits and closes the file. */
  @Override
  public void close() throws SQLException {
    try {
      db.commit();
    } finally {
      db.close();
    }
  }
}
