-- Tower co-location (铁塔共享): existing towers in use within :radius_m of the proposed site, with
-- their tenants, height, the antenna heights of the other operators on them, and the zoning parcel
-- they stand in.
SELECT b.fid, b.site_code, b.site_name, b.area_type, b.tower_type, b.tower_height_m::float8 AS tower_height_m,
       b.tenants, b.owner, ST_Distance(b.geom, site.g) AS distance_m,
       (SELECT array_agg(DISTINCT a.antenna_height_m::float8 ORDER BY a.antenna_height_m::float8) FROM antenna_sector a
         WHERE a.site_code = b.site_code AND a.operator <> CAST(:operator AS text) AND a.status = 'in_use'
           AND valid_at(a.valid_from, a.valid_to, CAST(:as_of AS timestamptz))) AS other_heights,
       z.parcel_code, z.land_use_code, coalesce(lu.emf_sensitive, false) AS sensitive,
       ST_AsGeoJSON(ST_Transform(ST_Force2D(b.geom), 4326), 7) AS location
FROM base_station b
CROSS JOIN (SELECT ST_GeomFromEWKB(CAST(:site AS bytea)) AS g) site
LEFT JOIN LATERAL (SELECT * FROM zoning_parcel z WHERE ST_Intersects(z.geom, b.geom)
                     AND valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) ORDER BY z.fid LIMIT 1) z ON true
LEFT JOIN land_use_class lu ON lu.code = z.land_use_code
WHERE b.status = 'in_use' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
  AND ST_DWithin(b.geom, site.g, CAST(:radius_m AS float8))
ORDER BY ST_Distance(b.geom, site.g), b.site_code
