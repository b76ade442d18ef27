-- pipe_solid_at (V65) read the walls through pipe_section() in a LATERAL call whose body LEFT JOINs
-- pipe_wall on the caller's columns. PostgreSQL cannot flatten that subquery: it runs it as a
-- parameterized subquery scan, and a subquery with references to the outer row is parallel
-- restricted, so every statement over pipe_solid_at() — the whole-city pair scan of the clearance and
-- collision checks — ran in one process (EXPLAIN ANALYZE on `city`: no Gather, 122 s at load 21–24).
-- The arithmetic is now pipe_section_of() (IMMUTABLE, no FROM: inlined as expressions), and
-- pipe_solid_at() joins pipe_wall itself with plain LEFT JOINs on its unique key, which the
-- planner flattens. pipe_section() keeps its signature (the proposed pipe) and uses the same
-- arithmetic.

-- The outer section (metres) of a pipe from its surveyed columns and its pipe_wall rows: w = the row
-- of its material, series and DN (outer_mm, wall_mm), s = the series row of its material (sdr);
-- NULLs where pipe_wall has none (DN = outside diameter, no wall).
CREATE FUNCTION pipe_section_of(p_depth_ref text, p_dn_mm integer, p_width_mm integer, p_height_mm integer,
                                w_outer_mm numeric, w_wall_mm numeric, s_sdr numeric)
  RETURNS TABLE (half_width_m double precision, half_height_m double precision, centre_offset_m double precision,
                 wall_m double precision)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(p_width_mm, coalesce(w_outer_mm::float8, p_dn_mm)) / 2000,
         coalesce(p_height_mm, coalesce(w_outer_mm::float8, p_dn_mm)) / 2000,
         CASE WHEN p_depth_ref = 'invert'
              THEN coalesce(p_height_mm, coalesce(w_outer_mm::float8, p_dn_mm)
                                         - 2 * coalesce(w_wall_mm::float8, p_dn_mm / s_sdr::float8, 0))
              ELSE -coalesce(p_height_mm, coalesce(w_outer_mm::float8, p_dn_mm)) END / 2000,
         CASE WHEN p_height_mm IS NULL THEN coalesce(w_wall_mm::float8, p_dn_mm / s_sdr::float8, 0) / 1000 ELSE 0 END
$$;
COMMENT ON FUNCTION pipe_section_of IS 'Outer section of a pipe in metres from its columns and its pipe_wall values: half width, half height, offset from the surveyed Z to the centre, wall thickness';

CREATE OR REPLACE FUNCTION pipe_section(p_material text, p_depth_ref text, p_dn_mm integer, p_width_mm integer, p_height_mm integer)
  RETURNS TABLE (half_width_m double precision, half_height_m double precision, centre_offset_m double precision,
                 wall_m double precision)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT x.*
  FROM (SELECT 1) one
  LEFT JOIN pipe_wall w ON w.material = p_material AND w.depth_ref = p_depth_ref AND w.dn_mm = p_dn_mm
  LEFT JOIN pipe_wall sr ON sr.material = p_material AND sr.depth_ref = p_depth_ref AND sr.dn_mm IS NULL
  CROSS JOIN LATERAL pipe_section_of(p_depth_ref, p_dn_mm, p_width_mm, p_height_mm, w.outer_mm, w.wall_mm, sr.sdr) x
$$;

CREATE OR REPLACE FUNCTION pipe_solid_at(t timestamptz)
  RETURNS TABLE (fid bigint, network char(2), subtype char(2), pressure_class text, dn_mm integer,
                 width_mm integer, height_mm integer, size_mm integer, depth_ref text, laying text,
                 laying_class text, material text, owner text, start_point text, end_point text,
                 line_no text, road_name text, status text, total_holes integer, used_holes integer,
                 flow_dir text, start_depth_m numeric, end_depth_m numeric, geom geometry, half_width_m double precision,
                 half_height_m double precision, centre_offset_m double precision, wall_m double precision)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT s.fid, s.network, s.subtype, s.pressure_class, s.dn_mm, s.width_mm, s.height_mm,
         coalesce(s.dn_mm, s.width_mm), s.depth_ref, s.laying, l.laying_class, s.material, s.owner,
         s.start_point, s.end_point, s.line_no, s.road_name, s.status, s.total_holes, s.used_holes,
         s.flow_dir, s.start_depth_m, s.end_depth_m, s.geom, x.half_width_m, x.half_height_m, x.centre_offset_m, x.wall_m
  FROM pipe_segment s
  LEFT JOIN laying_code l ON l.code = s.laying
  LEFT JOIN pipe_wall w ON w.material = s.material AND w.depth_ref = s.depth_ref AND w.dn_mm = s.dn_mm
  LEFT JOIN pipe_wall sr ON sr.material = s.material AND sr.depth_ref = s.depth_ref AND sr.dn_mm IS NULL
  CROSS JOIN LATERAL pipe_section_of(s.depth_ref, s.dn_mm, s.width_mm, s.height_mm, w.outer_mm, w.wall_mm, sr.sdr) x
  WHERE valid_at(s.valid_from, s.valid_to, t)
$$;
