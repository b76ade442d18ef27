-- Extent of a layer of base-station towers: 1 m below the ground to 5 m above the tallest tower
-- (the antennas and the lightning rod). Slots and columns as in extent/pipes.sql.
SELECT '{layer}' AS layer,
       ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
       min(ground_elev_m) AS ground_min, max(ground_elev_m) AS ground_max,
       -1.0 AS rel_min, max(tower_height_m) + 5 AS rel_max
FROM {table} WHERE {filter} HAVING count(*) > 0
