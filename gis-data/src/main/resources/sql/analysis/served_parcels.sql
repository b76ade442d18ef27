-- Zoning parcels within :distance_m of the given segments (parcels they serve).
-- Driven from the few segments: each probes the GiST index of zoning_parcel, and the parcels found
-- are kept once by their version_id. (An EXISTS on ST_DWithin cannot be driven from the segments:
-- PostgreSQL unique-ifies the inner side of a semi-join only on an equality, so it tested every
-- parcel of the city against every segment, 4,291 × n on `city`.)
SELECT z.parcel_code, z.land_use_name, z.land_use_code, ST_Area(z.geom) AS area_m2
FROM zoning_parcel z
WHERE z.version_id IN (
  SELECT n.version_id
  FROM pipe_segment s
  JOIN zoning_parcel n ON ST_DWithin(n.geom, s.geom, CAST(:distance_m AS float8))
  WHERE s.fid = ANY(CAST(:segments AS bigint[])) AND valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz))
    AND valid_at(n.valid_from, n.valid_to, CAST(:as_of AS timestamptz)))
ORDER BY z.parcel_code
