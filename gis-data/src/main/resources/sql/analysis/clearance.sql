-- Clearance check (净距分析), wall to wall, GB 50289 Tables 4.1.9 and 4.1.14 via clearance_rule.
-- Slot pairs: the CTEs of pairs.sql (rendered with reach lim.rule_m + lim.half_m + a.half_width_m).
-- A pair that crosses in plan is checked vertically at the crossing: underside of the upper
-- minus the top of the lower (centre = surveyed Z + pipe_centre_offset_m, ± half the height).
-- Any other pair is checked horizontally in plan (XY only: Z never excuses a horizontal
-- shortfall): centreline distance minus the two half widths.
{pairs},
measured AS (
  SELECT p.*, 'horizontal' AS direction,
         ST_Distance(a_geom, b_geom) - a_hw - b_hw AS measured_m,
         ST_Distance(a_geom, b_geom) AS centre_distance_m,
         ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(a_geom), ST_Force2D(b_geom)), 0.5) AS at,
         NULL::bigint AS upper_fid
  FROM pair p
  WHERE NOT crossing
  UNION ALL
  SELECT p.*, 'vertical',
         CASE WHEN za + a_off >= zb + b_off THEN (za + a_off - a_hh) - (zb + b_off + b_hh)
              ELSE (zb + b_off - b_hh) - (za + a_off + a_hh) END,
         abs((za + a_off) - (zb + b_off)),
         x,
         CASE WHEN za + a_off >= zb + b_off THEN a_fid ELSE b_fid END
  FROM pair p,
       LATERAL (SELECT ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(p.a_geom, ST_LineLocatePoint(ST_Force2D(p.a_geom), c.x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(p.b_geom, ST_LineLocatePoint(ST_Force2D(p.b_geom), c.x))) AS zb) z
  WHERE crossing
)
SELECT m.direction, m.a_fid, m.b_fid, m.a_network, m.b_network, m.a_size, m.b_size, m.a_owner, m.b_owner,
       oa.name AS a_owner_name, ob.name AS b_owner_name, m.upper_fid,
       m.measured_m, m.centre_distance_m, r.min_clearance_m AS required_m, r.rule_id, r.source_clause, r.confidence,
       ST_AsGeoJSON(ST_Transform(m.at, 4326), 7) AS location
FROM measured m
CROSS JOIN LATERAL clearance_rule_for(m.direction, m.a_network, m.a_subtype, m.a_pc, m.a_size, m.a_lc,
                                      m.b_network, m.b_subtype, m.b_pc, m.b_size, m.b_lc) r
LEFT JOIN organization oa ON oa.code = m.a_owner
LEFT JOIN organization ob ON ob.code = m.b_owner
WHERE m.measured_m < r.min_clearance_m - 0.0005
ORDER BY m.direction, least(m.a_fid, m.b_fid), greatest(m.a_fid, m.b_fid)
