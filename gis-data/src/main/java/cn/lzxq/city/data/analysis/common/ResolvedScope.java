package cn.lzxq.city.data.analysis.common;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope checked against the database: the area as a native-CRS geometry (EWKB, null for no area)
 * with its size, and the owner and network filters.
 *
 * @param region native-CRS area (EWKB), or null
 * @param areaKind bbox, road or project (null without an area)
 * @param areaKm2 the area's size in km² (0 without an area)
 */
public record ResolvedScope(
    byte[] region, String areaKind, double areaKm2, String owner, String network, Instant asOf) {

  /** True when the area is a project corridor. */
  public boolean isProject() {
    return "project".equals(areaKind);
  }

  /**
   * A predicate on the pipe, point or feature row {@code alias} (columns geom, and owner and
   * network when {@code attributes}) — constant SQL text; its values are the {@link #params()}.
   */
  public String predicate(String alias, boolean attributes) {
    StringBuilder sql = new StringBuilder("true");
    if (region != null) {
      sql.append(" AND ")
          .append(alias)
          .append(".geom && (SELECT r FROM scope_region)")
          .append(" AND ST_Intersects(")
          .append(alias)
          .append(".geom, (SELECT r FROM scope_region))");
    }
    if (attributes && owner != null) {
      sql.append(" AND ").append(alias).append(".owner = :scope_owner");
    }
    if (attributes && network != null) {
      sql.append(" AND ").append(alias).append(".network = :scope_network");
    }
    return sql.toString();
  }

  /** The CTE that the predicate reads the region from ({@code scope_region(r)}). */
  public static String regionCte() {
    return "scope_region AS MATERIALIZED (SELECT ST_GeomFromEWKB(CAST(:scope_region AS bytea)) AS r)";
  }

  /** Bind values of {@link #predicate} and {@link #regionCte()}, plus {@code as_of}. */
  public Map<String, Object> params() {
    Map<String, Object> p = new HashMap<>();
    p.put("scope_region", region);
    p.put("scope_owner", owner);
    p.put("scope_network", network);
    p.put("as_of", asOf);
    return p;
  }
}
