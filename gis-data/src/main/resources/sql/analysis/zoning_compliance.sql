-- Zoning compliance (控规符合性) of the parcels of a scope at a time. A building stands on the
-- parcel that holds its footprint's point on surface; demolished buildings are left out.
--   building_height: a building whose height (building_height_m: the recorded GB 50352 height, else
--     floors × 3 m) is above the parcel's height limit (建筑限高);
--   parcel_far: a parcel whose floor-area ratio Σ(footprint area × building_floors) / area_m2 is
--     above max_far (容积率上限);
--   parcel_coverage: a parcel whose coverage 100 × Σ footprint area / area_m2 is above
--     max_coverage_pct (建筑密度上限).
-- The first row (kind 'checked') carries the parcels checked in `measured` and the buildings in
-- `allowed`. Lon/lat (EPSG:4490) locate each finding: the building's or parcel's point on surface.
WITH {scope_cte},
p AS (
  SELECT z.fid, z.parcel_code, z.area_m2::float8 AS area_m2, z.max_far::float8 AS max_far,
         z.max_coverage_pct::float8 AS max_cov, z.height_limit_m::float8 AS limit_m, z.geom
  FROM zoning_parcel z
  WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND {scope}
),
b AS (
  SELECT p.fid AS parcel_fid, b.fid, b.building_code, building_height_m(b.height_m, b.floors) AS height_m,
         building_floors(b.height_m, b.floors) AS floors, ST_Area(b.geom) AS footprint_m2,
         ST_PointOnSurface(b.geom) AS at
  FROM p
  JOIN building b ON b.geom && p.geom AND ST_Intersects(p.geom, ST_PointOnSurface(b.geom))
  WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND b.status <> 'demolished'
),
a AS (
  SELECT parcel_fid, count(*) AS n, sum(footprint_m2) AS footprint_m2, sum(footprint_m2 * floors) AS floor_area_m2
  FROM b GROUP BY parcel_fid
),
f AS (
  SELECT 'building_height' AS kind, b.fid, b.building_code AS code, p.parcel_code, b.height_m AS measured,
         p.limit_m AS allowed, 1::bigint AS buildings, b.footprint_m2, b.footprint_m2 * b.floors AS floor_area_m2, b.at
  FROM b JOIN p ON p.fid = b.parcel_fid
  WHERE b.height_m > p.limit_m
  UNION ALL
  SELECT 'parcel_far', p.fid, p.parcel_code, p.parcel_code, a.floor_area_m2 / p.area_m2, p.max_far, a.n,
         a.footprint_m2, a.floor_area_m2, ST_PointOnSurface(p.geom)
  FROM a JOIN p ON p.fid = a.parcel_fid
  WHERE a.floor_area_m2 / p.area_m2 > p.max_far
  UNION ALL
  SELECT 'parcel_coverage', p.fid, p.parcel_code, p.parcel_code, 100 * a.footprint_m2 / p.area_m2, p.max_cov, a.n,
         a.footprint_m2, a.floor_area_m2, ST_PointOnSurface(p.geom)
  FROM a JOIN p ON p.fid = a.parcel_fid
  WHERE 100 * a.footprint_m2 / p.area_m2 > p.max_cov
)
SELECT 'checked' AS kind, NULL::bigint AS fid, NULL AS code, NULL AS parcel_code,
       (SELECT count(*) FROM p)::float8 AS measured, (SELECT count(*) FROM b)::float8 AS allowed,
       NULL::bigint AS buildings, NULL::float8 AS footprint_m2, NULL::float8 AS floor_area_m2,
       NULL::float8 AS lon, NULL::float8 AS lat, 0 AS ord
UNION ALL
SELECT kind, fid, code, parcel_code, measured, allowed, buildings, footprint_m2, floor_area_m2,
       ST_X(ST_Transform(at, 4490)), ST_Y(ST_Transform(at, 4490)), 1
FROM f
ORDER BY ord, kind, code
