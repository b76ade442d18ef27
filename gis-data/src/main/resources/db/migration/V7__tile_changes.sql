-- Change log for the 3D tile cache (cn.lzxq.city.server.tiles3d): every statement that writes a
-- tiled feature table (pipe_segment, pipe_point, base_station, antenna_sector, zoning_parcel) adds
-- one row per layer and 1 km cell of the native CRS it touched, with the bounding box of the
-- touched geometries in CGCS2000 longitude/latitude (EPSG:4490, degrees). The tile server polls
-- rows with seq above the last one it saw and rebuilds only the tiles whose area they cross, so an
-- edit by any writer (WFS-T, OGC API, importer, psql) shows on the next load.
-- Statement-level triggers with transition tables keep bulk loads cheap (one insert per statement).

CREATE TABLE tile_change (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  layer      text NOT NULL,
  west       double precision NOT NULL,
  south      double precision NOT NULL,
  east       double precision NOT NULL,
  north      double precision NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE tile_change IS '3D tile cache invalidation: layer (catalog name, e.g. pipe_js) and lon/lat box (EPSG:4490, degrees) of changed geometries';

-- Rows of the transition table `changed_rows` grouped by layer and 1 km native cell.
CREATE FUNCTION tile_change_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'pipe_segment' THEN
    INSERT INTO tile_change (layer, west, south, east, north)
    SELECT 'pipe_' || lower(network), ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
    FROM (SELECT network, ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS b
          FROM changed_rows
          GROUP BY network, floor(ST_XMin(geom) / 1000), floor(ST_YMin(geom) / 1000)) g;
  ELSE
    INSERT INTO tile_change (layer, west, south, east, north)
    SELECT TG_TABLE_NAME, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
    FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), 4490) AS b
          FROM changed_rows
          GROUP BY floor(ST_XMin(geom) / 1000), floor(ST_YMin(geom) / 1000)) g;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['pipe_segment', 'pipe_point', 'base_station', 'antenna_sector', 'zoning_parcel'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_tile_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_update_old AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_update_new AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
  END LOOP;
END
$$;
