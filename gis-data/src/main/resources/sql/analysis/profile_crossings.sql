-- Pipes crossing a run in plan (other than connected segments of its own network), with the
-- position along the run segment (m from its surveyed start) and both pipes' top and bottom at
-- the crossing.
WITH run AS (
  SELECT * FROM pipe_solid_at(CAST(:as_of AS timestamptz)) WHERE fid = ANY(CAST(:fids AS bigint[]))
),
x AS (
  SELECT r.fid AS run_fid, o.fid, o.network, o.size_mm, o.owner, r.geom AS rg, o.geom AS og,
         r.centre_offset_m AS r_off, r.half_height_m AS r_hh, o.centre_offset_m AS o_off, o.half_height_m AS o_hh,
         ST_ClosestPoint(ST_Force2D(r.geom), ST_Force2D(o.geom)) AS pt
  FROM run r
  JOIN pipe_solid_at(CAST(:as_of AS timestamptz)) o
    ON o.geom && r.geom AND ST_Intersects(o.geom, r.geom) AND o.fid <> r.fid
   AND o.fid <> ALL(CAST(:fids AS bigint[]))
   AND NOT (o.network = r.network AND (o.start_point IN (r.start_point, r.end_point) OR o.end_point IN (r.start_point, r.end_point)))
)
SELECT run_fid, fid, network, size_mm, owner, ST_LineLocatePoint(ST_Force2D(rg), pt) * ST_Length(rg) AS at_m,
       ST_Z(ST_LineInterpolatePoint(og, ST_LineLocatePoint(ST_Force2D(og), pt))) + o_off + o_hh AS top_m,
       ST_Z(ST_LineInterpolatePoint(og, ST_LineLocatePoint(ST_Force2D(og), pt))) + o_off - o_hh AS invert_m,
       ST_Z(ST_LineInterpolatePoint(rg, ST_LineLocatePoint(ST_Force2D(rg), pt))) + r_off AS run_centre_m, r_hh
FROM x
ORDER BY run_fid, at_m, fid
