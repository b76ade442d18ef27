-- High-voltage power-line towers (高压铁塔) as a versioned feature layer (`power_tower` in CityLayers):
-- the foundation outline (基础边), which GB 50289-2016 Table 4.1.9 measures pipes to (columns
-- 高压铁塔基础边 <= 35 kV and > 35 kV: clearance types TOWER35 and TOWERHV, rows in V20 and V66), with
-- the line it carries, its voltage, height, owner, year and status; Z is the ground elevation (1985
-- datum) like the buildings. feature_clearance.sql checks every pipe against the foundations of the
-- towers in use; power_tower_clearance_type() is the one mapping of a tower to its column.
CREATE TABLE power_tower (
  LIKE versioned_feature INCLUDING ALL,
  tower_code     text NOT NULL,
  line_name      text NOT NULL,
  voltage_kv     numeric(6, 1) NOT NULL CHECK (voltage_kv > 0 AND voltage_kv <= 1000),
  tower_height_m numeric(5, 1) CHECK (tower_height_m > 0 AND tower_height_m <= 200),
  owner          text NOT NULL REFERENCES organization (code),
  build_year     integer CHECK (build_year BETWEEN 1900 AND 2100),
  status         text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'other', 'planned')),
  geom           geometry(MultiPolygonZ, ${srid}) NOT NULL
);
COMMENT ON TABLE power_tower IS '高压铁塔: foundation outline (基础边, Z = ground, 1985 datum), line, voltage (kV), height (m), owner, year, status';
CREATE INDEX power_tower_geom_idx ON power_tower USING gist (geom);
CREATE UNIQUE INDEX power_tower_current_idx ON power_tower (fid) WHERE valid_to IS NULL;
CREATE INDEX power_tower_fid_idx ON power_tower (fid, valid_from);
CREATE UNIQUE INDEX power_tower_code_idx ON power_tower (tower_code) WHERE valid_to IS NULL;
SELECT add_finite_flag('power_tower', 'geom');

-- The column of Table 4.1.9 a tower's foundation belongs to: TOWER35 up to 35 kV, TOWERHV above.
CREATE FUNCTION power_tower_clearance_type(voltage_kv numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN voltage_kv > 35 THEN 'TOWERHV' ELSE 'TOWER35' END
$$;

-- The change log (V7, V85) for the map and tile caches, as for every layer.
CREATE TRIGGER power_tower_tile_insert AFTER INSERT ON power_tower REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER power_tower_tile_update_old AFTER UPDATE ON power_tower REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER power_tower_tile_update_new AFTER UPDATE ON power_tower REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER power_tower_tile_delete AFTER DELETE ON power_tower REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();

-- Scanned by parallel workers in the whole-city feature check, like the other feature tables.
ALTER TABLE power_tower SET (parallel_workers = 2);
