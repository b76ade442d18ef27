package cn.lzxq.city.data.query;

import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import java.util.ArrayList;
import java.util.List;

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

  /** SELECT count(*) of every feature the query matches (paging ignored). */
  public PreparedSql count(FeatureQuery q) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT count(*) FROM " + q.layer().table() + " t WHERE " + where(q, params);
    return new PreparedSql(sql, params);
  }

  /**
   * The WHERE clause: the layer's rows, valid at the query's time, matching its filter. Rows whose
   * geometry holds a non-finite coordinate (written by another tool) are left out ({@code
   * geometry_is_finite}, V36).
   */
  public String where(FeatureQuery q, List<Object> params) {
    Layer layer = q.layer();
    String time = ValidTime.at("t", q.asOf(), params);
    return layer.rowFilter()
        + " AND "
        + time
        + " AND geometry_is_finite(t."
        + layer.geometryColumn()
        + ") AND "
        + new FilterSql(layer, nativeSrid, params).write(q.filter());
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
