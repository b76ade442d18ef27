-- The extent of the tiled layers over every version (so that every as-of view shares one tile
-- grid): per layer, the lon/lat box (EPSG:4490 degrees), the range of ground elevations (1985
-- datum, m) and the range of heights relative to the ground (m) its meshes can reach.
-- Slot "layers": one statement per tiled layer of the catalog (tiles3d/extent/<encoding>.sql,
-- joined by UNION ALL), each giving layer, box, ground_min, ground_max, rel_min, rel_max.
SELECT layer, ST_XMin(box) AS west, ST_YMin(box) AS south, ST_XMax(box) AS east, ST_YMax(box) AS north,
       ground_min::double precision AS ground_min, ground_max::double precision AS ground_max,
       rel_min::double precision AS rel_min, rel_max::double precision AS rel_max
FROM (
{layers}
) AS layers
