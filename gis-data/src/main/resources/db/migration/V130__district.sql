-- Districts (片区): the administrative areas the coverage KPIs are reported by (issue 20: the share
-- of built-up parcel area covered, by GB 50137 class and by district). A versioned feature layer
-- (`district` in CityLayers), outline in the native CRS with Z = the ground elevation (1985 datum)
-- like the zoning parcels; logged for the tile caches like the other tables.
CREATE TABLE district (
  LIKE versioned_feature INCLUDING ALL,
  district_code text NOT NULL,
  name          text NOT NULL,
  name_en       text,
  geom          geometry(MultiPolygonZ, ${srid}) NOT NULL
);
COMMENT ON TABLE district IS '片区 district: code, Chinese and English name, outline (Z = ground, 1985 datum)';
CREATE INDEX district_geom_idx ON district USING gist (geom);
CREATE UNIQUE INDEX district_current_idx ON district (fid) WHERE valid_to IS NULL;
CREATE INDEX district_fid_idx ON district (fid, valid_from);
CREATE UNIQUE INDEX district_code_idx ON district (district_code) WHERE valid_to IS NULL;

-- The change log (V7, V85) for districts, and for the WLAN access points (V92 forgot them), so their
-- map tiles go stale on an edit like every other layer's.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['district', 'wlan_ap'] LOOP
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
