-- 3D tile records: zoning parcels valid at a time in a window, with their GB 50137 colour.
-- Slots: {table} and {filter} (the layer's rows) from the layer catalog.
-- Parameters: :west, :south, :east, :north window (EPSG:4490 degrees), :srid native SRID, :t as-of time (NULL = now).
-- geom: ISO WKB in EPSG:4490 (x = longitude) with Z = ground elevation.
SELECT z.fid,
       ST_AsBinary(ST_Transform(z.geom, 4490)) AS geom,
       ST_ZMin(z.geom) AS ground_elev_m,
       sqrt(ST_Area(z.geom)) AS width_m,
       l.rgb,
       z.parcel_code,
       z.land_use_code,
       z.land_use_name,
       z.area_m2::double precision AS area_m2,
       z.max_far::double precision AS max_far,
       z.max_coverage_pct::double precision AS max_coverage_pct,
       z.min_green_pct::double precision AS min_green_pct,
       z.height_limit_m::double precision AS height_limit_m,
       z.plan_name,
       to_char(z.valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS valid_from
FROM {table} z
JOIN land_use_class l ON l.code = z.land_use_code
WHERE {filter}
  AND z.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :srid::integer), 1)
  AND valid_at(z.valid_from, z.valid_to, :t::timestamptz)
ORDER BY z.fid
