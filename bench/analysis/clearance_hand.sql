-- The best single hand-written PostGIS query found for the whole-city clearance check: the same
-- answer as the service's clearance analysis (GB 50289 horizontal clearances in plan between
-- non-crossing pairs, vertical clearances at crossings, wall to wall, buried pipes not both in a
-- utility tunnel, segments of one network sharing a surveyed point not paired, the governing
-- clearance_rule row per pair: either order, NULL matches anything, DN band min < DN <= max,
-- largest clearance wins), for the current network. Written directly against pipe_segment with
-- the GiST index on the self-join; the governing rule of a pair comes from the rule matrix of
-- V9 (clearance_rule_matrix() over the keys of clearance_rule_key(), both derived from
-- clearance_rule), joined inside the scan, and each pair is pre-filtered by its own
-- requirement: in plan within its horizontal clearance plus the half widths, and for a
-- crossing the two pipes' elevation ranges closer than its vertical clearance. Only m, the
-- violations, is materialized, so the self-join, the rule lookup, the measuring and the filter
-- form one scan that PostgreSQL splits across parallel workers when the query runs without a
-- cursor. Run: psql "$(scripts/db url city_ana)" -f bench/analysis/clearance_hand.sql
WITH seg AS (
  SELECT s.fid, s.network, s.start_point, s.end_point, s.owner, s.geom, l.laying_class AS lc,
         coalesce(s.width_mm, s.dn_mm) / 2000.0 AS hw, coalesce(s.height_mm, s.dn_mm) / 2000.0 AS hh,
         pipe_centre_offset_m(s.depth_ref, s.dn_mm, s.height_mm) AS off,
         clearance_rule_key(c.type, c.subtypes, c.pressure_classes, c.dn_bounds, c.laying_classes,
                            s.subtype, s.pressure_class, coalesce(s.dn_mm, s.width_mm), l.laying_class) AS key
  FROM pipe_segment s
  JOIN clearance_rule_class() c ON c.type = s.network
  LEFT JOIN laying_code l ON l.code = s.laying
  WHERE s.valid_to IS NULL AND s.status <> 'abandoned' AND coalesce(l.laying_class, '') <> 'overhead'
),
pair AS (
  SELECT a.fid AS a_fid, a.network AS a_net, a.owner AS a_owner, a.geom AS a_geom, a.hw AS a_hw, a.hh AS a_hh, a.off AS a_off,
         a.key AS a_key,
         b.fid AS b_fid, b.network AS b_net, b.owner AS b_owner, b.geom AS b_geom, coalesce(b.width_mm, b.dn_mm) / 2000.0 AS b_hw,
         coalesce(b.height_mm, b.dn_mm) / 2000.0 AS b_hh, pipe_centre_offset_m(b.depth_ref, b.dn_mm, b.height_mm) AS b_off,
         clearance_rule_key(cb.type, cb.subtypes, cb.pressure_classes, cb.dn_bounds, cb.laying_classes,
                            b.subtype, b.pressure_class, coalesce(b.dn_mm, b.width_mm), bl.laying_class) AS b_key,
         ST_Intersects(a.geom, b.geom) AS crossing
  FROM seg a
  JOIN pipe_segment b
    ON b.valid_to IS NULL AND b.status <> 'abandoned' AND b.fid > a.fid
   AND ST_DWithin(a.geom, b.geom, 2.0 + 0.2 + a.hw)  -- largest pipe rule 2.0 m + largest half size in the data 0.2 m
   AND NOT (a.network = b.network AND (a.start_point IN (b.start_point, b.end_point) OR a.end_point IN (b.start_point, b.end_point)))
  JOIN clearance_rule_class() cb ON cb.type = b.network
  LEFT JOIN laying_code bl ON bl.code = b.laying
  WHERE coalesce(bl.laying_class, '') <> 'overhead' AND NOT (a.lc = 'tunnel' AND bl.laying_class = 'tunnel')
),
m AS MATERIALIZED (
  SELECT p.*, CASE WHEN crossing THEN 'vertical' ELSE 'horizontal' END AS dir,
         CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
              WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
              ELSE zb + b_off - b_hh - (za + a_off + a_hh) END AS measured,
         CASE WHEN crossing THEN mx.vertical_m ELSE mx.horizontal_m END AS req,
         CASE WHEN crossing THEN mx.vertical_rule_id ELSE mx.horizontal_rule_id END AS rule_id, x
  FROM pair p
  JOIN clearance_rule_matrix() mx ON mx.a_key = p.a_key AND mx.b_key = p.b_key,
       LATERAL (SELECT CASE WHEN crossing THEN ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) END AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(a_geom, ST_LineLocatePoint(ST_Force2D(a_geom), x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(b_geom, ST_LineLocatePoint(ST_Force2D(b_geom), x))) AS zb) z
  WHERE ST_DWithin(a_geom, b_geom, coalesce(mx.horizontal_m, 0) + a_hw + b_hw)
    AND (NOT crossing
         OR (ST_ZMin(a_geom) + a_off - a_hh - (ST_ZMax(b_geom) + b_off + b_hh) < mx.vertical_m
             AND ST_ZMin(b_geom) + b_off - b_hh - (ST_ZMax(a_geom) + a_off + a_hh) < mx.vertical_m))
    AND CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
             WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
             ELSE zb + b_off - b_hh - (za + a_off + a_hh) END
        < CASE WHEN crossing THEN mx.vertical_m ELSE mx.horizontal_m END - 0.0005
)
SELECT m.dir, m.a_fid, m.b_fid, m.measured, m.req, m.rule_id, r.source_clause, r.confidence, m.a_owner, m.b_owner,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(m.a_geom), ST_Force2D(m.b_geom)), 0.5)), 4326), 7) AS location
FROM m
JOIN clearance_rule r ON r.id = m.rule_id
ORDER BY m.dir, m.a_fid, m.b_fid;
