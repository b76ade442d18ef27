-- 3D tile records: pipe segments of one network valid at a time, crossing a window.
-- Binds: 1 network code (JS …), 2–5 window west, south, east, north (EPSG:4490 degrees; turned into
-- the native CRS so the GiST index is used), 6 native SRID, 7 as-of time (NULL = now),
-- 8–9 size band in mm (inclusive) of the level asked for.
-- geom: ISO WKB in EPSG:4490 (x = longitude, y = latitude) with the surveyed Z (top or invert, per
-- depth_ref); centre_offset_m from pipe_centre_offset_m() turns it into the centre elevation.
SELECT s.fid,
       ST_AsBinary(ST_Transform(s.geom, 4490)) AS geom,
       ST_Length(s.geom) AS length_m,
       CASE WHEN s.width_mm IS NOT NULL AND s.height_mm IS NOT NULL
            THEN greatest(s.width_mm, s.height_mm) ELSE s.dn_mm END AS size_mm,
       pipe_centre_offset_m(s.depth_ref, s.dn_mm, s.height_mm) AS centre_offset_m,
       s.start_depth_m::double precision AS start_depth_m,
       s.end_depth_m::double precision AS end_depth_m,
       t.rgb,
       s.network::text AS network,
       s.subtype::text AS subtype,
       s.owner,
       s.dn_mm,
       s.width_mm,
       s.height_mm,
       s.material,
       s.depth_ref,
       greatest(s.start_depth_m, s.end_depth_m)::double precision AS depth_m,
       s.build_year::integer AS build_year,
       s.status,
       s.pressure_class,
       to_char(s.valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS valid_from
FROM pipe_segment s
JOIN network_type t ON t.code = s.network
WHERE s.network = ?
  AND s.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4490), ?::integer), 1)
  AND valid_at(s.valid_from, s.valid_to, ?::timestamptz)
  AND (CASE WHEN s.width_mm IS NOT NULL AND s.height_mm IS NOT NULL
            THEN greatest(s.width_mm, s.height_mm) ELSE s.dn_mm END) BETWEEN ? AND ?
ORDER BY s.fid
