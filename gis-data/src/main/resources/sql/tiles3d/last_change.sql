-- The newest change-log sequence number (0 when the log is empty).
SELECT coalesce(max(seq), 0) FROM tile_change
