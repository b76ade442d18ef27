-- Clearance check (净距分析), wall to wall, GB 50289 Tables 4.1.9 and 4.1.14 via clearance_rule.
-- Slot pairs: the CTEs of pairs.sql (rendered with reach lim.rule_m + lim.half_m + a.half_width_m).
-- A pair that crosses in plan is checked vertically at the crossing: underside of the upper
-- minus the top of the lower (centre = surveyed Z + pipe_centre_offset_m, ± half the height).
-- Any other pair is checked horizontally in plan (XY only: Z never excuses a horizontal
-- shortfall): centreline distance minus the two half widths. The governing rule comes from
-- clearance_rule_for(), looked up once per distinct combination of the rule keys of the pairs
-- closer than the largest rule for their two networks and direction (bound): no other pair can
-- violate, and pairs of networks no rule covers are not measured at all. Only candidate is
-- materialized: the pair search, the measuring and the bound filter are one scan, which
-- PostgreSQL splits across parallel workers (V8, Session.templateAll).
{pairs},
bound AS (
  SELECT direction, least(a_type, b_type) AS t1, greatest(a_type, b_type) AS t2, max(min_clearance_m)::float8 AS max_m
  FROM clearance_rule GROUP BY 1, 2, 3
),
candidate AS MATERIALIZED (
  SELECT p.*, bd.direction,
         meas.measured_m,
         CASE WHEN crossing THEN abs((za + a_off) - (zb + b_off)) ELSE c.plan_m END AS centre_distance_m,
         c.x,
         CASE WHEN NOT crossing THEN NULL WHEN za + a_off >= zb + b_off THEN a_fid ELSE b_fid END AS upper_fid
  FROM pair p
  JOIN bound bd ON bd.direction = CASE WHEN p.crossing THEN 'vertical' ELSE 'horizontal' END
               AND bd.t1 = least(p.a_network, p.b_network)::text AND bd.t2 = greatest(p.a_network, p.b_network)::text,
       -- plan_m is read only for pairs that do not cross, za and zb only for crossing ones (x is
       -- NULL otherwise): no CASE on crossing here, as each would re-evaluate ST_Intersects.
       LATERAL (SELECT ST_Distance(p.a_geom, p.b_geom) AS plan_m,
                       CASE WHEN p.crossing THEN ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) END AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(p.a_geom, ST_LineLocatePoint(ST_Force2D(p.a_geom), c.x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(p.b_geom, ST_LineLocatePoint(ST_Force2D(p.b_geom), c.x))) AS zb) z,
       LATERAL (SELECT CASE WHEN NOT crossing THEN c.plan_m - a_hw - b_hw
                            WHEN za + a_off >= zb + b_off THEN (za + a_off - a_hh) - (zb + b_off + b_hh)
                            ELSE (zb + b_off - b_hh) - (za + a_off + a_hh) END AS measured_m) meas
  WHERE meas.measured_m < bd.max_m - 0.0005
),
rule AS MATERIALIZED (
  SELECT k.*, r.*
  FROM (SELECT DISTINCT direction AS k_dir, a_network AS k_an, a_subtype AS k_as, a_pc AS k_ap, a_size AS k_az, a_lc AS k_al,
               b_network AS k_bn, b_subtype AS k_bs, b_pc AS k_bp, b_size AS k_bz, b_lc AS k_bl
        FROM candidate) k
  CROSS JOIN LATERAL clearance_rule_for(k.k_dir, k.k_an, nullif(k.k_as, ''), nullif(k.k_ap, ''), nullif(k.k_az, 0),
                                        nullif(k.k_al, ''), k.k_bn, nullif(k.k_bs, ''), nullif(k.k_bp, ''), nullif(k.k_bz, 0),
                                        nullif(k.k_bl, '')) r
)
SELECT m.direction, m.a_fid, m.b_fid, m.a_network, m.b_network, nullif(m.a_size, 0) AS a_size, nullif(m.b_size, 0) AS b_size,
       m.a_owner, m.b_owner, oa.name AS a_owner_name, ob.name AS b_owner_name, m.upper_fid,
       m.measured_m, m.centre_distance_m, r.min_clearance_m AS required_m, r.rule_id, r.source_clause, r.confidence,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(m.a_geom), ST_Force2D(m.b_geom)), 0.5)),
                                 4326), 7) AS location
FROM candidate m
JOIN rule r ON r.k_dir = m.direction AND r.k_an = m.a_network AND r.k_as = m.a_subtype AND r.k_ap = m.a_pc AND r.k_az = m.a_size
           AND r.k_al = m.a_lc AND r.k_bn = m.b_network AND r.k_bs = m.b_subtype AND r.k_bp = m.b_pc AND r.k_bz = m.b_size
           AND r.k_bl = m.b_lc
LEFT JOIN organization oa ON oa.code = m.a_owner
LEFT JOIN organization ob ON ob.code = m.b_owner
WHERE m.measured_m < r.min_clearance_m - 0.0005
ORDER BY m.direction, least(m.a_fid, m.b_fid), greatest(m.a_fid, m.b_fid)
