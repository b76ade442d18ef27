-- The largest half size of any pipe (metres), for a search distance that does not depend on the
-- row. ST_DWithin(s.geom, g, d) finds its rows through the GiST index of s.geom only when d is the
-- same for every row (a constant, a parameter, or a column of a row joined before s); a distance
-- such as :buffer_m + s.half_width_m is known only once the row is read, so PostgreSQL scanned all
-- of pipe_segment (excavation on `city`: 289,226 segments, 592 ms instead of 3.6 ms). A statement
-- with a per-row distance ANDs in ST_DWithin(s.geom, g, :buffer_m + pipe_half_size_max()) first.
--
-- half_width_m and half_height_m of pipe_solid_at() are half the box width or height, half the
-- pipe_wall outside diameter of the pipe's DN, or half its DN; so a bound is half the larger of the
-- largest width, height or DN (read from the index below, not by a scan) and the largest outside
-- diameter that pipe_wall lists for a DN up to that. Every version counts, so it is an upper bound
-- at any time.
CREATE INDEX pipe_segment_size_idx ON pipe_segment ((greatest(width_mm, height_mm, dn_mm)));

CREATE FUNCTION pipe_half_size_max() RETURNS double precision
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH s AS (SELECT max(greatest(width_mm, height_mm, dn_mm)) AS mm FROM pipe_segment)
  SELECT coalesce(greatest(s.mm, (SELECT max(w.outer_mm) FROM pipe_wall w WHERE w.dn_mm <= s.mm)), 0)::float8 / 2000
  FROM s
$$;
COMMENT ON FUNCTION pipe_half_size_max IS 'Upper bound (m) of half_width_m and half_height_m of every pipe_segment version: a row-independent search distance for the GiST index';
