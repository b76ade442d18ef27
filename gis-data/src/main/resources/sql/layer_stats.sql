-- The layers of one table and geometry column measured in one scan: per layer the count of its
-- current rows, the number of current rows skipped because their geometry holds a non-finite
-- coordinate (written by another tool; V36, flagged by V270), and the box of the counted rows in the
-- native CRS and in CRS84 (the native box's corners transformed). The table and geometry column
-- come from the layer catalog; the measures are layer_stats_layer.sql once per layer (its row
-- predicate from the catalog) and the rows list each layer's (index, n, skipped, box) from them, so
-- layers whose rows overlap are each measured right. (Slots are not named in comments: a slot is
-- filled wherever it is written.)
SELECT l.layer, l.feature_count, l.skipped,
       ST_XMin(l.box) AS min_x, ST_YMin(l.box) AS min_y, ST_XMax(l.box) AS max_x, ST_YMax(l.box) AS max_y,
       ST_XMin(w.box) AS min_lon, ST_YMin(w.box) AS min_lat, ST_XMax(w.box) AS max_lon, ST_YMax(w.box) AS max_lat
FROM (
  SELECT {measures}
  FROM {table} t
  WHERE valid_at(t.valid_from, t.valid_to, NULL)
) a
CROSS JOIN LATERAL (VALUES {rows}) AS l(layer, feature_count, skipped, box)
CROSS JOIN LATERAL (
  SELECT ST_Transform(ST_SetSRID(l.box::geometry, Find_SRID(current_schema()::varchar, '{table}', '{geom}')), 4326) AS box
) w
