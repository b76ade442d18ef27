-- A CGCS2000 longitude/latitude box (EPSG:4490 degrees) as a box in another CRS (the window a
-- tile seeding covers in a tile matrix set's CRS). Parameters: :west, :south, :east, :north, :srid.
SELECT ST_XMin(b) AS min_x, ST_YMin(b) AS min_y, ST_XMax(b) AS max_x, ST_YMax(b) AS max_y
FROM (SELECT ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), CAST(:srid AS integer)) AS b) q
