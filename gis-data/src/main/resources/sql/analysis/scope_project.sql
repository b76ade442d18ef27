-- The corridor of construction project :key as of :as_of.
SELECT ST_AsEWKB(ST_Force2D(ST_Union(geom))) AS ewkb, ST_Area(ST_Union(geom)) / 1e6 AS km2
FROM construction_project
WHERE project_code = :key AND valid_at(valid_from, valid_to, CAST(:as_of AS timestamptz))
