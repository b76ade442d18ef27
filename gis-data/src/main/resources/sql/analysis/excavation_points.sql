-- Excavation impact, pipe points (wells, valves, hydrants …) inside the pit.
SELECT p.fid, p.network, p.exp_no, coalesce(p.appurtenance, p.feature) AS kind, p.owner, o.name AS owner_name,
       ST_AsGeoJSON(ST_Transform(ST_Force2D(p.geom), 4326), 7) AS location
FROM pipe_point p
LEFT JOIN organization o ON o.code = p.owner
WHERE valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz))
  AND ST_Intersects(p.geom, ST_GeomFromEWKB(CAST(:pit AS bytea)))
ORDER BY p.fid
