-- A request bbox (east/north order, in SRID :srid) as a native-CRS polygon, its size, and its
-- CRS84 corners for the service-area check.
WITH b AS (SELECT ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, :srid) AS g)
SELECT ST_AsEWKB(ST_Transform(ST_Segmentize(g, CASE WHEN :srid IN (4326, 4490) THEN 0.001 ELSE 100 END), :native)) AS ewkb,
       ST_Area(ST_Transform(g, :native)) / 1e6 AS km2,
       ST_XMin(w) AS min_lon, ST_YMin(w) AS min_lat, ST_XMax(w) AS max_lon, ST_YMax(w) AS max_lat
FROM b, ST_Transform(b.g, 4326) AS w
