-- The nearest existing site in use to a point (KNN on the spatial index).
SELECT b.site_code, b.area_type, ST_Distance(b.geom, site.g) AS distance_m
FROM base_station b, (SELECT ST_GeomFromEWKB(CAST(:site AS bytea)) AS g) site
WHERE b.status = 'in_use' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
ORDER BY b.geom <-> site.g, b.site_code
LIMIT 1
