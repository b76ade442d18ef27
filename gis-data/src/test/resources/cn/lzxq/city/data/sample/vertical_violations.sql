-- Every crossing of two current pipe segments (not sharing a point) whose vertical outer-wall-to-outer-wall gap (pipe_section) is below the
-- largest matching vertical clearance_rule, or below 0 (a collision) where no rule matches. Columns: a_fid, b_fid, gap, required.
WITH crossings AS (
  SELECT a.fid AS a_fid, b.fid AS b_fid, pipe_clearance_type(a.network, a.subtype, la.laying_class) AS an, a.subtype AS ast, a.pressure_class AS apc, a.dn_mm AS adn,
         la.laying_class AS alc, pipe_clearance_type(b.network, b.subtype, lb.laying_class) AS bn, b.subtype AS bst, b.pressure_class AS bpc, b.dn_mm AS bdn, lb.laying_class AS blc,
         sa.centre_offset_m AS ac, sa.half_height_m AS ah, sb.centre_offset_m AS bc, sb.half_height_m AS bh,
         ST_Z(ST_LineInterpolatePoint(a.geom, ST_LineLocatePoint(a.geom, ST_Intersection(ST_Force2D(a.geom), ST_Force2D(b.geom))))) AS az,
         ST_Z(ST_LineInterpolatePoint(b.geom, ST_LineLocatePoint(b.geom, ST_Intersection(ST_Force2D(a.geom), ST_Force2D(b.geom))))) AS bz
  FROM pipe_segment a JOIN pipe_segment b ON ST_Intersects(a.geom, b.geom) AND a.fid - b.fid < 0
  JOIN laying_code la ON la.code = a.laying JOIN laying_code lb ON lb.code = b.laying
  CROSS JOIN LATERAL pipe_section(a.material, a.depth_ref, a.dn_mm, a.width_mm, a.height_mm) sa
  CROSS JOIN LATERAL pipe_section(b.material, b.depth_ref, b.dn_mm, b.width_mm, b.height_mm) sb
  WHERE a.valid_to IS NULL AND b.valid_to IS NULL
    AND a.start_point NOT IN (b.start_point, b.end_point) AND a.end_point NOT IN (b.start_point, b.end_point)
), walls AS (
  SELECT *, az + ac - ah AS a_bottom, az + ac + ah AS a_top, bz + bc - bh AS b_bottom, bz + bc + bh AS b_top
  FROM crossings
), gaps AS (
  SELECT *, greatest(a_bottom - b_top, b_bottom - a_top) AS gap FROM walls
)
SELECT a_fid, b_fid, round(gap::numeric, 3) AS gap, coalesce(max(r.min_clearance_m), 0) AS required
FROM gaps LEFT JOIN clearance_rule r ON r.direction = 'vertical' AND (
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
GROUP BY a_fid, b_fid, gap
HAVING gap < coalesce(max(r.min_clearance_m), 0)
ORDER BY 1, 2
