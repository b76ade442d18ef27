-- Excavation impact (开挖分析), pipes: every current segment whose plan passes through the pit
-- and whose top (surveyed Z + pipe_centre_offset_m + half the height, at its highest inside the
-- pit) lies above the pit bottom (ground at the pit − :depth_m) is hit; the others pass below.
WITH pit AS MATERIALIZED (
  SELECT g, ground_elev_at(ST_PointOnSurface(g), CAST(:as_of AS timestamptz)) AS ground_m
  FROM (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:pit AS bytea))) AS g) x
),
inside AS (
  SELECT s.*, ST_Intersection(s.geom, pit.g) AS clip, pit.ground_m - CAST(:depth_m AS float8) AS bottom_m
  FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s, pit
  WHERE s.geom && pit.g AND ST_Intersects(s.geom, pit.g)
)
SELECT i.fid, i.network, i.size_mm, i.owner, o.name AS owner_name, i.status,
       ST_ZMax(i.clip) + i.centre_offset_m + i.half_height_m AS top_m, ST_Length(i.clip) AS length_in_pit_m,
       ST_ZMax(i.clip) + i.centre_offset_m + i.half_height_m > i.bottom_m AS hit,
       ST_AsGeoJSON(ST_Transform(i.clip, 4326), 7) AS location
FROM inside i
LEFT JOIN organization o ON o.code = i.owner
ORDER BY i.fid
