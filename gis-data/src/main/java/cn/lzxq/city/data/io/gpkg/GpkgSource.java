package cn.lzxq.city.data.io.gpkg;

import cn.lzxq.city.data.io.feature.FeatureRecord;
import cn.lzxq.city.data.io.feature.FeatureSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteConfig;

/**
 * A feature table of a GeoPackage, read with sqlite-jdbc (read-only) as a stream. The CRS is the
 * table's srs_id resolved through gpkg_spatial_ref_sys to an EPSG code.
 */
public final class GpkgSource implements FeatureSource {

  private static final String TABLES =
      """
      SELECT c.table_name, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id
      FROM gpkg_contents c
      JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
      LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
      WHERE c.data_type = 'features' ORDER BY c.table_name""";

  private final Path file;
  private final String table;
  private final String geometryColumn;
  private final int srid;

  private GpkgSource(Path file, String table, String geometryColumn, int srid) {
    this.file = file;
    this.table = table;
    this.geometryColumn = geometryColumn;
    this.srid = srid;
  }

  /** The feature tables of a GeoPackage file. */
  public static List<GpkgSource> open(Path file) throws IOException {
    List<GpkgSource> out = new ArrayList<>();
    try (Connection db = connect(file);
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(TABLES)) {
      while (rs.next()) {
        boolean epsg = "EPSG".equalsIgnoreCase(rs.getString(4));
        out.add(
            new GpkgSource(
                file, rs.getString(1), rs.getString(2), epsg ? rs.getInt(5) : rs.getInt(3)));
      }
    } catch (SQLException e) {
      throw new IOException(
          file.getFileName() + " is not a readable GeoPackage: " + e.getMessage(), e);
    }
    return out;
  }

  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return DriverManager.getConnection(
        "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  @Override
  public String source() {
    return file.getFileName() + "[" + table + "]";
  }

  @Override
  public int srid() {
    return srid;
  }

  @Override
  public String layerName() {
    return table;
  }

  @Override
  public void read(Consumer<FeatureRecord> sink) throws IOException {
    String sql = "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"";
    try (Connection db = connect(file);
        PreparedStatement ps = db.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      long n = 0;
      while (rs.next()) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Geometry geometry = null;
        String problem = null;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String name = meta.getColumnName(i);
          if (name.equalsIgnoreCase(geometryColumn)) {
            byte[] blob = rs.getBytes(i);
            try {
              geometry = blob == null ? null : GpkgGeometry.decode(blob);
            } catch (IllegalArgumentException e) {
              problem = e.getMessage();
            }
          } else {
            properties.put(name.toLowerCase(Locale.ROOT), rs.getObject(i));
          }
        }
        sink.accept(new FeatureRecord(++n, properties, geometry, problem));
      }
    } catch (SQLException e) {
      throw new IOException(source() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
