-- Tile store invalidation: change-log rows after a sequence number (see V7__tile_changes.sql,
-- V86__tile_change_zooms.sql). Binds: 1 last sequence number seen, 2 most rows to return.
SELECT seq, layer, west, south, east, north, min_zoom, max_zoom FROM tile_change WHERE seq > ? ORDER BY seq LIMIT ?
