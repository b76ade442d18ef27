-- Every pair of current pipe segments closer in plan (outer wall to outer wall, pipe_section) than the largest matching horizontal clearance_rule;
-- crossing and touching pairs are left to the vertical check. Columns: a_fid, b_fid, clearance, required.
-- Types are the clearance_type of each pipe (pipe_clearance_type: trench GG, tunnel ZH, reclaimed water ZS, else the network).
WITH pairs AS (
  SELECT a.fid AS a_fid, b.fid AS b_fid,
         ST_Distance(a.geom, b.geom) - sa.half_width_m - sb.half_width_m AS clearance,
         pipe_clearance_type(a.network, a.subtype, la.laying_class) AS an, a.subtype AS ast, a.pressure_class AS apc, a.dn_mm AS adn, la.laying_class AS alc,
         pipe_clearance_type(b.network, b.subtype, lb.laying_class) AS bn, b.subtype AS bst, b.pressure_class AS bpc, b.dn_mm AS bdn, lb.laying_class AS blc
  FROM pipe_segment a JOIN pipe_segment b ON ST_DWithin(a.geom, b.geom, 4) AND a.fid - b.fid < 0
  JOIN laying_code la ON la.code = a.laying JOIN laying_code lb ON lb.code = b.laying
  CROSS JOIN LATERAL pipe_section(a.material, a.depth_ref, a.dn_mm, a.width_mm, a.height_mm) sa
  CROSS JOIN LATERAL pipe_section(b.material, b.depth_ref, b.dn_mm, b.width_mm, b.height_mm) sb
  WHERE a.valid_to IS NULL AND b.valid_to IS NULL AND NOT ST_Intersects(a.geom, b.geom)
)
SELECT a_fid, b_fid, round(clearance::numeric, 3) AS clearance, max(r.min_clearance_m) AS required
FROM pairs JOIN clearance_rule r ON r.direction = 'horizontal' AND (
  (r.a_type = an AND (r.a_subtype IS NULL OR r.a_subtype = ast) AND (r.a_pressure_class IS NULL OR r.a_pressure_class = apc)
   AND (r.a_dn_min_mm IS NULL OR adn > r.a_dn_min_mm) AND (r.a_dn_max_mm IS NULL OR adn <= r.a_dn_max_mm)
   AND (r.a_laying_class IS NULL OR r.a_laying_class = alc)
   AND r.b_type = bn AND (r.b_subtype IS NULL OR r.b_subtype = bst) AND (r.b_pressure_class IS NULL OR r.b_pressure_class = bpc)
   AND (r.b_dn_min_mm IS NULL OR bdn > r.b_dn_min_mm) AND (r.b_dn_max_mm IS NULL OR bdn <= r.b_dn_max_mm)
   AND (r.b_laying_class IS NULL OR r.b_laying_class = blc))
  OR
  (r.a_type = bn AND (r.a_subtype IS NULL OR r.a_subtype = bst) AND (r.a_pressure_class IS NULL OR r.a_pressure_class = bpc)
   AND (r.a_dn_min_mm IS NULL OR bdn > r.a_dn_min_mm) AND (r.a_dn_max_mm IS NULL OR bdn <= r.a_dn_max_mm)
   AND (r.a_laying_class IS NULL OR r.a_laying_class = blc)
   AND r.b_type = an AND (r.b_subtype IS NULL OR r.b_subtype = ast) AND (r.b_pressure_class IS NULL OR r.b_pressure_class = apc)
   AND (r.b_dn_min_mm IS NULL OR adn > r.b_dn_min_mm) AND (r.b_dn_max_mm IS NULL OR adn <= r.b_dn_max_mm)
   AND (r.b_laying_class IS NULL OR r.b_laying_class = alc)))
GROUP BY a_fid, b_fid, clearance
HAVING clearance < max(r.min_clearance_m)
ORDER BY 1, 2
