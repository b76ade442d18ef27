package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.io.SqlColumn;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.data.query.SqlBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Builds the versioned write statements. Identifiers come from the catalog and the table's own
 * columns, values are bind parameters. Times are {@code statement_timestamp()}, so two edits of one
 * feature in one transaction make two versions.
 */
final class EditSql {

  /** How a version is closed: its end, who closed it (the one parameter) and when. */
  private static final String CLOSE =
      "valid_to = statement_timestamp(), closed_by = ?, closed_at = statement_timestamp()";

  private final SqlBuilder sql;

  EditSql(SqlBuilder sql) {
    this.sql = sql;
  }

  /** How many current features match, and how many of them the user may not write. */
  PreparedSql census(Layer layer, Filter filter, Editor who) {
    List<Object> params = new ArrayList<>();
    String own = Ownership.predicate(layer, ownerColumn(layer, "t"), List.of(), who, params);
    List<Object> whereParams = new ArrayList<>();
    String where = where(layer, filter, whereParams);
    params.addAll(whereParams);
    return new PreparedSql(
        "SELECT count(*), count(*) FILTER (WHERE NOT "
            + own
            + ") FROM "
            + layer.table()
            + " t WHERE "
            + where,
        params);
  }

  /**
   * Inserts one feature; returns its fid and version_id, or no row when the user may not own it.
   */
  PreparedSql insert(
      Layer layer,
      TableColumns table,
      Map<String, Object> values,
      Geometry g,
      Editor who,
      String note) {
    List<Object> params = new ArrayList<>(List.of(who.name(), note));
    StringJoiner cols =
        new StringJoiner(", ", "(valid_from, changed_at, changed_by, change_note, ", ")");
    StringJoiner exprs =
        new StringJoiner(", ", "SELECT statement_timestamp(), statement_timestamp(), ?, ?, ", "");
    for (Map.Entry<String, String> fixed : layer.fixedValues().entrySet()) {
      TableColumns.Column c = table.column(fixed.getKey()).orElseThrow();
      cols.add('"' + c.name() + '"');
      exprs.add(SqlColumn.text(c).expression());
      params.add(fixed.getValue());
    }
    String ownerExpr = "CAST(NULL AS text)";
    List<Object> ownerParams = new ArrayList<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      TableColumns.Column c = attributeColumn(layer, table, e.getKey());
      cols.add('"' + c.name() + '"');
      exprs.add(SqlColumn.text(c).expression());
      params.add(text(e.getValue(), c));
      if (c.name().equals(Ownership.column(layer))) {
        ownerExpr = "CAST(? AS text)";
        ownerParams.add(text(e.getValue(), c));
      }
    }
    cols.add(layer.geometryColumn());
    exprs.add(SqlColumn.wkb(table.geometry()).expression());
    addGeometry(g, params);
    String own = Ownership.predicate(layer, ownerExpr, ownerParams, who, params);
    return new PreparedSql(
        "INSERT INTO "
            + layer.table()
            + " "
            + cols
            + " "
            + exprs
            + " WHERE "
            + own
            + " RETURNING fid, version_id",
        params);
  }

  /**
   * Closes the matching latest versions the user may write and inserts their successors with {@code
   * values} (and {@code g} when not null) changed; returns (closed, inserted, the new versions'
   * fids as bigint[], their version_ids as bigint[]).
   */
  PreparedSql update(
      Layer layer,
      TableColumns table,
      Filter filter,
      Map<String, Object> values,
      Geometry g,
      Editor who,
      String note) {
    List<Object> params = new ArrayList<>(List.of(who.name()));
    String where = where(layer, filter, params);
    String own = Ownership.predicate(layer, ownerColumn(layer, "t"), List.of(), who, params);
    StringBuilder s =
        new StringBuilder("WITH old AS (UPDATE ")
            .append(layer.table())
            .append(" t SET ")
            .append(CLOSE)
            .append(" WHERE ")
            .append(where)
            .append(" AND ")
            .append(own)
            .append(" RETURNING t.*), ins AS (INSERT INTO ")
            .append(layer.table())
            .append(" (fid, valid_from, changed_at, changed_by, change_note");
    StringJoiner exprs =
        new StringJoiner(
            ", ", "SELECT o.fid, statement_timestamp(), statement_timestamp(), ?, ?, ", "");
    params.add(who.name());
    params.add(note);
    String newOwner = null;
    List<Object> ownerParams = new ArrayList<>();
    for (TableColumns.Column c : table.attributes()) {
      s.append(", \"").append(c.name()).append('"');
      if (c.isGeometry() && c.name().equals(layer.geometryColumn()) && g != null) {
        exprs.add(SqlColumn.wkb(c).expression());
        addGeometry(g, params);
      } else if (!c.isGeometry() && values.containsKey(c.name())) {
        attributeColumn(layer, table, c.name());
        exprs.add(SqlColumn.text(c).expression());
        params.add(text(values.get(c.name()), c));
        if (c.name().equals(Ownership.column(layer))) {
          newOwner = "CAST(? AS text)";
          ownerParams.add(text(values.get(c.name()), c));
        }
      } else {
        exprs.add("o.\"" + c.name() + '"');
      }
    }
    for (String k : values.keySet()) {
      attributeColumn(layer, table, k);
    }
    String ownNew =
        Ownership.predicate(
            layer, newOwner != null ? newOwner : ownerColumn(layer, "o"), ownerParams, who, params);
    s.append(") ")
        .append(exprs)
        .append(" FROM old o WHERE ")
        .append(ownNew)
        .append(
            " RETURNING fid, version_id) SELECT (SELECT count(*) FROM old), (SELECT count(*) FROM ins),"
                + " (SELECT array_agg(fid) FROM ins), (SELECT array_agg(version_id) FROM ins)");
    return new PreparedSql(s.toString(), params);
  }

  /** Closes the matching latest versions the user may write, recording who; returns their fids. */
  PreparedSql delete(Layer layer, Filter filter, Editor who) {
    List<Object> params = new ArrayList<>(List.of(who.name()));
    String where = where(layer, filter, params);
    String own = Ownership.predicate(layer, ownerColumn(layer, "t"), List.of(), who, params);
    return new PreparedSql(
        "UPDATE "
            + layer.table()
            + " t SET "
            + CLOSE
            + " WHERE "
            + where
            + " AND "
            + own
            + " RETURNING t.fid",
        params);
  }

  /** The fids of the latest versions the filter matches. */
  PreparedSql matching(Layer layer, Filter filter) {
    List<Object> params = new ArrayList<>();
    return new PreparedSql(
        "SELECT t.fid FROM " + layer.table() + " t WHERE " + where(layer, filter, params), params);
  }

  /** (fid, version_id) of the latest versions of the given fids. */
  PreparedSql latestVersions(Layer layer, List<Long> fids) {
    return new PreparedSql(
        "SELECT t.fid, t.version_id FROM "
            + layer.table()
            + " t WHERE "
            + layer.rowFilter()
            + " AND "
            + ValidTime.open("t")
            + " AND t.fid = ANY(CAST(? AS bigint[]))",
        List.of(bigintArray(fids)));
  }

  /** A bigint[] literal, e.g. {@code {1,2}}. */
  static String bigintArray(java.util.Collection<Long> values) {
    StringJoiner j = new StringJoiner(",", "{", "}");
    values.forEach(v -> j.add(Long.toString(v)));
    return j.toString();
  }

  /** The edit's view: latest versions (so it sees versions written earlier in its transaction). */
  private String where(Layer layer, Filter filter, List<Object> params) {
    return sql.whereLatest(FeatureQuery.of(layer, sql.nativeSrid()).withFilter(filter), params);
  }

  private static String ownerColumn(Layer layer, String alias) {
    String c = Ownership.column(layer);
    return c == null ? "NULL" : alias + ".\"" + c + '"';
  }

  private static TableColumns.Column attributeColumn(Layer layer, TableColumns table, String name) {
    if (layer.attribute(name).isEmpty()) {
      throw new EditException(
          EditException.Reason.INVALID,
          "layer " + layer.name() + " has no property '" + name + "'");
    }
    return table
        .column(name)
        .orElseThrow(() -> new EditException(EditException.Reason.INVALID, "no column " + name));
  }

  private static void addGeometry(Geometry g, List<Object> params) {
    if (g == null) {
      throw new EditException(EditException.Reason.INVALID, "a feature needs a geometry");
    }
    // positions without a height go as 2D, so the column's ST_Force3D gives them z = 0, not NaN
    boolean z = Arrays.stream(g.getCoordinates()).anyMatch(c -> !Double.isNaN(c.getZ()));
    params.add(new WKBWriter(z ? 3 : 2).write(g));
    params.add(g.getSRID());
  }

  /** A value as the text PostgreSQL casts to the column type (arrays as {a,b}). */
  private static String text(Object v, TableColumns.Column c) {
    if (v == null) {
      return null;
    }
    if (c.isArray()) {
      List<?> items = v instanceof List<?> l ? l : List.of(v.toString().split(","));
      StringJoiner j = new StringJoiner(",", "{", "}");
      items.forEach(
          i -> j.add('"' + i.toString().trim().replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
      return j.toString();
    }
    return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
  }
}
