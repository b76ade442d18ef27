-- Sector, site, access point and building edits logged after :seq, as native boxes (metres): the area a coverage update
-- recomputes around. DEM changes are listed too (layer dem): they need a whole run.
SELECT c.seq, c.layer, ST_XMin(b) AS minx, ST_YMin(b) AS miny, ST_XMax(b) AS maxx, ST_YMax(b) AS maxy
FROM tile_change c,
     LATERAL (SELECT ST_Transform(ST_MakeEnvelope(c.west, c.south, c.east, c.north, 4490),
                                  Find_SRID(current_schema()::text, 'antenna_sector', 'geom')) AS b) t
WHERE c.seq > :seq AND c.layer IN ('antenna_sector', 'base_station', 'wlan_ap', 'building', 'dem')
ORDER BY c.seq
