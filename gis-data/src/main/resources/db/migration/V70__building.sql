-- Buildings (建筑物): footprint in the native CRS with Z = the ground elevation (1985 datum), height
-- or floors, roof height where known, use, parcel, year and status; optional LOD2 boundary
-- surfaces (walls and roofs, not the ground) with absolute Z (1985 datum) from CityJSON.
-- Versioned like every feature table (LIKE versioned_feature: fid, valid_from/valid_to, changed_*,
-- closed_*), logged for the 3D tile cache like the other tiled tables.
--
-- Heights (GB 50352-2019 §4.5.2): height_m is the building height (建筑高度) from the outdoor
-- ground: to the roof surface of a flat roof, to the midpoint of eave and ridge of a pitched roof;
-- roof_height_m is the highest point of the roof (ridge) above the ground where known.

CREATE TABLE building (
  LIKE versioned_feature INCLUDING ALL,
  building_code text NOT NULL,
  name          text,
  building_use  text NOT NULL CHECK (building_use IN ('residential', 'commercial', 'office', 'industrial',
                                                      'public', 'education', 'warehouse', 'other')),
  floors        integer CHECK (floors BETWEEN 1 AND 200),
  height_m      numeric(6, 2) CHECK (height_m > 0 AND height_m < 1000),
  roof_height_m numeric(6, 2) CHECK (roof_height_m > 0 AND roof_height_m < 1000),
  parcel_code   text,
  build_year    integer CHECK (build_year BETWEEN 1900 AND 2100),
  status        text NOT NULL CHECK (status IN ('existing', 'under_construction', 'planned', 'demolished')),
  geom          geometry(MultiPolygonZ, ${srid}) NOT NULL,
  lod2          geometry(MultiPolygonZ, ${srid}),
  CHECK (height_m IS NOT NULL OR floors IS NOT NULL),
  CHECK (roof_height_m IS NULL OR height_m IS NULL OR roof_height_m >= height_m)
);
COMMENT ON TABLE building IS '建筑物: footprint (Z = ground, 1985 datum), GB 50352 height or floors, ridge height, use, parcel; lod2 = CityJSON LOD2 walls and roofs (absolute Z)';
COMMENT ON COLUMN building.lod2 IS 'LOD2 boundary surfaces except the ground (walls, roofs), Z in the 1985 datum; NULL = LOD1 (extruded footprint)';

CREATE INDEX building_geom_idx ON building USING gist (geom);
CREATE UNIQUE INDEX building_current_idx ON building (fid) WHERE valid_to IS NULL;
CREATE INDEX building_fid_idx ON building (fid, valid_from);
CREATE UNIQUE INDEX building_code_idx ON building (building_code) WHERE valid_to IS NULL;
CREATE INDEX building_parcel_idx ON building (parcel_code) WHERE valid_to IS NULL;

-- Storey height (m) assumed where only the number of floors is known: 3.0 m, the usual planning
-- figure (GB 50096-2011 §5.5.1 recommends 2.80 m for dwellings [M: from memory]).
CREATE FUNCTION building_height_m(height_m numeric, floors integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(height_m::double precision, floors * 3.0)
$$;
COMMENT ON FUNCTION building_height_m(numeric, integer) IS 'Building height in metres: the recorded height, else floors × 3.0 m';

-- Gross floor area per storey count: the recorded floors, else the height over 3.0 m (at least 1).
CREATE FUNCTION building_floors(height_m numeric, floors integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(floors, greatest(1, round(height_m / 3.0)::integer))
$$;
COMMENT ON FUNCTION building_floors(numeric, integer) IS 'Storeys counted for the floor-area ratio: the recorded floors, else round(height / 3.0 m), at least 1';

CREATE TRIGGER building_tile_insert AFTER INSERT ON building REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER building_tile_update_old AFTER UPDATE ON building REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER building_tile_update_new AFTER UPDATE ON building REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER building_tile_delete AFTER DELETE ON building REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
