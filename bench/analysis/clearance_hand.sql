-- The best single hand-written PostGIS query found for the whole-city clearance check: the same
-- answer as the service's clearance analysis (GB 50289 horizontal clearances in plan between
-- non-crossing pairs, vertical clearances at crossings, wall to wall, buried pipes not both in a
-- utility tunnel, segments of one network sharing a surveyed point not paired, the governing
-- clearance_rule row per pair: either order, NULL matches anything, DN band min < DN <= max,
-- largest clearance wins), for the current network. Written directly against pipe_segment with
-- the GiST index on the self-join and the rule lookup done once per distinct key combination.
-- Only m is materialized, so the self-join, the measuring and the bound filter form one scan
-- that PostgreSQL splits across parallel workers when the query runs without a cursor.
-- Run: psql "$(scripts/db url city_ana)" -f bench/analysis/clearance_hand.sql
WITH seg AS (
  SELECT s.fid, s.network, s.subtype, s.pressure_class AS pc, coalesce(s.dn_mm, s.width_mm) AS size, l.laying_class AS lc,
         s.start_point, s.end_point, s.owner, s.geom,
         coalesce(s.width_mm, s.dn_mm) / 2000.0 AS hw, coalesce(s.height_mm, s.dn_mm) / 2000.0 AS hh,
         pipe_centre_offset_m(s.depth_ref, s.dn_mm, s.height_mm) AS off
  FROM pipe_segment s LEFT JOIN laying_code l ON l.code = s.laying
  WHERE s.valid_to IS NULL AND s.status <> 'abandoned' AND coalesce(l.laying_class, '') <> 'overhead'
),
pair AS (
  SELECT a.fid AS a_fid, a.network AS a_net, a.subtype AS a_sub, a.pc AS a_pc, a.size AS a_size, a.lc AS a_lc, a.owner AS a_owner,
         a.geom AS a_geom, a.hw AS a_hw, a.hh AS a_hh, a.off AS a_off,
         b.fid AS b_fid, b.network AS b_net, b.subtype AS b_sub, b.pressure_class AS b_pc, coalesce(b.dn_mm, b.width_mm) AS b_size,
         bl.laying_class AS b_lc, b.owner AS b_owner, b.geom AS b_geom, coalesce(b.width_mm, b.dn_mm) / 2000.0 AS b_hw,
         coalesce(b.height_mm, b.dn_mm) / 2000.0 AS b_hh, pipe_centre_offset_m(b.depth_ref, b.dn_mm, b.height_mm) AS b_off,
         ST_Intersects(a.geom, b.geom) AS crossing
  FROM seg a
  JOIN pipe_segment b
    ON b.valid_to IS NULL AND b.status <> 'abandoned' AND b.fid > a.fid
   AND ST_DWithin(a.geom, b.geom, 2.0 + 0.2 + a.hw)  -- largest pipe rule 2.0 m + largest half size in the data 0.2 m
   AND NOT (a.network = b.network AND (a.start_point IN (b.start_point, b.end_point) OR a.end_point IN (b.start_point, b.end_point)))
  LEFT JOIN laying_code bl ON bl.code = b.laying
  WHERE coalesce(bl.laying_class, '') <> 'overhead' AND NOT (a.lc = 'tunnel' AND bl.laying_class = 'tunnel')
),
bound AS (
  SELECT direction, least(a_type, b_type) AS t1, greatest(a_type, b_type) AS t2, max(min_clearance_m)::float8 AS max_m
  FROM clearance_rule GROUP BY 1, 2, 3
),
m AS MATERIALIZED (
  SELECT p.*, CASE WHEN crossing THEN 'vertical' ELSE 'horizontal' END AS dir,
         CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
              WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
              ELSE zb + b_off - b_hh - (za + a_off + a_hh) END AS measured, x
  FROM pair p,
       LATERAL (SELECT CASE WHEN crossing THEN ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) END AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(a_geom, ST_LineLocatePoint(ST_Force2D(a_geom), x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(b_geom, ST_LineLocatePoint(ST_Force2D(b_geom), x))) AS zb) z,
       bound
  WHERE bound.direction = CASE WHEN crossing THEN 'vertical' ELSE 'horizontal' END
    AND bound.t1 = least(a_net, b_net)::text AND bound.t2 = greatest(a_net, b_net)::text
    AND CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
             WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
             ELSE zb + b_off - b_hh - (za + a_off + a_hh) END < bound.max_m - 0.0005  -- only pairs closer than the largest rule for their networks can violate
),
k AS (
  SELECT DISTINCT dir, a_net, a_sub, a_pc, a_size, a_lc, b_net, b_sub, b_pc, b_size, b_lc FROM m
),
kr AS MATERIALIZED (
  SELECT k.*, r.id, r.min_clearance_m::float8 AS req, r.source_clause, r.confidence
  FROM k CROSS JOIN LATERAL (
    SELECT * FROM clearance_rule r
    WHERE r.direction = k.dir
      AND ((r.a_type = k.a_net AND (r.a_subtype IS NULL OR r.a_subtype = k.a_sub) AND (r.a_pressure_class IS NULL OR r.a_pressure_class = k.a_pc)
            AND (r.a_dn_min_mm IS NULL OR k.a_size > r.a_dn_min_mm) AND (r.a_dn_max_mm IS NULL OR k.a_size <= r.a_dn_max_mm)
            AND (r.a_laying_class IS NULL OR r.a_laying_class = k.a_lc)
            AND r.b_type = k.b_net AND (r.b_subtype IS NULL OR r.b_subtype = k.b_sub) AND (r.b_pressure_class IS NULL OR r.b_pressure_class = k.b_pc)
            AND (r.b_dn_min_mm IS NULL OR k.b_size > r.b_dn_min_mm) AND (r.b_dn_max_mm IS NULL OR k.b_size <= r.b_dn_max_mm)
            AND (r.b_laying_class IS NULL OR r.b_laying_class = k.b_lc))
        OR (r.a_type = k.b_net AND (r.a_subtype IS NULL OR r.a_subtype = k.b_sub) AND (r.a_pressure_class IS NULL OR r.a_pressure_class = k.b_pc)
            AND (r.a_dn_min_mm IS NULL OR k.b_size > r.a_dn_min_mm) AND (r.a_dn_max_mm IS NULL OR k.b_size <= r.a_dn_max_mm)
            AND (r.a_laying_class IS NULL OR r.a_laying_class = k.b_lc)
            AND r.b_type = k.a_net AND (r.b_subtype IS NULL OR r.b_subtype = k.a_sub) AND (r.b_pressure_class IS NULL OR r.b_pressure_class = k.a_pc)
            AND (r.b_dn_min_mm IS NULL OR k.a_size > r.b_dn_min_mm) AND (r.b_dn_max_mm IS NULL OR k.a_size <= r.b_dn_max_mm)
            AND (r.b_laying_class IS NULL OR r.b_laying_class = k.a_lc)))
    ORDER BY r.min_clearance_m DESC, r.id LIMIT 1) r
)
SELECT m.dir, m.a_fid, m.b_fid, m.measured, kr.req, kr.id AS rule_id, kr.source_clause, kr.confidence, m.a_owner, m.b_owner,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(m.a_geom), ST_Force2D(m.b_geom)), 0.5)), 4326), 7) AS location
FROM m
JOIN kr ON kr.dir = m.dir AND kr.a_net = m.a_net AND kr.b_net = m.b_net AND kr.a_size IS NOT DISTINCT FROM m.a_size
       AND kr.b_size IS NOT DISTINCT FROM m.b_size AND kr.a_sub IS NOT DISTINCT FROM m.a_sub AND kr.b_sub IS NOT DISTINCT FROM m.b_sub
       AND kr.a_pc IS NOT DISTINCT FROM m.a_pc AND kr.b_pc IS NOT DISTINCT FROM m.b_pc
       AND kr.a_lc IS NOT DISTINCT FROM m.a_lc AND kr.b_lc IS NOT DISTINCT FROM m.b_lc
WHERE m.measured < kr.req - 0.0005
ORDER BY m.dir, m.a_fid, m.b_fid;
