-- Feature rows of GB 50289-2016 Table 4.1.9 that V20 left out (issue 16 item 1): high-voltage
-- tower foundations (高压铁塔基础边 ≤ 35 kV / > 35 kV) for water, reclaimed water, drainage and heat,
-- a pole row for reclaimed water, trees for trenches, shrubs (灌木), railways (铁路钢轨或坡脚) and
-- trams (有轨电车钢轨). Values as DOMAIN.md §1.1 transcribes them (from memory, confidence M) or
-- CJJ 75-97 §6.2.1 for shrubs (S). Pairs the table has no value for here (power, telecom and
-- trenches against tower foundations and railways) have no row: where such a feature exists next
-- to such a pipe the pair is listed as unchecked (需人工复核).
--
-- The features the service has today: base-station towers (base_station, POLE: a
-- communication pole, measured to its centre), road kerbs (道路侧石边缘: the carriageway edges of
-- road, KERB) and building footprints (building, when that table exists). Trees, shrubs,
-- railways, trams and power-line towers have rows only, until a layer carries them.

INSERT INTO clearance_type VALUES
  ('SHRUB', 'feature', '灌木', 'shrub', 'to the shrub centre'),
  ('RAIL', 'feature', '铁路钢轨(或坡脚)', 'railway rail or embankment toe', NULL),
  ('TRAM', 'feature', '有轨电车钢轨', 'tram rail', NULL);

INSERT INTO clearance_rule (id, direction, a_type, a_subtype, a_pressure_class, a_dn_min_mm, a_dn_max_mm, a_laying_class,
                            b_type, b_subtype, b_pressure_class, b_dn_min_mm, b_dn_max_mm, b_laying_class,
                            min_clearance_m, source_clause, confidence, note, alt_source_clause, alt_min_clearance_m,
                            special_assessment) VALUES
  (1201, 'horizontal', 'JS', NULL, NULL, NULL, NULL, NULL, 'TOWER35', NULL, NULL, NULL, NULL, NULL, 3.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, <= 35 kV', NULL, NULL, false),
  (1202, 'horizontal', 'JS', NULL, NULL, NULL, NULL, NULL, 'TOWERHV', NULL, NULL, NULL, NULL, NULL, 3.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, > 35 kV', NULL, NULL, false),
  (1203, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'TOWER35', NULL, NULL, NULL, NULL, NULL, 3.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, <= 35 kV', NULL, NULL, false),
  (1204, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'TOWERHV', NULL, NULL, NULL, NULL, NULL, 3.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, > 35 kV', NULL, NULL, false),
  (1205, 'horizontal', 'PS', NULL, NULL, NULL, NULL, NULL, 'TOWER35', NULL, NULL, NULL, NULL, NULL, 1.50, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, <= 35 kV', NULL, NULL, false),
  (1206, 'horizontal', 'PS', NULL, NULL, NULL, NULL, NULL, 'TOWERHV', NULL, NULL, NULL, NULL, NULL, 1.50, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, > 35 kV', NULL, NULL, false),
  (1207, 'horizontal', 'RL', NULL, NULL, NULL, NULL, NULL, 'TOWER35', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, <= 35 kV', NULL, NULL, false),
  (1208, 'horizontal', 'RL', NULL, NULL, NULL, NULL, NULL, 'TOWERHV', NULL, NULL, NULL, NULL, NULL, 3.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tower foundation edge, > 35 kV', NULL, NULL, false),
  (1209, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'POLE', NULL, NULL, NULL, NULL, NULL, 0.50, 'GB 50289-2016 表4.1.9', 'M', 'communication/lighting pole or < 10 kV, to the pole centre', NULL, NULL, false),
  (1210, 'horizontal', 'GG', NULL, NULL, NULL, NULL, NULL, 'TREE', NULL, NULL, NULL, NULL, NULL, 1.50, 'GB 50289-2016 表4.1.9', 'M', 'to the trunk centre', NULL, NULL, false),
  (1211, 'horizontal', 'JS', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9', 'M', 'to the shrub centre', NULL, NULL, false),
  (1212, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9', 'M', 'to the shrub centre', NULL, NULL, false),
  (1213, 'horizontal', 'PS', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9', 'M', 'to the shrub centre', NULL, NULL, false),
  (1214, 'horizontal', 'RL', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.50, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1215, 'horizontal', 'DL', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1216, 'horizontal', 'TX', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1217, 'horizontal', 'GG', NULL, NULL, NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.00, 'GB 50289-2016 表4.1.9', 'M', 'to the shrub centre', NULL, NULL, false),
  (1218, 'horizontal', 'RQ', NULL, 'L', NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 0.75, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1219, 'horizontal', 'RQ', NULL, 'MB', NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 0.75, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1220, 'horizontal', 'RQ', NULL, 'MA', NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 0.75, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1221, 'horizontal', 'RQ', NULL, 'SHB', NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.20, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1222, 'horizontal', 'RQ', NULL, 'SHA', NULL, NULL, NULL, 'SHRUB', NULL, NULL, NULL, NULL, NULL, 1.20, 'GB 50289-2016 表4.1.9; CJJ 75-97 §6.2.1', 'S', 'to the shrub centre', NULL, NULL, false),
  (1223, 'horizontal', 'JS', NULL, NULL, NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1224, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1225, 'horizontal', 'PS', NULL, NULL, NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1226, 'horizontal', 'RQ', NULL, 'L', NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1227, 'horizontal', 'RQ', NULL, 'MB', NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1228, 'horizontal', 'RQ', NULL, 'MA', NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1229, 'horizontal', 'RQ', NULL, 'SHB', NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1230, 'horizontal', 'RQ', NULL, 'SHA', NULL, NULL, NULL, 'RAIL', NULL, NULL, NULL, NULL, NULL, 5.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the rail or the embankment toe', NULL, NULL, false),
  (1231, 'horizontal', 'JS', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1232, 'horizontal', 'ZS', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1233, 'horizontal', 'PS', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1234, 'horizontal', 'RL', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1235, 'horizontal', 'DL', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1236, 'horizontal', 'TX', NULL, NULL, NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9', 'M', 'to the tram rail', NULL, NULL, false),
  (1237, 'horizontal', 'RQ', NULL, 'L', NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the tram rail', NULL, NULL, false),
  (1238, 'horizontal', 'RQ', NULL, 'MB', NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the tram rail', NULL, NULL, false),
  (1239, 'horizontal', 'RQ', NULL, 'MA', NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the tram rail', NULL, NULL, false),
  (1240, 'horizontal', 'RQ', NULL, 'SHB', NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the tram rail', NULL, NULL, false),
  (1241, 'horizontal', 'RQ', NULL, 'SHA', NULL, NULL, NULL, 'TRAM', NULL, NULL, NULL, NULL, NULL, 2.00, 'GB 50289-2016 表4.1.9; GB 50028-2006 表6.3.3-1', 'M', 'to the tram rail', NULL, NULL, false);
