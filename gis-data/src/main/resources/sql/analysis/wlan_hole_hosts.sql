-- Mounts for a new public access point within :reach_m of a WLAN hole (:hole, WKB in the native
-- CRS :srid): base-station sites in use (telecom towers and street-light poles, at their site),
-- existing buildings (on the wall: the point of the footprint's outline nearest the hole's interior
-- point :x, :y) and outdoor access points in use (their pole). Each with the height it offers
-- (metres above the ground: tower height, building height, the access point's mount height), the
-- mount point (native and CRS84) and its distance from the interior point.
WITH hole AS (SELECT ST_GeomFromWKB(CAST(:hole AS bytea), CAST(:srid AS integer)) AS g,
                     ST_SetSRID(ST_MakePoint(CAST(:x AS float8), CAST(:y AS float8)),
                                CAST(:srid AS integer)) AS at),
host AS (
  SELECT 'base_station' AS layer, b.fid, b.site_code AS code, b.site_name AS name,
         b.tower_type AS host_type, b.tower_height_m::float8 AS height_m, ST_Force2D(b.geom) AS p
  FROM base_station b, hole
  WHERE b.status = 'in_use' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
    AND ST_DWithin(b.geom, hole.g, CAST(:reach_m AS float8))
  UNION ALL
  SELECT 'building', b.fid, b.building_code, b.name, '建筑外墙',
         building_height_m(b.height_m, b.floors),
         ST_ClosestPoint(ST_Boundary(ST_Force2D(b.geom)), hole.at)
  FROM building b, hole
  WHERE b.status = 'existing' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
    AND ST_DWithin(b.geom, hole.g, CAST(:reach_m AS float8))
  UNION ALL
  SELECT 'wlan_ap', a.fid, a.ap_code, a.ssid, '热点杆', a.mount_height_m::float8, ST_Force2D(a.geom)
  FROM wlan_ap a, hole
  WHERE a.status = 'in_use' AND a.placement = 'outdoor'
    AND valid_at(a.valid_from, a.valid_to, CAST(:as_of AS timestamptz))
    AND ST_DWithin(a.geom, hole.g, CAST(:reach_m AS float8))
)
SELECT host.layer, host.fid, host.code, host.name, host.host_type, host.height_m,
       ST_X(host.p) AS x, ST_Y(host.p) AS y, ST_Distance(host.p, hole.at) AS distance_m,
       ST_AsGeoJSON(ST_Transform(host.p, 4326), 7) AS location
FROM host, hole
ORDER BY host.layer, host.code
