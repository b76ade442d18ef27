-- Excavation impact: ground at the pit, base stations inside it and zoning parcels it touches
-- (kind, code, name, overlap m²).
WITH pit AS MATERIALIZED (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:pit AS bytea))) AS g)
SELECT 'ground' AS kind, NULL AS code, NULL AS name, NULL::text AS extra,
       ground_elev_at(ST_PointOnSurface(pit.g), CAST(:as_of AS timestamptz)) AS value
FROM pit
UNION ALL
SELECT 'station', b.site_code, b.site_name, array_to_string(b.tenants, ','), NULL
FROM base_station b, pit
WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(b.geom, pit.g)
UNION ALL
SELECT 'parcel', z.parcel_code, z.land_use_name, z.land_use_code, ST_Area(ST_Intersection(ST_Force2D(z.geom), pit.g))
FROM zoning_parcel z, pit
WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(z.geom, pit.g)
ORDER BY 1, 2
