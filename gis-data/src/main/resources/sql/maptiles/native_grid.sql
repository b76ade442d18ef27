-- The CGCS2000 longitude/latitude (EPSG:4490, degrees) of a (n+1) × (n+1) grid of native-CRS
-- points spanning the service area grown by :margin degrees, for turning native tile windows into
-- lon/lat boxes without a projection library (cn.lzxq.city.server.maptiles.NativeLonLat).
-- Parameters: :west, :south, :east, :north service area (degrees), :margin degrees, :srid native
-- SRID, :n cells per side.
WITH a AS (
  SELECT ST_Transform(ST_Expand(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :margin),
                      CAST(:srid AS integer)) AS b
), g AS (
  SELECT i, j,
         ST_XMin(b) + i * (ST_XMax(b) - ST_XMin(b)) / :n AS x,
         ST_YMin(b) + j * (ST_YMax(b) - ST_YMin(b)) / :n AS y
  FROM a, generate_series(0, CAST(:n AS integer)) i, generate_series(0, CAST(:n AS integer)) j
)
SELECT i, j, x, y,
       ST_X(p) AS lon, ST_Y(p) AS lat
FROM (SELECT g.*, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), CAST(:srid AS integer)), 4490) AS p FROM g) q
ORDER BY j, i
