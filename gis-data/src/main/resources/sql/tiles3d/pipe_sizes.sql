-- How many features one pipe layer has per size and length (m, one decimal): the input of the
-- per-network importance ranking that bounds the features per tile at the coarse levels
-- (ImportanceRanking). A feature counts once, with the largest size and length any of its versions
-- had, so every as-of view shares the levels and a pipe edited a hundred times still takes one
-- place of a level's budget (counting versions let the history of edited pipes crowd the current
-- ones out of the coarse levels).
-- Slots: {layer} name, {table}, {filter} the layer's row predicate (joined by UNION ALL over the
-- catalog's pipe layers, see tiles3d/grid/CityGrid).
SELECT '{layer}' AS layer, size_mm, length_m, count(*) AS n
FROM (SELECT max(coalesce(CASE WHEN width_mm IS NOT NULL AND height_mm IS NOT NULL
                               THEN greatest(width_mm, height_mm) ELSE dn_mm END, 0)) AS size_mm,
             max(round(ST_Length(geom)::numeric, 1))::double precision AS length_m
      FROM {table} WHERE {filter}
      GROUP BY fid) AS feature
GROUP BY 2, 3
