-- Kerbs (道路侧石边缘, GB 50289-2016 Table 4.1.9 column KERB) derived from the roads: the two
-- carriageway edges of every road, offset carriageway_width_m / 2 either side of its centreline,
-- without the parts inside another road's red line (the crossings: there the kerb turns the
-- corner, and a pipe under the crossing is under the other road, not beside this kerb). Nothing is
-- stored: a road edit moves its kerbs at once. Each row is one run of kerb between two crossings.
CREATE FUNCTION road_kerb_at(t timestamptz)
  RETURNS TABLE (road_fid bigint, road_name text, side text, geom geometry)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT r.fid, r.name, e.side, (ST_Dump(CASE WHEN x.red IS NULL THEN e.edge ELSE ST_Difference(e.edge, x.red) END)).geom
  FROM road r
  CROSS JOIN LATERAL (VALUES ('L', ST_OffsetCurve(ST_Force2D(r.geom), r.carriageway_width_m / 2)),
                             ('R', ST_OffsetCurve(ST_Force2D(r.geom), -r.carriageway_width_m / 2))) e(side, edge)
  CROSS JOIN LATERAL (
    SELECT ST_Union(ST_Force2D(o.red_line)) AS red
    FROM road o
    WHERE o.fid <> r.fid AND valid_at(o.valid_from, o.valid_to, t) AND o.red_line && r.red_line
  ) x
  WHERE valid_at(r.valid_from, r.valid_to, t)
$$;
COMMENT ON FUNCTION road_kerb_at IS 'Kerb lines (道路侧石边缘) of the roads valid at t: the carriageway edges (side L/R of the centreline direction) between the crossing roads'' red lines, one row per run, 2D, native CRS';
