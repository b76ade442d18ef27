-- EMF-sensitive zoning parcels (land_use_class.emf_sensitive: homes, schools, hospitals, welfare)
-- within :distance_m of the antenna site, nearest first.
SELECT z.parcel_code, z.land_use_code, z.land_use_name, ST_Distance(z.geom, site.g) AS distance_m
FROM zoning_parcel z
JOIN land_use_class lu ON lu.code = z.land_use_code AND lu.emf_sensitive
CROSS JOIN (SELECT ST_GeomFromEWKB(CAST(:site AS bytea)) AS g) site
WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND ST_DWithin(z.geom, site.g, CAST(:distance_m AS float8))
ORDER BY ST_Distance(z.geom, site.g), z.parcel_code
