-- 3D tile records: base-station sites valid at a time in a window.
-- Slots: {table} and {filter} (the layer's rows) from the layer catalog.
-- Parameters: :west, :south, :east, :north window (EPSG:4490 degrees), :srid native SRID, :t as-of time (NULL = now).
-- geom: ISO WKB in EPSG:4490 with Z = ground elevation.
SELECT b.fid,
       ST_AsBinary(ST_Transform(b.geom, 4490)) AS geom,
       b.ground_elev_m::double precision AS ground_elev_m,
       b.tower_height_m::double precision AS tower_height_m,
       b.site_code,
       b.site_name,
       b.tower_type,
       b.area_type,
       b.sharing_status,
       array_to_string(b.tenants, ',') AS tenants,
       b.owner,
       b.build_year::integer AS build_year,
       b.status,
       to_char(b.valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS valid_from
FROM {table} b
WHERE {filter}
  AND b.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :srid::integer), 1)
  AND valid_at(b.valid_from, b.valid_to, :t::timestamptz)
ORDER BY b.fid
