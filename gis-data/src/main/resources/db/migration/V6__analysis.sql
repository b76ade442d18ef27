-- Building blocks of the co-construction analyses (cn.lzxq.city.data.analysis): the pipe solid
-- at a time, the one clearance-rule matcher, a ground surface, and the analysis defaults.
-- All are plain SQL functions so the planner inlines them into the analysis queries.

-- valid_at() (V1) calls now(), which is STABLE; declared IMMUTABLE it cannot be inlined, so
-- PostgreSQL called it once per row (13× slower than the inlined predicate on a seq scan of
-- pipe_segment, and in every index-scan filter of a spatial join). STABLE is its true volatility.
ALTER FUNCTION valid_at(timestamptz, timestamptz, timestamptz) STABLE;

-- Current-at-t pipe segments with the derived sizes every analysis needs (metres):
--   half_width_m  half the horizontal size (DN, or the box width) — for plan clearances
--   half_height_m half the vertical size (DN, or the box height) — for vertical clearances and cover
--   centre_offset_m from pipe_centre_offset_m(): surveyed Z + offset = centre elevation
CREATE FUNCTION pipe_solid_at(t timestamptz)
  RETURNS TABLE (fid bigint, network char(2), subtype char(2), pressure_class text, dn_mm integer,
                 width_mm integer, height_mm integer, size_mm integer, depth_ref text, laying text,
                 laying_class text, material text, owner text, start_point text, end_point text,
                 line_no text, road_name text, status text, total_holes integer, used_holes integer,
                 flow_dir text, start_depth_m numeric, end_depth_m numeric, geom geometry, half_width_m double precision,
                 half_height_m double precision, centre_offset_m double precision)
  LANGUAGE sql STABLE AS $$
  SELECT s.fid, s.network, s.subtype, s.pressure_class, s.dn_mm, s.width_mm, s.height_mm,
         coalesce(s.dn_mm, s.width_mm), s.depth_ref, s.laying, l.laying_class, s.material, s.owner,
         s.start_point, s.end_point, s.line_no, s.road_name, s.status, s.total_holes, s.used_holes,
         s.flow_dir, s.start_depth_m, s.end_depth_m, s.geom,
         coalesce(s.width_mm, s.dn_mm)::float8 / 2000, coalesce(s.height_mm, s.dn_mm)::float8 / 2000,
         pipe_centre_offset_m(s.depth_ref, s.dn_mm, s.height_mm)
  FROM pipe_segment s
  LEFT JOIN laying_code l ON l.code = s.laying
  WHERE valid_at(s.valid_from, s.valid_to, t)
$$;
COMMENT ON FUNCTION pipe_solid_at IS 'Pipe segment versions valid at t with sizes in metres and the centre offset (pipe_centre_offset_m)';

-- One side of a clearance_rule row against one pipe: NULL keys match anything; the DN band is
-- min < DN <= max (mm), either bound optional (see COMMENT ON TABLE clearance_rule).
CREATE FUNCTION clearance_rule_side_matches(r_type text, r_subtype text, r_pc text, r_dn_min integer,
    r_dn_max integer, r_lc text, p_type text, p_subtype text, p_pc text, p_dn integer, p_lc text)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT r_type = p_type
     AND (r_subtype IS NULL OR r_subtype = p_subtype)
     AND (r_pc IS NULL OR r_pc = p_pc)
     AND (r_dn_min IS NULL OR p_dn > r_dn_min)
     AND (r_dn_max IS NULL OR p_dn <= r_dn_max)
     AND (r_lc IS NULL OR r_lc = p_lc)
$$;

-- The governing clearance rule for a pair of pipes (either order; the largest clearance wins,
-- then the lowest id). The one rule matcher for horizontal and vertical clearances.
CREATE FUNCTION clearance_rule_for(dir text,
    pa_type text, pa_subtype text, pa_pc text, pa_dn integer, pa_lc text,
    pb_type text, pb_subtype text, pb_pc text, pb_dn integer, pb_lc text)
  RETURNS TABLE (rule_id integer, min_clearance_m double precision, source_clause text, confidence char(1))
  LANGUAGE sql STABLE AS $$
  SELECT r.id, r.min_clearance_m::double precision, r.source_clause, r.confidence
  FROM clearance_rule r
  WHERE r.direction = dir
    AND ((clearance_rule_side_matches(r.a_type, r.a_subtype, r.a_pressure_class, r.a_dn_min_mm, r.a_dn_max_mm, r.a_laying_class,
                                      pa_type, pa_subtype, pa_pc, pa_dn, pa_lc)
          AND clearance_rule_side_matches(r.b_type, r.b_subtype, r.b_pressure_class, r.b_dn_min_mm, r.b_dn_max_mm, r.b_laying_class,
                                          pb_type, pb_subtype, pb_pc, pb_dn, pb_lc))
      OR (clearance_rule_side_matches(r.a_type, r.a_subtype, r.a_pressure_class, r.a_dn_min_mm, r.a_dn_max_mm, r.a_laying_class,
                                      pb_type, pb_subtype, pb_pc, pb_dn, pb_lc)
          AND clearance_rule_side_matches(r.b_type, r.b_subtype, r.b_pressure_class, r.b_dn_min_mm, r.b_dn_max_mm, r.b_laying_class,
                                          pa_type, pa_subtype, pa_pc, pa_dn, pa_lc)))
  ORDER BY r.min_clearance_m DESC, r.id
  LIMIT 1
$$;
COMMENT ON FUNCTION clearance_rule_for IS 'The governing clearance_rule row for a pair (direction horizontal or vertical), per the matching semantics of clearance_rule';

-- Point lookups by survey number at any time (cover, profile): the V1 index on exp_no is partial
-- (current versions only), so as-of reads could not use it.
CREATE INDEX pipe_point_exp_no_version_idx ON pipe_point (exp_no, valid_from);

-- Defaults of the analyses: data, like the rules, so an operator can tune them.
INSERT INTO analysis_setting VALUES
  ('ground_idw_radius_m', 300, 'm', 'project default', 'M', 'ground surface: inverse-distance mean of the nearest surveyed ground elevations (pipe_point.ground_elev_m) within this radius'),
  ('ground_idw_points', 4, 'count', 'project default', 'M', 'ground surface: number of nearest surveyed points used'),
  ('parcel_service_distance_m', 30, 'm', 'project default', 'M', 'a parcel is served by a pipe that passes within this distance (valve isolation: parcels affected)'),
  ('trench_share_distance_m', 5, 'm', 'project default', 'M', 'planned corridors this close can share one trench (共建共享)'),
  ('valve_search_radius_m', 500, 'm', 'project default', 'M', 'valve isolation / traces: first neighbourhood fetched around the start; doubled until the walk closes'),
  ('valve_search_max_radius_m', 8000, 'm', 'project default', 'M', 'valve isolation / traces: largest neighbourhood fetched');

-- The ground surface (1985 height datum, metres) at a point of the native CRS and time t: the
-- inverse-distance-weighted mean of the nearest surveyed ground elevations of pipe points;
-- exact at a surveyed point; NULL when no surveyed point lies within the radius.
CREATE FUNCTION ground_elev_at(p geometry, t timestamptz)
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
              ELSE sum(z / (d * d)) / sum(1 / (d * d)) END
  FROM near
$$;
COMMENT ON FUNCTION ground_elev_at IS 'Ground elevation (m) at a native-CRS point at time t, interpolated from surveyed pipe-point ground elevations';
