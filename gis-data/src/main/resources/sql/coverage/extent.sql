-- The area a whole-city coverage run covers: the current zoning parcels and base stations (native
-- CRS, metres); nulls when there are none.
SELECT min(x0) AS minx, min(y0) AS miny, max(x1) AS maxx, max(y1) AS maxy
FROM (
  SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
  FROM (SELECT ST_Extent(geom)::geometry AS e FROM zoning_parcel
        WHERE {valid_now}) p
  UNION ALL
  SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
  FROM (SELECT ST_Extent(geom)::geometry AS e FROM base_station
        WHERE {valid_now}) b
) boxes
