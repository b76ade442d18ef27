-- Extent of a layer of point appurtenances (wells, valves, hydrants): models reach from below the
-- well's bottom (or the point's depth, :depth where unknown) to 2 m above the ground.
-- Slots and columns as in extent/pipes.sql.
SELECT '{layer}' AS layer,
       ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
       min(ground_elev_m) AS ground_min, max(ground_elev_m) AS ground_max,
       -max(greatest(coalesce(well_depth_m, 0), coalesce(depth_m, :depth))) - 0.5 AS rel_min,
       2.0 AS rel_max
FROM {table} WHERE {filter} AND appurtenance IS NOT NULL HAVING count(*) > 0
