-- A geometry about to be written: its validity (with PostGIS's reason) and whether it lies in the
-- service area (a CRS84 box, already widened by its margin).
-- Parameters: EWKB-free WKB, its SRID, then west, south, east, north in degrees.
WITH g AS (SELECT ST_SetSRID(ST_GeomFromWKB(?), ?) AS g)
SELECT ST_IsValid(g), ST_IsValidReason(g),
       ST_Covers(ST_MakeEnvelope(?, ?, ?, ?, 4326), ST_Transform(ST_Force2D(g), 4326))
FROM g
