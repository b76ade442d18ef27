-- Coverage targets by GB 50137-2011 medium class (中类: a letter and one digit, R2, B1, M1) as well
-- as by major class (大类), and by district (片区, district.district_code), as data
-- (cn.lzxq.city.data.coverage.CoverageKpi). The most specific row governs a KPI figure: a medium
-- class row before a major class row before NULL (all built-up land), then a district row before
-- NULL (every district), then an operator row before NULL (every operator). A medium class row
-- also governs the figure of that medium class within each district, a district row the figures
-- of every class within that district. H (建设用地 outside the city's land) is construction land too.
ALTER TABLE coverage_target DROP CONSTRAINT coverage_target_land_use_class_check;
ALTER TABLE coverage_target ADD CONSTRAINT coverage_target_land_use_class_check
  CHECK (land_use_class ~ '^[RABMWSUGH][0-9]?$');
ALTER TABLE coverage_target ADD COLUMN district text CHECK (district <> '');
ALTER TABLE coverage_target DROP CONSTRAINT coverage_target_network_operator_class_key;
ALTER TABLE coverage_target ADD CONSTRAINT coverage_target_network_operator_class_district_key
  UNIQUE NULLS NOT DISTINCT (network, operator, land_use_class, district);
COMMENT ON COLUMN coverage_target.land_use_class IS 'GB 50137 major class (R) or medium class (R2), NULL for all built-up land';
COMMENT ON COLUMN coverage_target.district IS 'district_code of district, NULL for every district';
