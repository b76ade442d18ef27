-- How many segments one pipe layer has per size and length (m, one decimal), over every version
-- (like extent.sql, so every as-of view shares the levels): the input of the per-network importance
-- ranking that bounds the features per tile at the coarse levels (ImportanceRanking).
-- Slots: {layer} name, {table}, {filter} the layer's row predicate (joined by UNION ALL over the
-- catalog's pipe layers, see tiles3d/grid/CityGrid).
SELECT '{layer}' AS layer,
       coalesce(CASE WHEN width_mm IS NOT NULL AND height_mm IS NOT NULL
                     THEN greatest(width_mm, height_mm) ELSE dn_mm END, 0) AS size_mm,
       round(ST_Length(geom)::numeric, 1)::double precision AS length_m,
       count(*) AS n
FROM {table} WHERE {filter}
GROUP BY 2, 3
