-- 3D tile records: buildings valid at a time in a window (demolished ones left out), with the
-- colour of their use. Slots: {table} and {filter} (the layer's rows) from the layer catalog.
-- Parameters: :west, :south, :east, :north window (EPSG:4490 degrees), :srid native SRID, :t as-of time (NULL = now).
-- geom: footprint, lod2: walls and roofs or NULL, both ISO WKB in EPSG:4490 (x = longitude) with Z
-- in the 1985 datum; ground_elev_m: the footprint's lowest Z; top_m: the LOD1 height above it.
SELECT b.fid,
       ST_AsBinary(ST_Transform(b.geom, 4490)) AS geom,
       ST_AsBinary(ST_Transform(b.lod2, 4490)) AS lod2,
       ST_ZMin(b.geom) AS ground_elev_m,
       building_height_m(b.height_m, b.floors) AS top_m,
       sqrt(ST_Area(b.geom)) AS width_m,
       CASE b.building_use
         WHEN 'residential' THEN '#e9dcc0'
         WHEN 'commercial' THEN '#9fc3e0'
         WHEN 'office' THEN '#b8c8d8'
         WHEN 'industrial' THEN '#c9b8a6'
         WHEN 'public' THEN '#e3b7b0'
         WHEN 'education' THEN '#f0c98a'
         WHEN 'warehouse' THEN '#b5b5a8'
         ELSE '#d0d0d0'
       END AS rgb,
       b.status IN ('planned', 'under_construction') AS proposed,
       b.building_code,
       b.name,
       b.building_use,
       b.floors,
       b.height_m::double precision AS height_m,
       b.roof_height_m::double precision AS roof_height_m,
       b.parcel_code,
       b.build_year,
       b.status,
       to_char(b.valid_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS valid_from
FROM {table} b
WHERE {filter}
  AND b.status <> 'demolished'
  AND b.geom && ST_Expand(ST_Transform(ST_MakeEnvelope(:west, :south, :east, :north, 4490), :srid::integer), 1)
  AND valid_at(b.valid_from, b.valid_to, :t::timestamptz)
ORDER BY b.fid
