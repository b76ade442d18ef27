-- CRS84 geometries of the segments and points of an answer.
SELECT 'segment' AS kind, s.fid, ST_AsGeoJSON(ST_Transform(ST_Force2D(s.geom), 4326), 7) AS geometry
FROM pipe_segment s
WHERE s.fid = ANY(CAST(:segments AS bigint[])) AND valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz))
UNION ALL
SELECT 'point', p.fid, ST_AsGeoJSON(ST_Transform(ST_Force2D(p.geom), 4326), 7)
FROM pipe_point p
WHERE p.fid = ANY(CAST(:points AS bigint[])) AND valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz))
