-- Excavation impact: the ground along the pit (lowest and highest, interpolated from the surveyed
-- points along its edge, at most every 1 m and at about 100 places, and at the surveyed points
-- inside it), base stations inside it and zoning parcels it touches (kind, code, name, overlap m²).
WITH pit AS MATERIALIZED (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:pit AS bytea))) AS g),
place AS (
  SELECT d.geom AS pt
  FROM pit, ST_DumpPoints(ST_Segmentize(ST_Boundary(pit.g), greatest(1.0, ST_Perimeter(pit.g) / 100))) d
  UNION ALL
  SELECT p.geom FROM pipe_point p, pit
  WHERE valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(p.geom, pit.g)
),
ground AS (SELECT ground_elev_at(pt, CAST(:as_of AS timestamptz)) AS z FROM place)
SELECT 'ground_min' AS kind, NULL AS code, NULL AS name, NULL::text AS extra, min(z) AS value FROM ground
UNION ALL
SELECT 'ground_max', NULL, NULL, NULL, max(z) FROM ground
UNION ALL
SELECT 'station', b.site_code, b.site_name, array_to_string(b.tenants, ','), NULL
FROM base_station b, pit
WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(b.geom, pit.g)
UNION ALL
SELECT 'parcel', z.parcel_code, z.land_use_name, z.land_use_code, ST_Area(ST_Intersection(ST_Force2D(z.geom), pit.g))
FROM zoning_parcel z, pit
WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(z.geom, pit.g)
ORDER BY 1, 2
