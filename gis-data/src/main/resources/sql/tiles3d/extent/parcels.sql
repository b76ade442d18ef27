-- Extent of a layer of zoning parcels extruded to their height limit. Slots and columns as in
-- extent/pipes.sql.
SELECT '{layer}' AS layer,
       ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
       min(ST_ZMin(geom)) AS ground_min, max(ST_ZMax(geom)) AS ground_max,
       -0.5 AS rel_min, max(coalesce(height_limit_m, 0)) + 1 AS rel_max
FROM {table} WHERE {filter} HAVING count(*) > 0
