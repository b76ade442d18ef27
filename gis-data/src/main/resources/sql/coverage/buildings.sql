-- The buildings standing now, rasterised on the coverage grid (north-west corner :west, :north; :cell
-- metres; :width x :height cells): for every cell whose centre lies in the footprint of a current,
-- existing building, the greatest height of such a building above its ground, metres (the ridge
-- where known, else the GB 50352 height or floors x 3 m). Cells without a building are left out.
SELECT c.col, r.rn, max(coalesce(b.roof_height_m::float8,
                                 building_height_m(b.height_m, b.floors))) AS height_m
FROM building b
CROSS JOIN LATERAL generate_series(greatest(0, floor((ST_XMin(b.geom) - :west) / :cell)::int),
                                   least(:width - 1, floor((ST_XMax(b.geom) - :west) / :cell)::int)) AS c(col)
CROSS JOIN LATERAL generate_series(greatest(0, floor((:north - ST_YMax(b.geom)) / :cell)::int),
                                   least(:height - 1, floor((:north - ST_YMin(b.geom)) / :cell)::int)) AS r(rn)
WHERE {valid_now} AND b.status = 'existing'
  AND b.geom && ST_MakeEnvelope(:west, :north - :height * :cell, :west + :width * :cell, :north,
                                ST_SRID(b.geom))
  AND ST_Intersects(b.geom, ST_SetSRID(ST_MakePoint(:west + (c.col + 0.5) * :cell,
                                                    :north - (r.rn + 0.5) * :cell), ST_SRID(b.geom)))
GROUP BY c.col, r.rn
