-- CGCS2000 longitude/latitude (EPSG:4490) of a lattice of native points from the north-west corner
-- (:west, :north) every :step metres, :cols x :rows points: the coverage grid interpolates between
-- them to sample the DEM (the Gauss-Krüger mapping is linear to well under a millimetre over a step).
SELECT i, j, ST_X(p) AS lon, ST_Y(p) AS lat
FROM generate_series(0, :cols - 1) i, generate_series(0, :rows - 1) j,
     LATERAL (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:west + i * :step, :north - j * :step),
                                             Find_SRID(current_schema()::text, 'antenna_sector', 'geom')),
                                  4490) AS p) t
