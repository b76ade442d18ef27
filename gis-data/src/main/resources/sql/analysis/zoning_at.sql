-- The zoning parcel (控规地块) at a point with its indicators and land-use class.
SELECT z.fid, z.parcel_code, z.land_use_code, z.land_use_name, lu.name_en AS land_use_name_en, lu.parent,
       coalesce(lu.emf_sensitive, false) AS emf_sensitive, z.area_m2::float8 AS area_m2, z.max_far::float8 AS max_far,
       z.max_coverage_pct::float8 AS max_coverage_pct, z.min_green_pct::float8 AS min_green_pct,
       z.height_limit_m::float8 AS height_limit_m, z.plan_name, z.approval_date::text AS approval_date,
       ST_AsGeoJSON(ST_Transform(ST_Force2D(z.geom), 4326), 7) AS location
FROM zoning_parcel z
LEFT JOIN land_use_class lu ON lu.code = z.land_use_code
WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz))
  AND (CAST(:point AS bytea) IS NULL OR ST_Intersects(z.geom, ST_GeomFromEWKB(CAST(:point AS bytea))))
  AND (CAST(:code AS text) IS NULL OR z.parcel_code = CAST(:code AS text))
ORDER BY z.fid
LIMIT 1
