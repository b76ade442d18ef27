-- Every segment end whose cover (ground elevation of its point minus the outer top of the pipe, pipe_section) is below the most specific
-- cover_rule of either road position, raised to the frost depth where frost governs. Columns: fid, exp_no, cover, required.
WITH ends AS (
  SELECT s.fid, s.network, s.material, l.laying_class, e.exp_no,
         e.z + x.centre_offset_m + x.half_height_m AS top
  FROM pipe_segment s JOIN laying_code l ON l.code = s.laying
  CROSS JOIN LATERAL pipe_section(s.material, s.depth_ref, s.dn_mm, s.width_mm, s.height_mm) x
  CROSS JOIN LATERAL (VALUES (s.start_point, ST_Z(ST_StartPoint(s.geom))), (s.end_point, ST_Z(ST_EndPoint(s.geom)))) e(exp_no, z)
  WHERE s.valid_to IS NULL
), governing AS (
  SELECT DISTINCT ON (ends.fid, ends.exp_no, r.road_position) ends.fid, ends.exp_no, ends.top, r.id,
         CASE WHEN r.frost_governs THEN greatest(r.min_cover_m, (SELECT value FROM analysis_setting WHERE key = 'frost_depth_m')
           + CASE WHEN ends.network = 'JS' THEN (SELECT value FROM analysis_setting WHERE key = 'frost_margin_water_m') ELSE 0 END)
         ELSE r.min_cover_m END AS need
  FROM ends JOIN cover_rule r ON r.network = ends.network AND (r.laying_class IS NULL OR r.laying_class = ends.laying_class)
       AND (r.material IS NULL OR r.material = ends.material)
  ORDER BY ends.fid, ends.exp_no, r.road_position, (r.laying_class IS NOT NULL)::int + (r.material IS NOT NULL)::int DESC, r.min_cover_m DESC
)
SELECT g.fid, g.exp_no, round((p.ground_elev_m - g.top)::numeric, 3) AS cover, max(g.need) AS required
FROM governing g JOIN pipe_point p ON p.exp_no = g.exp_no AND p.valid_to IS NULL
GROUP BY g.fid, g.exp_no, p.ground_elev_m, g.top
HAVING p.ground_elev_m - g.top < max(g.need)
ORDER BY 1, 2
