-- Kerbs (道路侧石边缘, GB 50289-2016 Table 4.1.9 column KERB), stored: the two carriageway edges of
-- every road version, offset carriageway_width_m / 2 either side of its centreline (side L: left
-- of the centreline's direction, R: right), 2D. Where another road's red line covers a kerb (a
-- crossing: the kerb turns the corner there, and a pipe under the crossing lies under the other
-- road, not beside this kerb) the kerb is missing while that road exists. So each edge is cut into
-- pieces at the red-line boundaries of every other road version it meets, and each piece keeps
-- the times it is a kerb: its road version's [valid_from, valid_to) minus the validity of the
-- road versions whose red line covers it. The kerb at time t is the pieces whose `valid` holds t.
--
-- Pieces are stored in chunks of at most 100 m, so that the GiST index of pipe_segment finds the
-- pipes beside a chunk from a bounded box even where roads run obliquely (on the axis-aligned
-- sample, 25 m chunks made the feature check half as fast again: more probes, same rows); a
-- kerb's identity is its road and side, not a row. Deriving kerbs per request cost 7.4 s on `city` (82 roads, 6,404 kerb
-- runs); stored, a request reads them through the GiST index. Triggers keep the table in step with road: a statement that
-- writes roads rebuilds the kerbs of the roads it wrote and of every road whose red line meets
-- theirs (a whole load in one go: COPY is one statement).
CREATE TABLE road_kerb (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  road_version_id bigint NOT NULL,
  road_fid        bigint NOT NULL,
  road_name       text NOT NULL,
  side            char(1) NOT NULL CHECK (side IN ('L', 'R')),
  valid           tstzmultirange NOT NULL CHECK (NOT isempty(valid)),
  geom            geometry(LineString, ${srid}) NOT NULL
);
COMMENT ON TABLE road_kerb IS 'Kerb lines (道路侧石边缘) derived from road: pieces of the carriageway edges between red-line boundaries of other roads, with the times each piece is a kerb (valid); maintained by the road triggers of V260';
CREATE INDEX road_kerb_geom_idx ON road_kerb USING gist (geom);
CREATE INDEX road_kerb_road_idx ON road_kerb (road_fid);

-- Rebuilds the kerb pieces of the roads `fids` (every version), from the road table as it is.
CREATE FUNCTION road_kerb_rebuild(fids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM road_kerb WHERE road_fid = ANY (fids);
  INSERT INTO road_kerb (road_version_id, road_fid, road_name, side, valid, geom)
  WITH edge AS (  -- the carriageway edges as single lines (a curved road's offset can come apart)
    SELECT r.version_id, r.fid, r.name, r.red_line, tstzrange(r.valid_from, r.valid_to) AS during, s.side,
           (ST_Dump(ST_OffsetCurve(ST_Force2D(r.geom), s.sign * r.carriageway_width_m / 2))).geom AS edge
    FROM road r
    CROSS JOIN (VALUES ('L', 1), ('R', -1)) s(side, sign)
    WHERE r.fid = ANY (fids) AND r.carriageway_width_m > 0
  ),
  piece AS (
    SELECT e.version_id, e.fid, e.name, e.side, e.during,
           (ST_Dump(CASE WHEN b.blade IS NULL THEN e.edge ELSE ST_Split(e.edge, b.blade) END)).geom AS geom
    FROM edge e
    CROSS JOIN LATERAL (
      SELECT ST_Union(ST_Boundary(ST_Force2D(o.red_line))) AS blade
      FROM road o
      WHERE o.fid <> e.fid AND o.red_line && e.red_line AND tstzrange(o.valid_from, o.valid_to) && e.during
    ) b
  ),
  kerb AS (
    SELECT p.version_id, p.fid, p.name, p.side, p.geom, tstzmultirange(p.during) - coalesce(c.covered, '{}') AS valid
    FROM piece p
    CROSS JOIN LATERAL (
      SELECT range_agg(tstzrange(o.valid_from, o.valid_to)) AS covered
      FROM road o
      WHERE o.fid <> p.fid AND o.red_line && p.geom AND ST_Intersects(o.red_line, ST_LineInterpolatePoint(p.geom, 0.5))
    ) c
    WHERE ST_GeometryType(p.geom) = 'ST_LineString'
  )
  SELECT k.version_id, k.fid, k.name, k.side, k.valid, ST_LineSubstring(k.geom, i::float8 / n.n, (i + 1)::float8 / n.n)
  FROM kerb k
  CROSS JOIN LATERAL (SELECT greatest(ceil(ST_Length(k.geom) / 100), 1)::int AS n) n
  CROSS JOIN LATERAL generate_series(0, n.n - 1) i
  WHERE NOT isempty(k.valid);
$$;

-- Statement trigger: the roads written (changed_rows, and on UPDATE also old_rows) and the roads
-- whose red line meets theirs get their kerbs rebuilt.
CREATE FUNCTION road_kerb_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fids bigint[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    fids := ARRAY(SELECT c.fid FROM changed_rows c UNION SELECT o.fid FROM old_rows o
                  UNION SELECT r.fid FROM road r JOIN changed_rows c ON r.red_line && c.red_line
                  UNION SELECT r.fid FROM road r JOIN old_rows o ON r.red_line && o.red_line);
  ELSE
    fids := ARRAY(SELECT c.fid FROM changed_rows c
                  UNION SELECT r.fid FROM road r JOIN changed_rows c ON r.red_line && c.red_line);
  END IF;
  PERFORM road_kerb_rebuild(fids);
  RETURN NULL;
END
$$;

CREATE FUNCTION road_kerb_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE road_kerb;
  RETURN NULL;
END
$$;

CREATE TRIGGER road_kerb_insert AFTER INSERT ON road REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION road_kerb_refresh();
CREATE TRIGGER road_kerb_update AFTER UPDATE ON road REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION road_kerb_refresh();
CREATE TRIGGER road_kerb_delete AFTER DELETE ON road REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION road_kerb_refresh();
CREATE TRIGGER road_kerb_truncate AFTER TRUNCATE ON road
  FOR EACH STATEMENT EXECUTE FUNCTION road_kerb_clear();

SELECT road_kerb_rebuild(ARRAY(SELECT DISTINCT fid FROM road));
