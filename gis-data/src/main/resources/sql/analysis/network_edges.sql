-- The segments of one network within :radius_m of :centre (all that touch the disc, so every
-- node inside it has all its segments), with each end's distance from the centre and the
-- pressure class (gas: a regulator separates two classes). The walk needs no pipe sizes, so it
-- reads pipe_segment, not pipe_solid_at() (whose joins to laying_code and pipe_wall each walk
-- would plan and run for nothing).
SELECT s.fid, s.start_point, s.end_point, s.flow_dir, s.pressure_class, ST_Length(s.geom) AS length_m,
       ST_Distance(ST_StartPoint(s.geom), c.g) AS start_dist_m, ST_Distance(ST_EndPoint(s.geom), c.g) AS end_dist_m
FROM pipe_segment s,
     (SELECT ST_GeomFromEWKB(CAST(:centre AS bytea)) AS g) c
WHERE valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz))
  AND s.network = CAST(:network AS text) AND s.status <> 'abandoned'
  AND ST_DWithin(s.geom, c.g, CAST(:radius_m AS float8))
ORDER BY s.fid
