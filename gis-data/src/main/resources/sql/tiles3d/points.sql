-- 3D tile records: pipe-point appurtenances (manholes, valves, hydrants …) valid at a time in a window.
-- Slots: {table} and {filter} (the layer's rows) from the layer catalog.
-- Parameters: :west, :south, :east, :north window (EPSG:4490 degrees), :srid native SRID, :t as-of time (NULL = now).
-- geom: ISO WKB in EPSG:4490 with Z = ground elevation (1985 datum).
SELECT p.fid,
       ST_AsBinary(ST_Transform(p.geom, 4490)) AS geom,
       p.ground_elev_m::double precision AS ground_elev_m,
       p.well_depth_m::double precision AS well_depth_m,
       p.cover_size,
       p.rotation_deg::double precision AS rotation_deg,
       t.rgb,
       p.network::text AS network,
       p.subtype::text AS subtype,
       p.appurtenance,
       p.exp_no,
       p.owner,
       p.depth_m::double precision AS depth_m,
       p.status,
       to_char(p.valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS valid_from
FROM {table} p
JOIN network_type t ON t.code = p.network
WHERE p.appurtenance IS NOT NULL
  AND {filter}
  AND p.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :srid::integer), 1)
  AND valid_at(p.valid_from, p.valid_to, :t::timestamptz)
ORDER BY p.fid
