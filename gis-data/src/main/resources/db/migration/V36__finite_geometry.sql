-- Reads survive rows that other tools wrote badly. The service refuses non-finite coordinates on
-- every write path, but a row inserted by another tool may hold NaN or Infinity. Such a row is
-- not served: the read paths (WFS, OGC API, WMS layer extents, /api/layers) keep only rows for
-- which this is true, and the layer statistics log how many they skipped. A bounding box
-- holding a NaN or infinite coordinate makes the sum NaN or Infinity, and NaN is greater than
-- every number in PostgreSQL, so the comparison is false for both. Inlined by the planner.
CREATE FUNCTION geometry_is_finite(g geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT g IS NULL OR abs(ST_XMin(g)) + abs(ST_XMax(g)) + abs(ST_YMin(g)) + abs(ST_YMax(g))
                      + abs(coalesce(ST_ZMin(g), 0)) + abs(coalesce(ST_ZMax(g), 0)) < 'Infinity'::float8
$$;
