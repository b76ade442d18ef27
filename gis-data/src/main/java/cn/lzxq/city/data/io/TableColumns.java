package cn.lzxq.city.data.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a layer table as the database catalog describes them, so importers and exporters
 * follow the schema without a second copy of it. Column names come from the catalog, never from
 * input.
 *
 * @param table the table
 * @param columns its columns in table order
 */
public record TableColumns(String table, List<Column> columns) {

  /** The versioning columns every feature table has; importers never take them from input. */
  public static final Set<String> VERSIONING =
      Set.of(
          "version_id",
          "fid",
          "valid_from",
          "valid_to",
          "changed_by",
          "changed_at",
          "change_note",
          "closed_by",
          "closed_at");

  /**
   * One column.
   *
   * @param name column name
   * @param type SQL type as format_type prints it (numeric(6,3), text[], geometry(PointZ,4544))
   * @param notNull NOT NULL
   * @param defaultExpr the default expression, or null
   * @param geometryType for geometry columns the PostGIS type (POINT, LINESTRING, MULTIPOLYGON),
   *     else null
   * @param srid for geometry columns the SRID, else 0
   */
  public record Column(
      String name,
      String type,
      boolean notNull,
      String defaultExpr,
      String geometryType,
      int srid) {

    /** True for a geometry column. */
    public boolean isGeometry() {
      return geometryType != null;
    }

    /** True for an array column (text[], char(2)[]). */
    public boolean isArray() {
      return type.endsWith("[]");
    }
  }

  private static final String SQL =
      """
      SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
             CASE WHEN t.typname = 'geometry' THEN upper(postgis_typmod_type(a.atttypmod)) END,
             CASE WHEN t.typname = 'geometry' THEN postgis_typmod_srid(a.atttypmod) ELSE 0 END
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum""";

  /** Reads a table's columns from the catalog of the connection's current schema. */
  public static TableColumns load(Connection c, String table) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String geomType = rs.getString(5);
          out.add(
              new Column(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getString(4),
                  geomType == null ? null : geomType.replaceAll("(ZM|Z|M)$", ""),
                  rs.getInt(6)));
        }
      }
    }
    if (out.isEmpty()) {
      throw new SQLException("table " + table + " not found in the current schema");
    }
    return new TableColumns(table, List.copyOf(out));
  }

  /** A column by name. */
  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The feature's own columns: everything but the versioning columns. */
  public List<Column> attributes() {
    return columns.stream().filter(c -> !VERSIONING.contains(c.name())).toList();
  }

  /** The main geometry column, {@code geom}. */
  public Column geometry() {
    return column("geom").orElseThrow();
  }

  /** The native SRID: that of the main geometry column. */
  public int nativeSrid() {
    return geometry().srid();
  }
}
