-- The extent of the tiled layers over every version (so that every as-of view shares one tile
-- grid): per layer, the lon/lat box (EPSG:4490 degrees), the range of ground elevations (1985
-- datum, m) and the range of heights relative to the ground (m) its meshes can reach.
-- Parameters: :depth, the default cover depth (m) used where a pipe's depth is unknown (the same value as in Java).
WITH d AS (SELECT CAST(:depth AS double precision) AS depth),
layers AS (
  SELECT 'pipe_' || lower(network) AS layer,
         ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS box,
         min(ST_ZMin(geom) + least(coalesce(start_depth_m, d.depth), coalesce(end_depth_m, d.depth))) AS ground_min,
         max(ST_ZMax(geom) + greatest(coalesce(start_depth_m, d.depth), coalesce(end_depth_m, d.depth))) AS ground_max,
         min(pipe_centre_offset_m(depth_ref, dn_mm, height_mm)
             - greatest(coalesce(start_depth_m, d.depth), coalesce(end_depth_m, d.depth))
             - greatest(dn_mm, width_mm, height_mm) / 1000.0) AS rel_min,
         max(pipe_centre_offset_m(depth_ref, dn_mm, height_mm)
             - least(coalesce(start_depth_m, d.depth), coalesce(end_depth_m, d.depth))
             + greatest(dn_mm, width_mm, height_mm) / 1000.0) AS rel_max
  FROM pipe_segment, d GROUP BY network
  UNION ALL
  SELECT 'pipe_point', ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490),
         min(ground_elev_m), max(ground_elev_m),
         -max(greatest(coalesce(well_depth_m, 0), coalesce(depth_m, d.depth))) - 0.5, 2.0
  FROM pipe_point, d WHERE appurtenance IS NOT NULL HAVING count(*) > 0
  UNION ALL
  SELECT 'base_station', ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490),
         min(ground_elev_m), max(ground_elev_m), -1.0, max(tower_height_m) + 5
  FROM base_station HAVING count(*) > 0
  UNION ALL
  SELECT 'zoning_parcel', ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490),
         min(ST_ZMin(geom)), max(ST_ZMax(geom)), -0.5, max(coalesce(height_limit_m, 0)) + 1
  FROM zoning_parcel HAVING count(*) > 0
  UNION ALL
  -- buildings stand on the DEM where there is one: its heights widen the ground range
  SELECT 'building', ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490),
         least(min(ST_ZMin(geom)), (SELECT min(min_h) FROM dem)),
         greatest(max(ST_ZMax(geom)), (SELECT max(max_h) FROM dem)), -0.5,
         max(greatest(building_height_m(height_m, floors), coalesce(roof_height_m, 0),
                      coalesce(ST_ZMax(lod2) - ST_ZMin(geom), 0))) + 1
  FROM building HAVING count(*) > 0
)
SELECT layer, ST_XMin(box) AS west, ST_YMin(box) AS south, ST_XMax(box) AS east, ST_YMax(box) AS north,
       ground_min::double precision AS ground_min, ground_max::double precision AS ground_max,
       rel_min::double precision AS rel_min, rel_max::double precision AS rel_max
FROM layers
