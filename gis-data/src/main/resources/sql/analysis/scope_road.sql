-- The red line of the road named :key as of :as_of (all its current pieces).
SELECT ST_AsEWKB(ST_Force2D(ST_Union(red_line))) AS ewkb, ST_Area(ST_Union(red_line)) / 1e6 AS km2
FROM road
WHERE name = :key AND valid_at(valid_from, valid_to, CAST(:as_of AS timestamptz))
