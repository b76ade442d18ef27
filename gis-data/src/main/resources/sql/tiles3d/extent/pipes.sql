-- Extent of one pipe layer (see tiles3d/grid/CityGrid): lon/lat box (EPSG:4490 degrees), ground
-- elevations (1985 datum, m) and heights relative to the ground (m) its tubes and boxes reach.
-- Slots: {layer} name, {table}, {filter} the layer's row predicate. Parameter :depth, the default
-- cover depth (m) where a pipe's depth is unknown.
SELECT '{layer}' AS layer,
       ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
       min(ST_ZMin(geom) + least(coalesce(start_depth_m, :depth), coalesce(end_depth_m, :depth))) AS ground_min,
       max(ST_ZMax(geom) + greatest(coalesce(start_depth_m, :depth), coalesce(end_depth_m, :depth))) AS ground_max,
       min(pipe_centre_offset_m(depth_ref, dn_mm, height_mm)
           - greatest(coalesce(start_depth_m, :depth), coalesce(end_depth_m, :depth))
           - greatest(dn_mm, width_mm, height_mm) / 1000.0) AS rel_min,
       max(pipe_centre_offset_m(depth_ref, dn_mm, height_mm)
           - least(coalesce(start_depth_m, :depth), coalesce(end_depth_m, :depth))
           + greatest(dn_mm, width_mm, height_mm) / 1000.0) AS rel_max
FROM {table} WHERE {filter} HAVING count(*) > 0
