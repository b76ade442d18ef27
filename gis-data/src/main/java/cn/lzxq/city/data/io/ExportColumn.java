package cn.lzxq.city.data.io;

import cn.lzxq.city.data.io.TableColumns.Column;

/**
 * A column as exporters write it.
 *
 * @param name the column name (from the catalog)
 * @param kind how its values are typed in the output
 */
public record ExportColumn(String name, Kind kind) {

  /** Value kinds common to GeoPackage and GeoJSON. */
  public enum Kind {
    INTEGER,
    REAL,
    TEXT,
    BOOLEAN,
    DATE,
    DATETIME,
    ARRAY,
    /** A second geometry column (road.red_line): GeoJSON geometry object or WKT text. */
    GEOMETRY
  }

  /** The kind of a catalog column. */
  public static ExportColumn of(Column c) {
    String t = c.type();
    Kind kind;
    if (c.isGeometry()) {
      kind = Kind.GEOMETRY;
    } else if (c.isArray()) {
      kind = Kind.ARRAY;
    } else if (t.equals("smallint") || t.equals("integer") || t.equals("bigint")) {
      kind = Kind.INTEGER;
    } else if (t.startsWith("numeric") || t.startsWith("double") || t.equals("real")) {
      kind = Kind.REAL;
    } else if (t.equals("boolean")) {
      kind = Kind.BOOLEAN;
    } else if (t.equals("date")) {
      kind = Kind.DATE;
    } else if (t.startsWith("timestamp")) {
      kind = Kind.DATETIME;
    } else {
      kind = Kind.TEXT;
    }
    return new ExportColumn(c.name(), kind);
  }
}
