-- Power towers (高压铁塔) in use whose centre lies within :radius_m of the proposed site, as hosts
-- of a new sector: their voltage, height, the mount rule of their voltage class (V390; none above
-- the highest class), the centre (native CRS) and the zoning parcel it stands in.
SELECT t.tower_code, t.line_name, t.voltage_kv::float8 AS voltage_kv,
       t.tower_height_m::float8 AS tower_height_m,
       r.id AS rule_id, r.live_clearance_m::float8 AS live_clearance_m, r.source_clause, r.confidence,
       ST_Distance(centre.c, site.g) AS distance_m, ST_X(centre.c) AS x, ST_Y(centre.c) AS y,
       z.parcel_code, z.land_use_code, coalesce(lu.emf_sensitive, false) AS sensitive,
       ST_AsGeoJSON(ST_Transform(centre.c, 4326), 7) AS location
FROM power_tower t
CROSS JOIN (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:site AS bytea))) AS g) site
CROSS JOIN LATERAL (SELECT ST_Centroid(ST_Force2D(t.geom)) AS c) centre
LEFT JOIN LATERAL (SELECT * FROM power_tower_mount_rule r WHERE r.voltage_max_kv >= t.voltage_kv
                   ORDER BY r.voltage_max_kv LIMIT 1) r ON true
LEFT JOIN LATERAL (SELECT * FROM zoning_parcel z WHERE ST_Intersects(z.geom, centre.c)
                     AND valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) ORDER BY z.fid LIMIT 1) z ON true
LEFT JOIN land_use_class lu ON lu.code = z.land_use_code
WHERE t.status = 'in_use' AND valid_at(t.valid_from, t.valid_to, CAST(:as_of AS timestamptz))
  AND ST_DWithin(t.geom, site.g, CAST(:radius_m AS float8)) AND ST_DWithin(centre.c, site.g, CAST(:radius_m AS float8))
ORDER BY ST_Distance(centre.c, site.g), t.tower_code
