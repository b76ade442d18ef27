-- Cross-section (横断面): every current pipe the section line crosses, with its chainage along
-- the line (m from the line's start), centre elevation (surveyed Z + centre_offset_m of
-- pipe_solid_at), outer top, inner invert (outer underside + wall, pipe_wall) and the ground above it.
WITH sec AS MATERIALIZED (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:line AS bytea))) AS g),
x AS (
  SELECT s.*, d.geom AS pt
  FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s
  CROSS JOIN sec
  CROSS JOIN LATERAL ST_Dump(ST_Intersection(ST_Force2D(s.geom), sec.g)) d
  WHERE s.geom && sec.g AND ST_Intersects(s.geom, sec.g) AND GeometryType(d.geom) = 'POINT'
),
crossing AS (
  SELECT x.*, ST_LineLocatePoint(sec.g, x.pt) * ST_Length(sec.g) AS chainage_m,
         ST_Z(ST_LineInterpolatePoint(x.geom, ST_LineLocatePoint(ST_Force2D(x.geom), x.pt))) + x.centre_offset_m AS centre_m,
         CASE WHEN ST_DWithin(x.pt, ST_StartPoint(x.geom), 0.001) THEN x.start_point
              WHEN ST_DWithin(x.pt, ST_EndPoint(x.geom), 0.001) THEN x.end_point END AS at_point
  FROM x, sec
),
-- A line through a surveyed point (manhole, well, valve, tee) meets every segment that ends there
-- at the same place: the pipe is listed once there, as the segment with the lowest fid.
z AS (
  SELECT DISTINCT ON (c.network, coalesce(c.at_point, c.fid || '@' || round(CAST(c.chainage_m AS numeric), 3))) c.*
  FROM crossing c
  ORDER BY c.network, coalesce(c.at_point, c.fid || '@' || round(CAST(c.chainage_m AS numeric), 3)), c.fid
)
SELECT z.fid, z.network, z.subtype, nt.name_zh AS type_zh, nt.rgb, z.size_mm, z.dn_mm, z.width_mm, z.height_mm,
       z.material, z.status, z.owner, o.name AS owner_name, z.chainage_m, z.centre_m,
       z.centre_m + z.half_height_m AS top_m, z.centre_m - z.half_height_m + z.wall_m AS invert_m, z.half_width_m, z.half_height_m,
       ground_elev_at(z.pt, CAST(:as_of AS timestamptz)) AS ground_m,
       ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint(ST_X(z.pt), ST_Y(z.pt), z.centre_m), ST_SRID(z.pt)), 4326), 7) AS location
FROM z
JOIN network_type nt ON nt.code = z.network
LEFT JOIN organization o ON o.code = z.owner
ORDER BY z.chainage_m, z.centre_m DESC, z.fid
