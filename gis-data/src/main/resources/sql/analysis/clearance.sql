-- Clearance check (净距分析), wall to wall, GB 50289 Tables 4.1.9 and 4.1.14 via clearance_rule.
-- Slot pairs: the CTEs of pairs.sql (rendered with reach lim.rule_m + lim.half_m + a.half_width_m).
-- A pair that crosses in plan is checked vertically at the crossing: underside of the upper
-- minus the top of the lower (centre = surveyed Z + pipe_centre_offset_m, ± half the height).
-- Any other pair is checked horizontally in plan (XY only: Z never excuses a horizontal
-- shortfall): centreline distance minus the two half widths. The governing rule of a pair is
-- the clearance_rule_matrix() row (V9) of the two pipes' rule keys (their clearance types,
-- pipe_clearance_type, V20), the same rows as clearance_rule_for() gives. A pair farther apart
-- in plan than its own horizontal requirement plus the half widths is dropped before it is
-- measured. Verdicts: violation (below the rule); special_assessment (a special_assessment rule
-- governs: reported within the reach whatever the gap); unchecked (需人工复核: no rule of the
-- pair's direction covers its types, within the reach of the largest pipe-to-pipe rule, or
-- crossing). Only candidate, the reported pairs, is materialized: the pair search, the rule
-- lookup, the measuring and the filter are one scan, which PostgreSQL splits across parallel
-- workers (V8, Session.templateAll).
{pairs},
candidate AS MATERIALIZED (
  SELECT p.*, CASE WHEN p.crossing THEN 'vertical' ELSE 'horizontal' END AS direction,
         meas.measured_m, req.required_m, req.rule_id,
         CASE WHEN req.rule_id IS NULL THEN 'unchecked'
              WHEN req.special AND meas.measured_m >= req.required_m - 0.0005 THEN 'special_assessment'
              ELSE 'violation' END AS verdict,
         CASE WHEN crossing THEN abs((za + a_off) - (zb + b_off)) ELSE c.plan_m END AS centre_distance_m,
         c.x,
         CASE WHEN NOT crossing THEN NULL WHEN za + a_off >= zb + b_off THEN a_fid ELSE b_fid END AS upper_fid
  FROM pair p
  LEFT JOIN clearance_rule_class() ca ON ca.type = p.a_type
  LEFT JOIN clearance_rule_class() cb ON cb.type = p.b_type
  LEFT JOIN clearance_rule_matrix() mx
    ON mx.a_key = clearance_rule_key(ca.type, ca.subtypes, ca.pressure_classes, ca.dn_bounds, ca.laying_classes,
                                     p.a_subtype, p.a_pc, nullif(p.a_size, 0), p.a_lc)
   AND mx.b_key = clearance_rule_key(cb.type, cb.subtypes, cb.pressure_classes, cb.dn_bounds, cb.laying_classes,
                                     p.b_subtype, p.b_pc, nullif(p.b_size, 0), p.b_lc)
  LEFT JOIN clearance_rule sr
    ON sr.id = CASE WHEN p.crossing THEN mx.vertical_rule_id ELSE mx.horizontal_rule_id END AND sr.special_assessment,
       -- plan_m is read only for pairs that do not cross, za and zb only for crossing ones (x is
       -- NULL otherwise); crossing is a column of pair, computed once per pair (pairs.sql).
       LATERAL (SELECT CASE WHEN p.crossing THEN mx.vertical_m ELSE mx.horizontal_m END AS required_m,
                       CASE WHEN p.crossing THEN mx.vertical_rule_id ELSE mx.horizontal_rule_id END AS rule_id,
                       sr.id IS NOT NULL AS special) req,
       LATERAL (SELECT ST_Distance(p.a_geom, p.b_geom) AS plan_m,
                       CASE WHEN p.crossing THEN ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) END AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(p.a_geom, ST_LineLocatePoint(ST_Force2D(p.a_geom), c.x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(p.b_geom, ST_LineLocatePoint(ST_Force2D(p.b_geom), c.x))) AS zb) z,
       LATERAL (SELECT CASE WHEN NOT crossing THEN c.plan_m - a_hw - b_hw
                            WHEN za + a_off >= zb + b_off THEN (za + a_off - a_hh) - (zb + b_off + b_hh)
                            ELSE (zb + b_off - b_hh) - (za + a_off + a_hh) END AS measured_m) meas
  -- Pre-filters that keep every pair that may be reported, cheapest first: in plan within the
  -- pair's horizontal requirement (the largest pipe-to-pipe rule for a special or unchecked pair)
  -- plus the half widths (a crossing pair is at plan distance 0); and for a ruled crossing, the
  -- two pipes' elevation ranges (lowest vertex underside to highest vertex top) closer than the
  -- pair's vertical requirement, or the gap at the crossing is at least as large.
  WHERE ST_DWithin(p.a_geom, p.b_geom,
                   CASE WHEN req.rule_id IS NULL OR req.special THEN p.reach_m ELSE mx.horizontal_m END + p.a_hw + p.b_hw)
    AND (req.rule_id IS NULL OR req.special
         OR (NOT p.crossing
             OR (ST_ZMin(p.a_geom) + a_off - a_hh - (ST_ZMax(p.b_geom) + b_off + b_hh) < mx.vertical_m
                 AND ST_ZMin(p.b_geom) + b_off - b_hh - (ST_ZMax(p.a_geom) + a_off + a_hh) < mx.vertical_m))
            AND meas.measured_m < req.required_m - 0.0005)
)
SELECT m.verdict, m.direction, m.a_type, m.b_type, m.a_fid, m.b_fid, m.a_network, m.b_network, m.a_dn, m.a_width, m.a_height, m.a_material, m.a_laying, m.a_road, m.a_start_point, m.a_end_point, m.a_start_depth, m.a_end_depth, ST_Z(ST_StartPoint(m.a_geom)) AS a_start_elev, ST_Z(ST_EndPoint(m.a_geom)) AS a_end_elev,
       oa.contact_person AS a_owner_person, oa.phone AS a_owner_phone, oa.email AS a_owner_email,
       m.b_dn, m.b_width, m.b_height, m.b_material, m.b_laying, m.b_road, m.b_start_point, m.b_end_point, m.b_start_depth, m.b_end_depth, ST_Z(ST_StartPoint(m.b_geom)) AS b_start_elev, ST_Z(ST_EndPoint(m.b_geom)) AS b_end_elev,
       ob.contact_person AS b_owner_person, ob.phone AS b_owner_phone, ob.email AS b_owner_email,
       m.a_owner, m.b_owner, oa.name AS a_owner_name, ob.name AS b_owner_name, m.upper_fid,
       m.measured_m, m.centre_distance_m, m.required_m, m.rule_id, r.source_clause, r.confidence,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(m.a_geom), ST_Force2D(m.b_geom)), 0.5)),
                                 4326), 7) AS location
FROM candidate m
LEFT JOIN clearance_rule r ON r.id = m.rule_id
LEFT JOIN organization oa ON oa.code = m.a_owner
LEFT JOIN organization ob ON ob.code = m.b_owner
ORDER BY m.verdict DESC, m.direction, least(m.a_fid, m.b_fid), greatest(m.a_fid, m.b_fid)
