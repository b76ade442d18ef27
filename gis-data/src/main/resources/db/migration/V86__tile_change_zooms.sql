-- Truncating 2D tiles through the change log (city tiles truncate --zoom): a row may name the 2D
-- zoom levels it concerns. NULL (every row the feature triggers write) means every level of every
-- 2D tile matrix set, and 3D Tiles and terrain too; a row with levels concerns only the 2D tiles of
-- those levels (cn.lzxq.city.server.tilestore.ChangeLog).
ALTER TABLE tile_change ADD COLUMN min_zoom smallint, ADD COLUMN max_zoom smallint;
COMMENT ON COLUMN tile_change.min_zoom IS 'first 2D zoom level the change concerns; NULL: every level, 3D and terrain too';
COMMENT ON COLUMN tile_change.max_zoom IS 'last 2D zoom level the change concerns; NULL: every level';
