-- Existing ducts with spare holes (total_holes > used_holes) in the scope — for a project scope,
-- within :distance_m of its corridor — that a new telecom or power line could use instead of digging.
WITH {scope_cte}
SELECT s.fid, s.network, s.owner, o.name AS owner_name, s.total_holes, s.used_holes, s.total_holes - s.used_holes AS spare_holes,
       s.laying, s.size_mm, s.height_mm, ST_Length(s.geom) AS length_m, s.road_name,
       ST_AsGeoJSON(ST_Transform(ST_Force2D(s.geom), 4326), 7) AS location
FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s
LEFT JOIN organization o ON o.code = s.owner
WHERE s.status <> 'abandoned' AND s.total_holes > coalesce(s.used_holes, 0)
  AND (CAST(:project AS text) IS NULL OR ST_DWithin(s.geom, (SELECT r FROM scope_region), CAST(:distance_m AS float8)))
  AND (CAST(:project AS text) IS NOT NULL OR ({scope}))
  AND (CAST(:want_network AS text) IS NULL OR s.network = CAST(:want_network AS text))
ORDER BY s.total_holes - s.used_holes DESC, s.fid
