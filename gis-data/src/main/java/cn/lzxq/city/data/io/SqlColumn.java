package cn.lzxq.city.data.io;

import cn.lzxq.city.data.io.TableColumns.Column;

/**
 * A column an importer writes and the SQL expression that computes its value from bind parameters
 * ({@code ?}). The name comes from the catalog ({@link TableColumns}), never from input.
 *
 * @param name the column
 * @param expression SQL with {@code ?} placeholders
 */
public record SqlColumn(String name, String expression) {

  /** A column bound as text and cast to its type; a null value takes the column default. */
  public static SqlColumn text(Column column) {
    String cast = "CAST(? AS " + column.type() + ")";
    return new SqlColumn(
        column.name(),
        column.defaultExpr() == null
            ? cast
            : "coalesce(" + cast + ", " + column.defaultExpr() + ")");
  }

  /**
   * A geometry column bound as two parameters, WKB and its SRID, and transformed in PostGIS to the
   * column's SRID (made 3D, and multi when the column is); a null WKB gives a null geometry.
   */
  public static SqlColumn wkb(Column column) {
    String geom = "ST_SetSRID(ST_GeomFromWKB(CAST(? AS bytea)), CAST(? AS integer))";
    if (column.geometryType().startsWith("MULTI")) {
      geom = "ST_Multi(" + geom + ")";
    }
    return new SqlColumn(
        column.name(), "ST_Transform(ST_Force3D(" + geom + "), " + column.srid() + ")");
  }
}
