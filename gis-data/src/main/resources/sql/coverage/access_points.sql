-- The transmitting WLAN access points for coverage: current, in use, inside a native box (:minx …
-- :maxy, metres).
SELECT a.fid, a.band, ST_X(a.geom) AS x, ST_Y(a.geom) AS y,
       a.mount_height_m::float8 AS mount_height_m, a.eirp_dbm::float8 AS eirp_dbm,
       a.placement = 'indoor' AS indoor
FROM wlan_ap a
WHERE {valid_now} AND a.status = 'in_use'
  AND a.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, ST_SRID(a.geom))
ORDER BY a.fid
