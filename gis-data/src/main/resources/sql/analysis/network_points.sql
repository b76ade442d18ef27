-- The pipe points of one network within :radius_m of :centre. An isolation valve is a point whose
-- appurtenance (附属物) is a valve: 阀门 or 阀门井 (CJJ 61 Appendix F), or "valve" in English data;
-- a gas regulator (调压箱, 调压站; "regulator") separates two pressure levels.
SELECT p.fid, p.exp_no, coalesce(p.appurtenance, p.feature) AS kind, p.operable,
       coalesce(p.appurtenance IN ('阀门', '阀门井') OR lower(p.appurtenance) LIKE '%valve%', false) AS is_valve,
       coalesce(p.appurtenance IN ('调压箱', '调压站') OR p.feature IN ('调压箱', '调压站')
                OR lower(p.appurtenance) LIKE '%regulator%', false) AS is_regulator
FROM pipe_point p,
     (SELECT ST_GeomFromEWKB(CAST(:centre AS bytea)) AS g) c
WHERE p.network = CAST(:network AS text) AND valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz))
  AND ST_DWithin(p.geom, c.g, CAST(:radius_m AS float8) + 1)
ORDER BY p.fid
