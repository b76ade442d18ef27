-- Tile cache invalidation: change-log rows after a sequence number (see V7__tile_changes.sql).
-- Binds: 1 last sequence number seen, 2 most rows to return.
SELECT seq, layer, west, south, east, north FROM tile_change WHERE seq > ? ORDER BY seq LIMIT ?
