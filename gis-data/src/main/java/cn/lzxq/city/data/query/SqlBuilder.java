package cn.lzxq.city.data.query;

import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Turns a {@link FeatureQuery} into SQL with bind parameters only. Identifiers come only from the
 * layer catalog; every value from a request is a parameter.
 *
 * <p>The select list is: {@code fid}, {@code valid_from}, {@code valid_to}, the requested
 * attributes in catalog order, and {@code geom} as EWKB in the output SRID. Rows are ordered by the
 * sort keys and then by {@code fid}, so paging is stable.
 */
public final class SqlBuilder {

  private final int nativeSrid;

  /**
   * @param nativeSrid the SRID of the geometry columns
   */
  public SqlBuilder(int nativeSrid) {
    this.nativeSrid = nativeSrid;
  }

  /** The SRID of the geometry columns. */
  public int nativeSrid() {
    return nativeSrid;
  }

  /** The attributes a query returns, in catalog order; unknown names are rejected. */
  public static List<Attribute> selectedAttributes(FeatureQuery q) {
    for (String p : q.properties()) {
      PropertyRef.resolve(q.layer(), p);
    }
    if (q.properties().isEmpty()) {
      return q.layer().attributes();
    }
    List<String> wanted =
        q.properties().stream().map(p -> p.replaceFirst("^[A-Za-z_][\\w.-]*:", "")).toList();
    return q.layer().attributes().stream().filter(a -> wanted.contains(a.name())).toList();
  }

  /** SELECT of the query's page of features. */
  public PreparedSql select(FeatureQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT t.fid, t.valid_from, t.valid_to");
    for (Attribute a : selectedAttributes(q)) {
      sql.append(", t.\"").append(a.name()).append('"');
    }
    if (q.withGeometry()) {
      sql.append(", ST_AsEWKB(").append(geometry(q, params)).append(") AS geom");
    }
    sql.append(" FROM ").append(q.layer().table()).append(" t WHERE ").append(where(q, params));
    sql.append(" ORDER BY ");
    for (SortKey k : q.sort()) {
      sql.append(PropertyRef.resolve(q.layer(), k.property()).column())
          .append(k.ascending() ? " ASC, " : " DESC, ");
    }
    sql.append("t.fid");
    if (q.offset() > 0) {
      sql.append(" OFFSET ?");
      params.add(q.offset());
    }
    if (q.limit() >= 0) {
      sql.append(" LIMIT ?");
      params.add(q.limit());
    }
    return new PreparedSql(sql.toString(), params);
  }

