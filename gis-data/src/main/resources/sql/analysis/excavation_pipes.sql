-- Excavation impact (开挖分析), pipes: every current segment whose plan passes through the pit or
-- within :buffer_m of its edge (outer wall to edge, plan). Inside: the pit bottom follows the
-- ground (ground − :depth_m); it is measured at every vertex of the part inside the pit — where
-- the segment crosses the edge and at its surveyed points — with the ground interpolated there
-- from the surveyed points; the segment is hit where its top (surveyed Z + pipe_centre_offset_m +
-- half the height) lies above the bottom, and reported at its vertex of least clearance.
-- Outside within the buffer: near, with its distance.
-- The search runs first to the buffer plus the largest half width of any pipe (pit.reach_m, one
-- value for every row, so the GiST index of pipe_segment finds the candidates; V220), then to the
-- buffer from each pipe's own outer wall.
WITH pit AS MATERIALIZED (
  SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:pit AS bytea))) AS g, CAST(:buffer_m AS float8) + pipe_half_size_max() AS reach_m
),
near AS (
  SELECT s.*, ST_Intersects(s.geom, pit.g) AS inside, greatest(ST_Distance(s.geom, pit.g) - s.half_width_m, 0) AS distance_m,
         CASE WHEN ST_Intersects(s.geom, pit.g) THEN ST_Intersection(s.geom, pit.g) END AS clip
  FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s, pit
  WHERE ST_DWithin(s.geom, pit.g, pit.reach_m) AND ST_DWithin(s.geom, pit.g, CAST(:buffer_m AS float8) + s.half_width_m)
),
vertex AS (
  SELECT n.fid, ST_Z(d.geom) + n.centre_offset_m + n.half_height_m AS top_m,
         ground_elev_at(d.geom, CAST(:as_of AS timestamptz)) AS ground_m
  FROM near n, ST_DumpPoints(n.clip) d
  WHERE n.inside
),
worst AS (
  SELECT DISTINCT ON (fid) fid, top_m, ground_m, ground_m - CAST(:depth_m AS float8) AS bottom_m
  FROM vertex
  ORDER BY fid, (ground_m - CAST(:depth_m AS float8)) - top_m NULLS LAST
)
SELECT n.fid, n.network, n.size_mm, n.height_mm, n.owner, o.name AS owner_name, n.status, n.inside,
       round(CAST(n.distance_m AS numeric), 3) AS distance_m, w.top_m, w.ground_m, w.bottom_m,
       CASE WHEN n.inside THEN ST_Length(n.clip) END AS length_in_pit_m,
       coalesce(w.top_m > w.bottom_m, false) AS hit,
       ST_AsGeoJSON(ST_Transform(CASE WHEN n.inside THEN n.clip ELSE n.geom END, 4326), 7) AS location
FROM near n
LEFT JOIN worst w ON w.fid = n.fid
LEFT JOIN organization o ON o.code = n.owner
ORDER BY n.inside DESC, n.distance_m, n.fid
