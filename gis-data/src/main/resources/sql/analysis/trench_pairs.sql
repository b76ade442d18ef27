-- Trench sharing (共建共享): pairs of planned works (planned, approved or in progress at :as_of)
-- whose corridors lie within :distance_m of each other and whose time windows overlap. Returns
-- both corridors (native WKB, for the shared-length computation) and the shared zone: where the
-- corridors, each grown by half the distance, overlap (CRS84).
WITH {scope_cte},
p AS (
  SELECT * FROM construction_project c
  WHERE valid_at(c.valid_from, c.valid_to, CAST(:as_of AS timestamptz))
    AND c.status IN ('planned', 'approved', 'in_progress') AND {scope}
)
SELECT a.project_code AS a_code, a.name AS a_name, a.owner AS a_owner, oa.name AS a_owner_name, a.trench_depth_m::float8 AS a_depth_m,
       a.planned_start AS a_start, a.planned_end AS a_end, ST_AsBinary(ST_Force2D(a.geom)) AS a_wkb,
       b.project_code AS b_code, b.name AS b_name, b.owner AS b_owner, ob.name AS b_owner_name, b.trench_depth_m::float8 AS b_depth_m,
       b.planned_start AS b_start, b.planned_end AS b_end, ST_AsBinary(ST_Force2D(b.geom)) AS b_wkb,
       greatest(a.planned_start, b.planned_start)::text AS overlap_start, least(a.planned_end, b.planned_end)::text AS overlap_end,
       ST_Distance(a.geom, b.geom) AS gap_m,
       ST_AsGeoJSON(ST_Transform(ST_Intersection(ST_Buffer(ST_Force2D(a.geom), CAST(:distance_m AS float8) / 2, 'join=mitre'),
                                                 ST_Buffer(ST_Force2D(b.geom), CAST(:distance_m AS float8) / 2, 'join=mitre')), 4326), 7) AS zone
FROM p a
JOIN construction_project b
  ON valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND b.status IN ('planned', 'approved', 'in_progress')
 AND ST_DWithin(a.geom, b.geom, CAST(:distance_m AS float8)) AND b.fid <> a.fid
 AND a.planned_start <= b.planned_end AND b.planned_start <= a.planned_end
LEFT JOIN organization oa ON oa.code = a.owner
LEFT JOIN organization ob ON ob.code = b.owner
WHERE a.project_code < b.project_code OR NOT EXISTS (SELECT 1 FROM p WHERE p.fid = b.fid)
ORDER BY least(a.project_code, b.project_code), greatest(a.project_code, b.project_code)
