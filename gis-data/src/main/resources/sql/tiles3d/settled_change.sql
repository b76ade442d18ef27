-- The change log's settled position (V330): every row at or below it is committed or rolled back.
SELECT tile_change_settled_seq()