  /**
   * One layer of a Mapbox vector tile: {@code ST_AsMVT} over the features the query matches (its
   * filter holds the tile window grown by the buffer, so the spatial index is used), geometries
   * made 2D, simplified by the query's tolerance, transformed into {@code tileSrid} and clipped to
   * the tile by {@code ST_AsMVTGeom}. The MVT feature id is the fid; the properties are the
   * selected attributes (decimals as doubles, dates and lists as text) and {@code valid_from} /
   * {@code valid_to} as ISO 8601 UTC text. The statement returns one row: the layer's bytes (empty
   * when no feature is in the tile).
   *
   * @param mvtLayer the layer name inside the tile
   * @param tile the tile in {@code tileSrid}, x = easting/longitude
   * @param extent tile units per side
   * @param buffer tile units kept outside the tile
   */
  public PreparedSql mvt(
      FeatureQuery q, String mvtLayer, Envelope tile, int tileSrid, int extent, int buffer) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT t.fid");
    for (Attribute a : selectedAttributes(q)) {
      sql.append(", ").append(mvtValue(a)).append(" AS \"").append(a.name()).append('"');
    }
    sql.append(", to_char(t.valid_from AT TIME ZONE 'UTC', '")
        .append(ISO_UTC)
        .append("') AS valid_from, to_char(t.valid_to AT TIME ZONE 'UTC', '")
        .append(ISO_UTC)
        .append("') AS valid_to");
    String g = "t." + q.layer().geometryColumn();
    g = "ST_Force2D(" + g + ")";
    if (q.simplifyMetres() > 0) {
      g = "ST_Simplify(" + g + ", ?, true)";
      params.add(q.simplifyMetres());
    }
    if (tileSrid != nativeSrid) {
      g = "ST_Transform(" + g + ", " + tileSrid + ")";
    }
    sql.append(", ST_AsMVTGeom(")
        .append(g)
        .append(", ST_MakeEnvelope(?, ?, ?, ?, ")
        .append(tileSrid)
        .append(")::box2d, ?, ?, true) AS geom");
    params.add(tile.getMinX());
    params.add(tile.getMinY());
    params.add(tile.getMaxX());
    params.add(tile.getMaxY());
    params.add(extent);
    params.add(buffer);
    sql.append(" FROM ").append(q.layer().table()).append(" t WHERE ").append(where(q, params));
    String rows = sql.toString();
    List<Object> all = new ArrayList<>();
    all.add(mvtLayer);
    all.add(extent);
    all.addAll(params);
    return new PreparedSql(
        "SELECT coalesce(ST_AsMVT(m, ?, ?, 'geom', 'fid'), ''::bytea) FROM ("
            + rows
            + ") m WHERE m.geom IS NOT NULL",
        all);
  }

  private static final String ISO_UTC = "YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"";

  private static String mvtValue(Attribute a) {
    String c = "t.\"" + a.name() + "\"";
    return switch (a.type()) {
      case DECIMAL -> c + "::double precision";
      case INTEGER, LONG -> c + "::bigint";
      case STRING_ARRAY -> "array_to_string(" + c + ", ',')";
      case DATE, TIMESTAMP -> c + "::text";
      default -> c;
    };
  }

  /** SELECT count(*) of every feature the query matches (paging ignored). */
  public PreparedSql count(FeatureQuery q) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT count(*) FROM " + q.layer().table() + " t WHERE " + where(q, params);
    return new PreparedSql(sql, params);
  }

  /**
   * The WHERE clause: the layer's rows, valid at the query's time, matching its filter ({@link
   * #current} AND {@link #selection}).
   */
  public String where(FeatureQuery q, List<Object> params) {
    return current(q, params) + " AND " + selection(q, params);
  }

  /**
   * The part of {@link #where} shared by every layer of one table read at one time: the rows valid
   * at the query's time whose geometry is finite. Rows another tool wrote with a non-finite
   * coordinate ({@code geometry_is_finite}, V36) are left out by the flag PostgreSQL stores with
   * each row ({@code <geometry column>_finite}, V270), so no read decodes a geometry for the test
   * and none plans a subquery for it. A read of several layers of one table states it once and ORs
   * the layers' {@link #selection}s.
   */
  public String current(FeatureQuery q, List<Object> params) {
    return ValidTime.at("t", q.asOf(), params) + " AND t." + q.layer().geometryColumn() + "_finite";
  }

  /**
   * The part of {@link #where} that tells one layer's rows apart: its row filter and the query's.
   */
  public String selection(FeatureQuery q, List<Object> params) {
    Layer layer = q.layer();
    return layer.rowFilter() + " AND " + new FilterSql(layer, nativeSrid, params).write(q.filter());
  }

  /**
   * A request window as a native-CRS polygon expression: the box itself in the native CRS, else the
   * box clipped to the service area's reach, densified and transformed, so a whole-world box never
   * leaves the native projection's domain. Its corners are appended to {@code params}.
   */
  public String window(Envelope e, int srid, List<Object> params) {
    return FilterSql.window(e, srid, nativeSrid, params);
  }

  /**
   * The WHERE clause of an edit: the layer's rows that are the latest version of their feature
   * ({@link ValidTime#open}, whatever their valid_from), matching the query's filter. Unlike {@link
   * #where}, it sees a version written earlier in the same transaction, whose valid_from is later
   * than the transaction's {@code now()}.
   */
  public String whereLatest(FeatureQuery q, List<Object> params) {
    Layer layer = q.layer();
    return layer.rowFilter()
        + " AND "
        + ValidTime.open("t")
        + " AND "
        + new FilterSql(layer, nativeSrid, params).write(q.filter());
  }

  private String geometry(FeatureQuery q, List<Object> params) {
    String g = "t." + q.layer().geometryColumn();
    if (q.force2d()) {
      g = "ST_Force2D(" + g + ")";
    }
    if (q.simplifyMetres() > 0) {
      g = "ST_SimplifyPreserveTopology(" + g + ", ?)";
      params.add(q.simplifyMetres());
    }
    return q.outputSrid() == nativeSrid ? g : "ST_Transform(" + g + ", " + q.outputSrid() + ")";
  }
}
