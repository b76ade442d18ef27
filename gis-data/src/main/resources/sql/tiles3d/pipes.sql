-- 3D tile records: pipe segments of one layer (a network) valid at a time, crossing a window.
-- Slots: {table} and {filter} (the layer's rows) from the layer catalog.
-- Parameters: :west, :south, :east, :north window (EPSG:4490 degrees; turned into the native CRS
-- so the GiST index is used), :srid native SRID, :t as-of time (NULL = now), :min_mm–:max_mm size
-- band (inclusive) of the level asked for.
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
FROM {table} s
JOIN network_type t ON t.code = s.network
WHERE {filter}
  AND s.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :srid::integer), 1)
  AND valid_at(s.valid_from, s.valid_to, :t::timestamptz)
  AND (CASE WHEN s.width_mm IS NOT NULL AND s.height_mm IS NOT NULL
            THEN greatest(s.width_mm, s.height_mm) ELSE s.dn_mm END) BETWEEN :min_mm AND :max_mm
ORDER BY s.fid
