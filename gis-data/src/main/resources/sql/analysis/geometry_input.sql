-- A request geometry (WKB in SRID :srid) in the native CRS, with its plan size and CRS84 bounds.
WITH g AS (SELECT ST_GeomFromWKB(:wkb, :srid) AS g)
SELECT ST_AsEWKB(n) AS ewkb, ST_Area(n) AS area_m2, ST_Length(n) AS length_m,
       ST_XMin(w) AS min_lon, ST_YMin(w) AS min_lat, ST_XMax(w) AS max_lon, ST_YMax(w) AS max_lat
FROM g, ST_Transform(g.g, :native) AS n, ST_Transform(g.g, 4326) AS w
