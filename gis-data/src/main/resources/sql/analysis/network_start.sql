-- The start of a network walk: the segment :fid, or the segment of a pressure network (or of
-- :network) nearest to the point :at within 50 m; its network and midpoint (pipe_segment: the
-- walk needs no pipe sizes).
SELECT s.fid, s.network, ST_AsEWKB(ST_Force2D(ST_LineInterpolatePoint(s.geom, 0.5))) AS mid
FROM pipe_segment s
WHERE valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz)) AND s.status <> 'abandoned'
  AND (CAST(:fid AS bigint) IS NULL OR s.fid = CAST(:fid AS bigint))
  AND (CAST(:at AS bytea) IS NULL OR (ST_DWithin(s.geom, ST_GeomFromEWKB(CAST(:at AS bytea)), 50)
       AND (CAST(:network AS text) IS NULL OR s.network = CAST(:network AS text))
       AND (CAST(:network AS text) IS NOT NULL OR s.network IN ('JS', 'RQ', 'RL'))))
ORDER BY CASE WHEN CAST(:at AS bytea) IS NULL THEN 0 ELSE ST_Distance(s.geom, ST_GeomFromEWKB(CAST(:at AS bytea))) END, s.fid
LIMIT 1
