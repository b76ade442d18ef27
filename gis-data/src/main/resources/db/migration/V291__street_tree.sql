-- Street trees (行道树) as a versioned feature layer (`street_tree` in CityLayers): the trunk position
-- (Z = ground, 1985 datum), species (Chinese and Latin name), growth form (乔木 tree / 灌木 shrub),
-- trunk diameter at breast height (胸径, cm), planting year and road. GB 50289-2016 Table 4.1.9 measures
-- pipes to the trunk centre (乔木中心) and to shrubs (灌木): clearance types TREE and SHRUB, whose rows
-- exist since V20 (TREE: every pipe column, CJJ 75-97 §6.2.1 where the 2016 cell was not at hand) and
-- V66 (SHRUB, TREE for trenches). feature_clearance.sql checks every pipe against the trees in place;
-- street_tree_clearance_type() is the one mapping of a tree to its column.
CREATE TABLE street_tree (
  LIKE versioned_feature INCLUDING ALL,
  tree_code        text NOT NULL,
  species          text NOT NULL,
  species_latin    text,
  growth_form      text NOT NULL DEFAULT 'tree' CHECK (growth_form IN ('tree', 'shrub')),
  trunk_diameter_cm numeric(5, 1) CHECK (trunk_diameter_cm > 0 AND trunk_diameter_cm <= 500),
  planted_year     integer CHECK (planted_year BETWEEN 1900 AND 2100),
  road_name        text,
  status           text NOT NULL DEFAULT 'in_place' CHECK (status IN ('in_place', 'removed', 'planned')),
  geom             geometry(PointZ, ${srid}) NOT NULL
);
COMMENT ON TABLE street_tree IS '行道树: trunk position (Z = ground, 1985 datum), species, 乔木/灌木, 胸径 (cm), planting year, road';
CREATE INDEX street_tree_geom_idx ON street_tree USING gist (geom);
CREATE UNIQUE INDEX street_tree_current_idx ON street_tree (fid) WHERE valid_to IS NULL;
CREATE INDEX street_tree_fid_idx ON street_tree (fid, valid_from);
CREATE UNIQUE INDEX street_tree_code_idx ON street_tree (tree_code) WHERE valid_to IS NULL;
SELECT add_finite_flag('street_tree', 'geom');

-- The column of Table 4.1.9 a street tree belongs to: 乔木 TREE (to the trunk centre), 灌木 SHRUB.
CREATE FUNCTION street_tree_clearance_type(growth_form text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN growth_form = 'shrub' THEN 'SHRUB' ELSE 'TREE' END
$$;

-- The change log (V7, V85) for the map and tile caches, as for every layer.
CREATE TRIGGER street_tree_tile_insert AFTER INSERT ON street_tree REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER street_tree_tile_update_old AFTER UPDATE ON street_tree REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER street_tree_tile_update_new AFTER UPDATE ON street_tree REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();
CREATE TRIGGER street_tree_tile_delete AFTER DELETE ON street_tree REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record();

-- Scanned by parallel workers in the whole-city feature check, like the other feature tables.
ALTER TABLE street_tree SET (parallel_workers = 2);
