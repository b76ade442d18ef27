-- Zoning parcels within :distance_m of the given segments (parcels they serve).
SELECT z.parcel_code, z.land_use_name, z.land_use_code, ST_Area(z.geom) AS area_m2
FROM zoning_parcel z
WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz))
  AND EXISTS (SELECT 1 FROM pipe_segment s
              WHERE s.fid = ANY(CAST(:segments AS bigint[])) AND valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz))
                AND ST_DWithin(s.geom, z.geom, CAST(:distance_m AS float8)))
ORDER BY z.parcel_code
