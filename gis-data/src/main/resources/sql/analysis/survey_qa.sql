-- Surveying QA: the current survey points (pipe_point) in the scope with their recorded ground
-- elevation (地面高程, 1985 datum) and their position in CGCS2000 longitude/latitude (EPSG:4490),
-- where the DEM is sampled (cn.lzxq.city.data.analysis.SurveyQa).
WITH {scope_cte}
SELECT p.fid, p.exp_no, p.road_name, p.ground_elev_m::float8 AS ground_m,
       ST_X(ll) AS lon, ST_Y(ll) AS lat, ST_AsGeoJSON(ST_Transform(p.geom, 4326), 7) AS location
FROM pipe_point p
CROSS JOIN LATERAL ST_Transform(ST_Force2D(p.geom), 4490) ll
WHERE valid_at(p.valid_from, p.valid_to, CAST(:as_of AS timestamptz)) AND p.ground_elev_m IS NOT NULL AND {scope}
ORDER BY p.exp_no
