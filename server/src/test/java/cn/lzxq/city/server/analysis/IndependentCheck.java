package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.db.Sql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;

/**
 * Independent SQL checks of reported violations, written apart from the service's SQL: the
 * clearance of a pair recomputed from the raw pipe_segment columns, and the clearance the standards
 * ask for it from values typed from the standards' tables (not from clearance_rule).
 */
final class IndependentCheck {

  private static final String STANDARD = resource("/analysis/standard_clearance.sql");

  private IndependentCheck() {}

  private static String resource(String path) {
    try (InputStream in = IndependentCheck.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The wall-to-wall clearance of two current segments, metres (horizontal in plan, or vertical at
   * their crossing).
   */
  static double clearance(DataSource db, long a, long b, String direction) throws Exception {
    String sql =
        direction.equals("horizontal")
            ? """
        SELECT ST_Distance(ST_Force2D(p.geom), ST_Force2D(q.geom))
               - coalesce(p.width_mm, p.dn_mm) / 2000.0 - coalesce(q.width_mm, q.dn_mm) / 2000.0
        FROM pipe_segment p, pipe_segment q
        WHERE p.fid = %d AND q.fid = %d AND p.valid_to IS NULL AND q.valid_to IS NULL"""
                .formatted(a, b)
            : """
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
        SELECT CASE WHEN cp >= cq THEN (cp - hp) - (cq + hq) ELSE (cq - hq) - (cp + hp) END FROM c"""
                .formatted(a, b);
    return Double.parseDouble(Sql.strings(db, sql).get(0));
  }

  /**
   * The clearance the standards ask for the pair in a direction, metres, from the values typed into
   * {@code analysis/standard_clearance.sql} (not from clearance_rule); null where no table has one.
   */
  static Double standardClearance(DataSource db, long a, long b, String direction)
      throws Exception {
    String sql =
        STANDARD
            .replace(":dir", "'" + direction + "'")
            .replace(":a", Long.toString(a))
            .replace(":b", Long.toString(b));
    List<String> rows = Sql.strings(db, sql);
    return rows.isEmpty() ? null : Double.valueOf(rows.get(0));
  }

  /**
   * Ground minus top at the worse end of a segment, metres, from its pipe points' surveyed ground.
   */
  static double cover(DataSource db, long fid) throws Exception {
    return Double.parseDouble(
        Sql.strings(
                db,
                """
        SELECT min(pp.ground_elev_m - (ST_Z(e.pt) + CASE s.depth_ref WHEN 'invert' THEN coalesce(s.height_mm, s.dn_mm) / 1000.0 ELSE 0 END))
        FROM pipe_segment s,
             LATERAL (VALUES (ST_StartPoint(s.geom), s.start_point), (ST_EndPoint(s.geom), s.end_point)) e(pt, no)
        JOIN pipe_point pp ON pp.exp_no = e.no AND pp.valid_to IS NULL
        WHERE s.fid = %d AND s.valid_to IS NULL"""
                    .formatted(fid))
            .get(0));
  }
}
