package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.db.Sql;
import javax.sql.DataSource;

/**
 * Independent SQL checks of reported violations, written apart from the service's SQL: the
 * clearance of a pair recomputed from the raw pipe_segment columns, and the largest rule that
 * matches it read straight from clearance_rule / cover_rule.
 */
final class IndependentCheck {

  private IndependentCheck() {
  }

  /** The wall-to-wall clearance of two current segments, metres (horizontal in plan, or vertical at their crossing). */
  static double clearance(DataSource db, long a, long b, String direction) throws Exception {
    String sql = direction.equals("horizontal") ? """
        SELECT ST_Distance(ST_Force2D(p.geom), ST_Force2D(q.geom))
               - coalesce(p.width_mm, p.dn_mm) / 2000.0 - coalesce(q.width_mm, q.dn_mm) / 2000.0
        FROM pipe_segment p, pipe_segment q
        WHERE p.fid = %d AND q.fid = %d AND p.valid_to IS NULL AND q.valid_to IS NULL""".formatted(a, b) : """
        WITH x AS (
          SELECT p.*, q.geom AS qgeom, q.depth_ref AS qref, q.dn_mm AS qdn, q.height_mm AS qh,
                 ST_GeometryN(ST_Intersection(ST_Force2D(p.geom), ST_Force2D(q.geom)), 1) AS pt
          FROM pipe_segment p, pipe_segment q
          WHERE p.fid = %d AND q.fid = %d AND p.valid_to IS NULL AND q.valid_to IS NULL),
        c AS (
          SELECT ST_Z(ST_3DClosestPoint(geom, ST_MakeLine(ST_Translate(ST_Force3D(pt), 0, 0, -1e4), ST_Translate(ST_Force3D(pt), 0, 0, 1e4))))
                   + CASE depth_ref WHEN 'invert' THEN 1 ELSE -1 END * coalesce(height_mm, dn_mm) / 2000.0 AS cp,
                 coalesce(height_mm, dn_mm) / 2000.0 AS hp,
                 ST_Z(ST_3DClosestPoint(qgeom, ST_MakeLine(ST_Translate(ST_Force3D(pt), 0, 0, -1e4), ST_Translate(ST_Force3D(pt), 0, 0, 1e4))))
                   + CASE qref WHEN 'invert' THEN 1 ELSE -1 END * coalesce(qh, qdn) / 2000.0 AS cq,
                 coalesce(qh, qdn) / 2000.0 AS hq
          FROM x)
        SELECT CASE WHEN cp >= cq THEN (cp - hp) - (cq + hq) ELSE (cq - hq) - (cp + hp) END FROM c""".formatted(a, b);
    return Double.parseDouble(Sql.strings(db, sql).get(0));
  }

  /** The largest min_clearance_m of the clearance_rule rows matching the pair in either order, with its id. */
  static String[] governingRule(DataSource db, long a, long b, String direction) throws Exception {
    String sql = """
        WITH p AS (SELECT s.network, s.subtype, s.pressure_class, coalesce(s.dn_mm, s.width_mm) AS dn, l.laying_class
                   FROM pipe_segment s LEFT JOIN laying_code l ON l.code = s.laying WHERE s.fid = %d AND s.valid_to IS NULL),
             q AS (SELECT s.network, s.subtype, s.pressure_class, coalesce(s.dn_mm, s.width_mm) AS dn, l.laying_class
                   FROM pipe_segment s LEFT JOIN laying_code l ON l.code = s.laying WHERE s.fid = %d AND s.valid_to IS NULL),
             side AS (SELECT 1 AS o, p.network AS an, p.subtype AS asub, p.pressure_class AS apc, p.dn AS adn, p.laying_class AS alc,
                             q.network AS bn, q.subtype AS bsub, q.pressure_class AS bpc, q.dn AS bdn, q.laying_class AS blc FROM p, q
                      UNION ALL
                      SELECT 2, q.network, q.subtype, q.pressure_class, q.dn, q.laying_class,
                             p.network, p.subtype, p.pressure_class, p.dn, p.laying_class FROM p, q)
        SELECT r.min_clearance_m::text || ',' || r.id
        FROM clearance_rule r, side s
        WHERE r.direction = '%s'
          AND r.a_type = s.an AND coalesce(r.a_subtype, s.asub) = s.asub AND coalesce(r.a_pressure_class, s.apc) IS NOT DISTINCT FROM s.apc
          AND (r.a_dn_min_mm IS NULL OR s.adn > r.a_dn_min_mm) AND (r.a_dn_max_mm IS NULL OR s.adn <= r.a_dn_max_mm)
          AND (r.a_laying_class IS NULL OR r.a_laying_class = s.alc)
          AND r.b_type = s.bn AND coalesce(r.b_subtype, s.bsub) = s.bsub AND coalesce(r.b_pressure_class, s.bpc) IS NOT DISTINCT FROM s.bpc
          AND (r.b_dn_min_mm IS NULL OR s.bdn > r.b_dn_min_mm) AND (r.b_dn_max_mm IS NULL OR s.bdn <= r.b_dn_max_mm)
          AND (r.b_laying_class IS NULL OR r.b_laying_class = s.blc)
        ORDER BY r.min_clearance_m DESC, r.id LIMIT 1""".formatted(a, b, direction);
    return Sql.strings(db, sql).get(0).split(",");
  }

  /** Ground minus top at the worse end of a segment, metres, from its pipe points' surveyed ground. */
  static double cover(DataSource db, long fid) throws Exception {
    return Double.parseDouble(Sql.strings(db, """
        SELECT min(pp.ground_elev_m - (ST_Z(e.pt) + CASE s.depth_ref WHEN 'invert' THEN coalesce(s.height_mm, s.dn_mm) / 1000.0 ELSE 0 END))
        FROM pipe_segment s,
             LATERAL (VALUES (ST_StartPoint(s.geom), s.start_point), (ST_EndPoint(s.geom), s.end_point)) e(pt, no)
        JOIN pipe_point pp ON pp.exp_no = e.no AND pp.valid_to IS NULL
        WHERE s.fid = %d AND s.valid_to IS NULL""".formatted(fid)).get(0));
  }
}
