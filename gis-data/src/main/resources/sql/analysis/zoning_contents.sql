-- What lies inside a parcel: pipe length per network (m, the part inside), pipe points per
-- network, base stations, road length (m).
WITH z AS MATERIALIZED (
  SELECT ST_Force2D(geom) AS g FROM zoning_parcel
  WHERE parcel_code = CAST(:code AS text) AND valid_at(valid_from, valid_to, CAST(:as_of AS timestamptz))
)
SELECT 'pipe' AS kind, s.network AS key, count(*) AS n, sum(ST_Length(ST_Intersection(ST_Force2D(s.geom), z.g))) AS length_m
FROM pipe_segment s, z
WHERE valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz)) AND s.geom && z.g AND ST_Intersects(s.geom, z.g)
  AND ST_Length(ST_Intersection(ST_Force2D(s.geom), z.g)) > 0
GROUP BY s.network
UNION ALL
SELECT 'point', p.network, count(*), NULL
FROM pipe_point p, z
WHERE valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(p.geom, z.g)
GROUP BY p.network
UNION ALL
SELECT 'station', b.site_code, 1, NULL
FROM base_station b, z
WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(b.geom, z.g)
UNION ALL
SELECT 'road', r.name, count(*), sum(ST_Length(ST_Intersection(ST_Force2D(r.geom), z.g)))
FROM road r, z
WHERE valid_at(r.valid_from, r.valid_to, CAST(:as_of AS timestamptz)) AND ST_Intersects(r.geom, z.g)
GROUP BY r.name
ORDER BY 1, 2
