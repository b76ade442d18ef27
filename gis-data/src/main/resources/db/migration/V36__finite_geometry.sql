-- Reads survive rows that other tools wrote badly. The service refuses non-finite coordinates on
-- every write path, but a row inserted by another tool may hold NaN or Infinity in x or y. Such a
-- row is not served: the read paths (WFS, OGC API, WMS, layer extents, /api/layers) keep only rows
-- for which this is true, and the layer statistics log how many they skipped. The bounding box
-- alone is not enough (its min/max skip a NaN that is not the first vertex), so the 2D length and
-- perimeter, which every vertex feeds, are added: NaN or Infinity anywhere makes the sum NaN or
-- Infinity, and NaN is greater than every number in PostgreSQL, so the comparison is false for
-- both. A NaN z (2D positions in a Z column) breaks no encoder and is not checked.
CREATE FUNCTION geometry_is_finite(g geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT g IS NULL OR abs(ST_XMin(g)) + abs(ST_YMin(g)) + abs(ST_XMax(g)) + abs(ST_YMax(g))
                      + ST_Length(g) + ST_Perimeter(g) < 'Infinity'::float8
$$;

-- The 3D tile invalidation trigger (V7) ignores such rows too: their box cannot be transformed,
-- and failing there would refuse the other tool's write instead of the service skipping it.
CREATE OR REPLACE FUNCTION tile_change_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'pipe_segment' THEN
    INSERT INTO tile_change (layer, west, south, east, north)
    SELECT 'pipe_' || lower(network), ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
    FROM (SELECT network, ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS b
          FROM changed_rows
          WHERE geometry_is_finite(geom)
          GROUP BY network, floor(ST_XMin(geom) / 1000), floor(ST_YMin(geom) / 1000)) g;
  ELSE
    INSERT INTO tile_change (layer, west, south, east, north)
    SELECT TG_TABLE_NAME, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
    FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS b
          FROM changed_rows
          WHERE geometry_is_finite(geom)
          GROUP BY floor(ST_XMin(geom) / 1000), floor(ST_YMin(geom) / 1000)) g;
  END IF;
  RETURN NULL;
END
$$;
