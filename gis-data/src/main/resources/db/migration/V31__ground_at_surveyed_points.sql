-- ground_elev_at() at a surveyed point: V6 computed sum(z / d²) over every near point, also in the
-- CASE branch that takes the surveyed value, so a point at distance 0 divided by zero (a section
-- line or pit through any manhole or well answered 500). The weights now skip points closer than
-- 1 mm, whose mean is the answer there.
CREATE OR REPLACE FUNCTION ground_elev_at(p geometry, t timestamptz)
  RETURNS double precision LANGUAGE sql STABLE AS $$
  WITH near AS (
    SELECT pp.ground_elev_m::double precision AS z, ST_Distance(pp.geom, p) AS d
    FROM pipe_point pp
    WHERE valid_at(pp.valid_from, pp.valid_to, t)
      AND ST_DWithin(pp.geom, p, (SELECT value FROM analysis_setting WHERE key = 'ground_idw_radius_m'))
    ORDER BY pp.geom <-> p
    LIMIT (SELECT value FROM analysis_setting WHERE key = 'ground_idw_points')::integer
  )
  SELECT CASE WHEN bool_or(d < 0.001) THEN avg(z) FILTER (WHERE d < 0.001)
              ELSE sum(z / (d * d)) FILTER (WHERE d >= 0.001) / sum(1 / (d * d)) FILTER (WHERE d >= 0.001) END
  FROM near
$$;

-- Excavation: pipes outside the pit but this close to its edge (outer wall to edge, plan) are
-- listed with their distance (the request's bufferM overrides).
INSERT INTO analysis_setting VALUES
  ('excavation_protection_m', 3, 'm', 'project default', 'M',
   'excavation impact: pipes outside the pit within this plan distance of its edge (outer wall) are listed as near, with their distance');
