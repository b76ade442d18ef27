-- Longitudinal profile (纵断面): the segments of a run (by fid list, or by line number), with
-- plan length, centre elevations at both ends (surveyed Z + pipe_centre_offset_m), half height and
-- the ground at both ends (pipe point's surveyed ground, else surveyed Z + depth).
SELECT s.fid, s.network, s.size_mm, s.owner, s.start_point, s.end_point, ST_Length(s.geom) AS length_m,
       ST_Z(ST_StartPoint(s.geom)) + s.centre_offset_m AS start_centre_m, ST_Z(ST_EndPoint(s.geom)) + s.centre_offset_m AS end_centre_m,
       s.half_height_m,
       coalesce((SELECT pp.ground_elev_m::float8 FROM pipe_point pp WHERE pp.exp_no = s.start_point
                   AND valid_at(pp.valid_from, pp.valid_to, CAST(:as_of AS timestamptz)) LIMIT 1),
                ST_Z(ST_StartPoint(s.geom)) + s.start_depth_m::float8) AS start_ground_m,
       coalesce((SELECT pp.ground_elev_m::float8 FROM pipe_point pp WHERE pp.exp_no = s.end_point
                   AND valid_at(pp.valid_from, pp.valid_to, CAST(:as_of AS timestamptz)) LIMIT 1),
                ST_Z(ST_EndPoint(s.geom)) + s.end_depth_m::float8) AS end_ground_m
FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s
WHERE (s.fid = ANY(CAST(:fids AS bigint[])) OR s.line_no = CAST(:line_no AS text))
ORDER BY s.fid
