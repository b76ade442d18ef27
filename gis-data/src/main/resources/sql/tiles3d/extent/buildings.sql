-- Extent of a layer of buildings. They stand on the DEM where there is one: its heights widen the
-- ground range. Slots and columns as in extent/pipes.sql.
SELECT '{layer}' AS layer,
       ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
       least(min(ST_ZMin(geom)), (SELECT min(min_h) FROM dem)) AS ground_min,
       greatest(max(ST_ZMax(geom)), (SELECT max(max_h) FROM dem)) AS ground_max,
       -0.5 AS rel_min,
       max(greatest(building_height_m(height_m, floors), coalesce(roof_height_m, 0),
                    coalesce(ST_ZMax(lod2) - ST_ZMin(geom), 0))) + 1 AS rel_max
FROM {table} WHERE {filter} HAVING count(*) > 0
