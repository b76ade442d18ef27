-- Count and CRS84 extent of a layer's current features, and how many current rows are skipped
-- because their geometry holds a non-finite coordinate (written by another tool; V36, flagged by V270).
-- {table}, {geom} and {filter} come from the layer catalog, never from a request.
SELECT n AS feature_count, skipped, ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat
FROM (
  SELECT count(*) FILTER (WHERE {geom}_finite) AS n,
         count(*) FILTER (WHERE NOT {geom}_finite) AS skipped,
         ST_Transform(ST_SetSRID(ST_Extent({geom}) FILTER (WHERE {geom}_finite)::geometry,
                                 Find_SRID(current_schema()::varchar, '{table}', '{geom}')), 4326) AS e
  FROM {table}
  WHERE {filter} AND valid_at(valid_from, valid_to, NULL)
) s
