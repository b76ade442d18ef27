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

  private static final String STANDARD =
      resource("/analysis/standard_clearance.sql")
          .replace("{standard_values}", resource("/analysis/standard_values.sql"));

  private static final String STANDARD_FEATURE =
      resource("/analysis/standard_feature_clearance.sql")
          .replace("{standard_values}", resource("/analysis/standard_values.sql"));

  private IndependentCheck() {}

  private static String resource(String path) {
    try (InputStream in = IndependentCheck.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The outer section of every current segment, metres (half width, half height, centre above the
   * surveyed Z, outer top above the surveyed Z), with outside diameters and walls typed from the
   * product standards for the sizes the fixture and the sample use (not read from pipe_wall):
   * reinforced-concrete drains GB/T 11836-2009 (wall DN/10, at least 30 mm); PVC-U double-wall
   * corrugated drains DN/ID GB/T 18477.1-2007 (DN300 340 mm, DN400 450 mm); ductile iron K9 GB/T
   * 13295-2019 (DN300 326, DN400 429, DN500 532, DN600 635 mm); steel GB/T 3091-2015 (DN100 114.3,
   * DN200 219.1, DN250 273.1, DN300 323.9, DN400 406.4, DN500 508 mm); PE, PVC pressure pipes and
   * anything else: DN is the outside diameter. Boxes: W×H, the outer envelope.
   */
  private static final String OUTER =
      """
      outer_section AS (
        SELECT s.fid, s.geom, s.depth_ref,
               coalesce(s.width_mm, d.od) / 2000.0 AS hw, coalesce(s.height_mm, d.od) / 2000.0 AS hh,
               CASE WHEN s.height_mm IS NOT NULL THEN CASE s.depth_ref WHEN 'invert' THEN 1 ELSE -1 END * s.height_mm / 2000.0
                    WHEN s.depth_ref = 'invert' THEN (d.od - 2 * d.wall) / 2000.0 ELSE -d.od / 2000.0 END AS centre,
               CASE WHEN s.depth_ref = 'invert' THEN coalesce(s.height_mm, d.od - d.wall) / 1000.0 ELSE 0 END AS top
        FROM pipe_segment s,
             LATERAL (SELECT coalesce(max(v.od), s.dn_mm) AS od, coalesce(max(v.wall), 0) AS wall
                      FROM (VALUES ('T', 'invert', NULL::int, s.dn_mm + 2 * greatest(30, s.dn_mm / 10.0), greatest(30, s.dn_mm / 10.0)),
                                   ('PVC', 'invert', 300, 340, 20), ('PVC', 'invert', 400, 450, 25),
                                   ('QM', 'top', 300, 326, 7.2), ('QM', 'top', 400, 429, 8.1), ('QM', 'top', 500, 532, 9),
                                   ('QM', 'top', 600, 635, 9.9),
                                   ('G', 'top', 100, 114.3, 4), ('G', 'top', 200, 219.1, 6), ('G', 'top', 250, 273.1, 6.4),
                                   ('G', 'top', 300, 323.9, 7.1), ('G', 'top', 400, 406.4, 7.9), ('G', 'top', 500, 508, 8.7))
                           v(material, ref, dn, od, wall)
                      WHERE v.material = s.material AND v.ref = s.depth_ref AND coalesce(v.dn, s.dn_mm) = s.dn_mm) d
        WHERE s.valid_to IS NULL)""";

  /**
   * The wall-to-wall clearance of two current segments, metres (horizontal in plan, or vertical at
   * their crossing), outer wall to outer wall.
   */
  static double clearance(DataSource db, long a, long b, String direction) throws Exception {
    String sql =
        direction.equals("horizontal")
            ? """
        WITH %s
        SELECT ST_Distance(ST_Force2D(p.geom), ST_Force2D(q.geom)) - p.hw - q.hw
        FROM outer_section p, outer_section q
        WHERE p.fid = %d AND q.fid = %d"""
                .formatted(OUTER, a, b)
            : """
        WITH %s,
        x AS (
          SELECT p.geom, p.centre, p.hh, q.geom AS qgeom, q.centre AS qcentre, q.hh AS qhh,
                 ST_GeometryN(ST_Intersection(ST_Force2D(p.geom), ST_Force2D(q.geom)), 1) AS pt
          FROM outer_section p, outer_section q
          WHERE p.fid = %d AND q.fid = %d),
        c AS (
          SELECT ST_Z(ST_3DClosestPoint(geom, ST_MakeLine(ST_Translate(ST_Force3D(pt), 0, 0, -1e4), ST_Translate(ST_Force3D(pt), 0, 0, 1e4))))
                   + centre AS cp, hh AS hp,
                 ST_Z(ST_3DClosestPoint(qgeom, ST_MakeLine(ST_Translate(ST_Force3D(pt), 0, 0, -1e4), ST_Translate(ST_Force3D(pt), 0, 0, 1e4))))
                   + qcentre AS cq, qhh AS hq
          FROM x)
        SELECT CASE WHEN cp >= cq THEN (cp - hp) - (cq + hq) ELSE (cq - hq) - (cp + hp) END FROM c"""
                .formatted(OUTER, a, b);
    return Double.parseDouble(Sql.strings(db, sql).get(0));
  }

  /**
   * The clearance the standards ask for the pair in a direction, metres, from the values typed into
   * {@code analysis/standard_values.sql} (not from clearance_rule); null where no table has one.
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
   * The plan clearance of a current segment to a feature, metres, from the pipe's outer wall: to a
   * base-station pole's centre (POLE), a building's footprint (BUILDING, 0 under it), a tower's
   * foundation (TOWER35, TOWERHV: power_tower, 0 on it), a street tree's trunk or a shrub's centre
   * (TREE, SHRUB: street_tree), or the kerb (KERB) on side {@code code} (L left, R right of the
   * centreline's direction) of road {@code featureFid}: the carriageway edge, half the carriageway
   * width from the centreline.
   */
  static double featureClearance(
      DataSource db, long pipe, String type, long featureFid, String code) throws Exception {
    String feature =
        switch (type) {
          case "POLE" ->
              "SELECT ST_Force2D(geom) FROM base_station WHERE valid_to IS NULL AND fid = %d";
          case "BUILDING" ->
              "SELECT ST_Force2D(geom) FROM building WHERE valid_to IS NULL AND fid = %d";
          case "TOWER35", "TOWERHV" ->
              "SELECT ST_Force2D(geom) FROM power_tower WHERE valid_to IS NULL AND fid = %d";
          case "TREE", "SHRUB" ->
              "SELECT ST_Force2D(geom) FROM street_tree WHERE valid_to IS NULL AND fid = %d";
          case "KERB" ->
              "SELECT ST_OffsetCurve(ST_Force2D(geom), %s carriageway_width_m / 2) FROM road"
                      .formatted(code.equals("L") ? "" : "-")
                  + " WHERE valid_to IS NULL AND fid = %d";
          default -> throw new IllegalArgumentException(type);
        };
    return Double.parseDouble(
        Sql.strings(
                db,
                """
        WITH %s
        SELECT greatest(ST_Distance(ST_Force2D(p.geom), (%s)) - p.hw, 0)
        FROM outer_section p WHERE p.fid = %d"""
                    .formatted(OUTER, feature.formatted(featureFid), pipe))
            .get(0));
  }

  /**
   * The plan clearance the standards ask between a current segment and a feature type (BUILDING,
   * POLE, TOWER35, TOWERHV, TREE, SHRUB, KERB), metres, from the values typed into {@code
   * analysis/standard_values.sql} (not from clearance_rule); null where no table has one.
   */
  static Double standardFeatureClearance(DataSource db, long pipe, String type) throws Exception {
    List<String> rows =
        Sql.strings(
            db,
            STANDARD_FEATURE
                .replace(":pipe_fid", Long.toString(pipe))
                .replace(":feature_type", "'" + type + "'"));
    return rows.isEmpty() ? null : Double.valueOf(rows.get(0));
  }

  /**
   * Ground minus outer top at the worse end of a segment, metres, from its pipe points' surveyed
   * ground.
   */
  static double cover(DataSource db, long fid) throws Exception {
    return Double.parseDouble(
        Sql.strings(
                db,
                """
        WITH %s
        SELECT min(pp.ground_elev_m - (ST_Z(e.pt) + o.top))
        FROM pipe_segment s
        JOIN outer_section o ON o.fid = s.fid,
             LATERAL (VALUES (ST_StartPoint(s.geom), s.start_point), (ST_EndPoint(s.geom), s.end_point)) e(pt, no)
        JOIN pipe_point pp ON pp.exp_no = e.no AND pp.valid_to IS NULL
        WHERE s.fid = %d AND s.valid_to IS NULL"""
                    .formatted(OUTER, fid))
            .get(0));
  }
}
