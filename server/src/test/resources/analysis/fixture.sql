-- The worked-example fixture of the analysis tests: a small street in Lanzhou New Area whose
-- numbers can be checked by hand. Coordinates are local metres (x east, y north) from the origin
-- E 383500, N 4041800 of EPSG:4544 (≈ 103.6997°E, 36.4999°N); the ground is flat at 1950.0 m.
--
--   y
--   80 ┤                 P1 (R2 homes, x 60..120, y 20..80)
--   60 ┤                  JS6 ● valve
--   30 ┤                  JS5 ● valve, inoperable
--    5 ┤ ═══ road 纬一路 centreline, carriageway 14 m (y -2..12), red line y -10..20 ═══
--    4 ┤                              ── TX duct bank 400×300, 12 holes, 4 used (x 100..300)
--  1.2 ┤ ─── PS storm DN200, invert 1947.0 (x 0..100) ──┐ PS C down to y -30
--    0 ┤ JS1 ── s1 ── JS2 ── s2 ── JS3 ── s3 ── JS4      water DN300, top 1948.3 (depth 1.7)
--      │      DL x=20   valve  TX x=50  tee   RQ x=80  valve
--  -15 ┤ ─── PS sewer DN300, invert 1949.0 (x 0..60): cover 0.70 m
--      └──────────────────────────────────────────────── x
CREATE FUNCTION fx_pt(x float8, y float8, z float8) RETURNS geometry LANGUAGE sql IMMUTABLE AS
  $$ SELECT ST_SetSRID(ST_MakePoint(383500 + x, 4041800 + y, z), 4544) $$;
CREATE FUNCTION fx_line(x1 float8, y1 float8, z1 float8, x2 float8, y2 float8, z2 float8) RETURNS geometry LANGUAGE sql IMMUTABLE AS
  $$ SELECT ST_MakeLine(fx_pt(x1, y1, z1), fx_pt(x2, y2, z2)) $$;
CREATE FUNCTION fx_rect(x1 float8, y1 float8, x2 float8, y2 float8) RETURNS geometry LANGUAGE sql IMMUTABLE AS
  $$ SELECT ST_Multi(ST_MakePolygon(ST_MakeLine(ARRAY[fx_pt(x1, y1, 1950), fx_pt(x2, y1, 1950), fx_pt(x2, y2, 1950),
                                                       fx_pt(x1, y2, 1950), fx_pt(x1, y1, 1950)]))) $$;

INSERT INTO organization (code, name, kind, contact_person, phone) VALUES
  ('SW', '兰州新区供水公司', 'utility', '王工', '0931-1000001'),
  ('PSGS', '兰州新区排水公司', 'utility', '李工', '0931-1000002'),
  ('RQGS', '兰州新区燃气公司', 'utility', '张工', '0931-1000003'),
  ('DLGS', '国网兰州新区供电公司', 'utility', '赵工', '0931-1000004'),
  ('TXGS', '兰州新区通信管道公司', 'utility', '陈工', '0931-1000005'),
  ('CMCC', '中国移动', 'operator', NULL, NULL),
  ('CUCC', '中国联通', 'operator', NULL, NULL),
  ('CTCC', '中国电信', 'operator', NULL, NULL),
  ('TT', '中国铁塔', 'tower', NULL, NULL);

-- Pipe points: ground 1950.0 everywhere.
INSERT INTO pipe_point (network, subtype, exp_no, feature, appurtenance, feature_code, ground_elev_m, operable, owner, geom, valid_from) VALUES
  ('JS', 'JP', 'JS1', '盖堵', NULL, '51041101', 1950, true, 'SW', fx_pt(0, 0, 1950), '2015-01-01'),
  ('JS', 'JP', 'JS2', NULL, '阀门', '51042204', 1950, true, 'SW', fx_pt(30, 0, 1950), '2015-01-01'),
  ('JS', 'JP', 'JS3', '三通', NULL, '51041102', 1950, true, 'SW', fx_pt(70, 0, 1950), '2015-01-01'),
  ('JS', 'JP', 'JS4', NULL, '阀门', '51042204', 1950, true, 'SW', fx_pt(100, 0, 1950), '2015-01-01'),
  ('JS', 'JP', 'JS5', NULL, '阀门', '51042204', 1950, false, 'SW', fx_pt(70, 30, 1950), '2015-01-01'),
  ('JS', 'JP', 'JS6', NULL, '阀门', '51042204', 1950, true, 'SW', fx_pt(70, 60, 1950), '2015-01-01'),
  ('JS', 'XS', 'XF1', NULL, '消防栓', '51062202', 1950, true, 'SW', fx_pt(52, -3, 1950), '2015-01-01'),
  ('PS', 'YS', 'PS1', NULL, '雨水检查井', '52012205', 1950, true, 'PSGS', fx_pt(0, 1.2, 1950), '2015-01-01'),
  ('PS', 'YS', 'PS2', NULL, '雨水检查井', '52012205', 1950, true, 'PSGS', fx_pt(100, 1.2, 1950), '2015-01-01'),
  ('PS', 'YS', 'PS5', NULL, '雨水检查井', '52012205', 1950, true, 'PSGS', fx_pt(100, -30, 1950), '2015-01-01'),
  ('PS', 'WS', 'PS3', NULL, '污水检查井', '52022205', 1950, true, 'PSGS', fx_pt(0, -15, 1950), '2015-01-01'),
  ('PS', 'WS', 'PS4', NULL, '污水检查井', '52022205', 1950, true, 'PSGS', fx_pt(60, -15, 1950), '2015-01-01'),
  ('TX', 'XX', 'TX1', '直线点', NULL, '56031101', 1950, true, 'TXGS', fx_pt(50, -10, 1950), '2015-01-01'),
  ('TX', 'XX', 'TX2', '直线点', NULL, '56031101', 1950, true, 'TXGS', fx_pt(50, 20, 1950), '2015-01-01'),
  ('TX', 'XX', 'TX3', NULL, '人孔', '56032201', 1950, true, 'TXGS', fx_pt(100, 4, 1950), '2015-01-01'),
  ('TX', 'XX', 'TX4', NULL, '人孔', '56032201', 1950, true, 'TXGS', fx_pt(300, 4, 1950), '2015-01-01'),
  ('RQ', 'TR', 'RQ1', '直线点', NULL, '53031101', 1950, true, 'RQGS', fx_pt(80, -20, 1950), '2015-01-01'),
  ('RQ', 'TR', 'RQ2', '直线点', NULL, '53031101', 1950, true, 'RQGS', fx_pt(80, 20, 1950), '2015-01-01'),
  ('DL', 'GD', 'DL1', '直线点', NULL, '55011101', 1950, true, 'DLGS', fx_pt(20, -10, 1950), '2015-01-01'),
  ('DL', 'GD', 'DL2', '直线点', NULL, '55011101', 1950, true, 'DLGS', fx_pt(20, 20, 1950), '2015-01-01');

-- Segments. line_no groups the water main s1-s3 (run JS-MAIN) for the profile.
INSERT INTO pipe_segment (network, subtype, feature_code, line_no, start_point, end_point, start_depth_m, end_depth_m, depth_ref,
                          dn_mm, width_mm, height_mm, material, laying, pressure_class, total_holes, used_holes, flow_dir,
                          owner, road_name, geom, valid_from, remarks) VALUES
  ('JS', 'JP', '51041000', 'JS-MAIN', 'JS1', 'JS2', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, NULL, NULL, NULL, 'SW', '纬一路', fx_line(0, 0, 1948.3, 30, 0, 1948.3), '2015-01-01', 's1'),
  ('JS', 'JP', '51041000', 'JS-MAIN', 'JS2', 'JS3', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, NULL, NULL, NULL, 'SW', '纬一路', fx_line(30, 0, 1948.3, 70, 0, 1948.3), '2015-01-01', 's2'),
  ('JS', 'JP', '51041000', 'JS-MAIN', 'JS3', 'JS4', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, NULL, NULL, NULL, 'SW', '纬一路', fx_line(70, 0, 1948.3, 100, 0, 1948.3), '2015-01-01', 's3'),
  ('JS', 'JP', '51041000', 'JS-BR', 'JS3', 'JS5', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, NULL, NULL, NULL, 'SW', NULL, fx_line(70, 0, 1948.3, 70, 30, 1948.3), '2015-01-01', 's4'),
  ('JS', 'JP', '51041000', 'JS-BR', 'JS5', 'JS6', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, NULL, NULL, NULL, 'SW', NULL, fx_line(70, 30, 1948.3, 70, 60, 1948.3), '2015-01-01', 's5'),
  ('PS', 'YS', '52011000', 'PS-B', 'PS1', 'PS2', 3.0, 3.0, 'invert', 200, NULL, NULL, 'T', 'ZM', NULL, NULL, NULL, 'forward', 'PSGS', '纬一路', fx_line(0, 1.2, 1947.0, 100, 1.2, 1947.0), '2015-01-01', 'B'),
  ('PS', 'YS', '52011000', 'PS-C', 'PS2', 'PS5', 3.2, 3.5, 'invert', 200, NULL, NULL, 'T', 'ZM', NULL, NULL, NULL, 'forward', 'PSGS', NULL, fx_line(100, 1.2, 1946.8, 100, -30, 1946.5), '2015-01-01', 'C'),
  ('PS', 'WS', '52021000', 'PS-S2', 'PS3', 'PS4', 1.0, 1.0, 'invert', 300, NULL, NULL, 'T', 'ZM', NULL, NULL, NULL, 'forward', 'PSGS', NULL, fx_line(0, -15, 1949.0, 60, -15, 1949.0), '2015-01-01', 'S2'),
  ('TX', 'XX', '56031000', NULL, 'TX1', 'TX2', 0.95, 0.95, 'top', 100, NULL, NULL, 'PE', 'ZM', NULL, NULL, NULL, NULL, 'TXGS', NULL, fx_line(50, -10, 1949.05, 50, 20, 1949.05), '2015-01-01', 'TX'),
  ('RQ', 'TR', '53031000', NULL, 'RQ1', 'RQ2', 1.45, 1.45, 'top', 150, NULL, NULL, 'PE', 'ZM', 'MB', NULL, NULL, NULL, 'RQGS', NULL, fx_line(80, -20, 1948.55, 80, 20, 1948.55), '2015-01-01', 'RQ'),
  ('DL', 'GD', '55011000', NULL, 'DL1', 'DL2', 1.75, 1.75, 'top', 100, NULL, NULL, 'PVC', 'GM', NULL, NULL, NULL, NULL, 'DLGS', NULL, fx_line(20, -10, 1948.25, 20, 20, 1948.25), '2015-01-01', 'DL'),
  ('TX', 'XX', '56031000', 'TX-DUCT', 'TX3', 'TX4', 1.0, 1.0, 'top', NULL, 400, 300, 'PVC', 'GK', NULL, 12, 4, NULL, 'TXGS', '纬一路', fx_line(100, 4, 1949.0, 300, 4, 1949.0), '2015-01-01', 'duct'),
  -- an abandoned-then-replaced version: only the 2015 version is current; the 2010 one closed in 2015
  ('JS', 'JP', '51041000', 'OLD', 'JSX1', 'JSX2', 1.0, 1.0, 'top', 100, NULL, NULL, 'ZT', 'ZM', NULL, NULL, NULL, NULL, 'SW', NULL, fx_line(0, 0.5, 1949.0, 100, 0.5, 1949.0), '2010-01-01', 'old');
UPDATE pipe_segment SET valid_to = '2015-01-01' WHERE remarks = 'old';

INSERT INTO road (name, road_class, red_line_width_m, carriageway_width_m, geom, red_line, valid_from) VALUES
  ('纬一路', 'secondary', 30, 14, fx_line(-50, 5, 1950, 350, 5, 1950), fx_rect(-50, -10, 350, 20), '2014-01-01');

INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, max_far, max_coverage_pct, min_green_pct, height_limit_m, geom, valid_from) VALUES
  ('LZXQ-R2-01', 'R2', '二类居住用地', 3600, 2.5, 25, 35, 54, fx_rect(60, 20, 120, 80), '2014-01-01'),
  ('LZXQ-S1-01', 'S1', '城市道路用地', 12000, NULL, NULL, NULL, NULL, fx_rect(-50, -10, 350, 20), '2014-01-01'),
  ('LZXQ-B1-01', 'B1', '商业用地', 4225, 3.0, 40, 20, 60, fx_rect(450, 450, 515, 515), '2014-01-01'),
  ('LZXQ-R2-02', 'R2', '二类居住用地', 4200, 2.5, 25, 35, 54, fx_rect(540, 530, 600, 600), '2014-01-01'),
  ('LZXQ-A33-01', 'A33', '中小学用地', 10000, 1.2, 30, 35, 24, fx_rect(850, 450, 950, 550), '2014-01-01');

INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m, ground_elev_m, sharing_status, tenants, owner, geom, valid_from) VALUES
  ('LZXQ-0001', '纬一路商业站', 'urban', '角钢塔', 40, 1950, 'sole', '{CMCC}', 'TT', fx_pt(500, 500, 1950), '2018-01-01'),
  ('LZXQ-0002', '纬一路东站', 'urban', '单管塔', 35, 1950, 'shared3', '{CMCC,CUCC,CTCC}', 'TT', fx_pt(560, 500, 1950), '2018-01-01'),
  ('LZXQ-0003', '中学站', 'urban', '美化树', 25, 1950, 'sole', '{CUCC}', 'TT', fx_pt(900, 500, 1950), '2018-01-01');

INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band, frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg,
                            antenna_height_m, h_beamwidth_deg, gain_dbi, eirp_dbm, geom, valid_from) VALUES
  ('LZXQ-0001', 1, 'CMCC', 'NR', 'n41', 2600, 0, 3, 3, 38, 65, 17, 60, fx_pt(500, 500, 1988), '2018-01-01'),
  ('LZXQ-0001', 2, 'CMCC', 'NR', 'n41', 2600, 120, 3, 3, 38, 65, 17, 60, fx_pt(500, 500, 1988), '2018-01-01'),
  ('LZXQ-0001', 3, 'CMCC', 'NR', 'n41', 2600, 240, 3, 3, 38, 65, 17, 60, fx_pt(500, 500, 1988), '2018-01-01'),
  ('LZXQ-0002', 1, 'CMCC', 'NR', 'n41', 2600, 0, 3, 3, 33, 65, 17, 60, fx_pt(560, 500, 1983), '2018-01-01'),
  ('LZXQ-0002', 2, 'CMCC', 'NR', 'n41', 2600, 120, 3, 3, 33, 65, 17, 60, fx_pt(560, 500, 1983), '2018-01-01'),
  ('LZXQ-0002', 3, 'CMCC', 'NR', 'n41', 2600, 240, 3, 3, 33, 65, 17, 60, fx_pt(560, 500, 1983), '2018-01-01'),
  ('LZXQ-0002', 4, 'CUCC', 'NR', 'n78', 3500, 0, 4, 4, 30, 65, 17, 60, fx_pt(560, 500, 1980), '2018-01-01'),
  ('LZXQ-0002', 5, 'CUCC', 'NR', 'n78', 3500, 50, 4, 4, 30, 65, 17, 60, fx_pt(560, 500, 1980), '2018-01-01'),
  ('LZXQ-0002', 6, 'CTCC', 'NR', 'n78', 3450, 90, 4, 4, 27, 65, 17, 60, fx_pt(560, 500, 1977), '2018-01-01'),
  ('LZXQ-0002', 7, 'CTCC', 'NR', 'n78', 3450, 210, 4, 4, 27, 65, 17, 60, fx_pt(560, 500, 1977), '2018-01-01'),
  ('LZXQ-0002', 8, 'CTCC', 'NR', 'n78', 3450, 330, 4, 4, 27, 65, 17, 60, fx_pt(560, 500, 1977), '2018-01-01'),
  ('LZXQ-0003', 1, 'CUCC', 'NR', 'n78', 3500, 0, 1, 0, 8, 65, 17, 55, fx_pt(900, 500, 1958), '2018-01-01');

INSERT INTO construction_project (project_code, name, owner, kind, networks, trench_depth_m, planned_start, planned_end, status, geom, valid_from) VALUES
  ('XM-2027-001', '纬一路给水管改造', 'SW', 'renewal', '{JS}', 2.0, '2027-04-01', '2027-06-30', 'planned', fx_rect(0, -2, 200, 1), '2026-01-01'),
  ('XM-2027-002', '纬一路通信管道新建', 'TXGS', 'new_build', '{TX}', 1.2, '2027-06-01', '2027-09-30', 'approved', fx_rect(100, 3, 300, 5), '2026-01-01'),
  ('XM-2028-003', '纬一路燃气管新建', 'RQGS', 'new_build', '{RQ}', 1.5, '2028-03-01', '2028-05-01', 'planned', fx_rect(0, 6, 100, 8), '2026-01-01');

-- The clearance yard (issue 16): one existing pipe of each rule class, 40 m apart, far outside
-- the street above (x 3000..3100, y 3000..3360; ground flat at 1950.0), for the table-driven
-- proposed-pipe test ProposedPipeStandardTest. Tops (surveyed Z, outer top): see each row.
INSERT INTO pipe_point (network, subtype, exp_no, feature, appurtenance, feature_code, ground_elev_m, operable, owner, geom, valid_from)
SELECT n, s, 'Y' || k || e, '直线点', NULL, c || '1101', 1950, true, o, fx_pt(x, y, 1950), '2015-01-01'
FROM (VALUES (1, 'RL', 'RS', '5401', 'SW', 3000), (2, 'DL', 'GD', '5501', 'DLGS', 3040), (3, 'JS', 'JP', '5104', 'SW', 3080),
             (4, 'PS', 'YS', '5201', 'PSGS', 3120), (5, 'DL', 'GD', '5501', 'DLGS', 3160), (6, 'DL', 'GD', '5501', 'DLGS', 3200),
             (7, 'RQ', 'TR', '5303', 'RQGS', 3240), (8, 'QT', 'ZH', '5801', 'SW', 3280), (9, 'PS', 'YS', '5201', 'PSGS', 3320),
             (10, 'RL', 'RS', '5401', 'SW', 3360)) t(k, n, s, c, o, y),
     (VALUES ('a', 3000), ('b', 3100)) p(e, x);
INSERT INTO pipe_segment (network, subtype, start_point, end_point, start_depth_m, end_depth_m, depth_ref, dn_mm, width_mm, height_mm,
                          material, laying, pressure_class, owner, geom, valid_from, remarks, feature_code)
VALUES
  ('RL', 'RS', 'Y1a', 'Y1b', 1.0, 1.0, 'top', NULL, 1200, 800, 'T', 'GG', NULL, 'SW', fx_line(3000, 3000, 1949.0, 3100, 3000, 1949.0), '2015-01-01', 'Y1 heat trench', '54011000'),
  ('DL', 'GD', 'Y2a', 'Y2b', 0.8, 0.8, 'top', NULL, 800, 600, 'T', 'GG', NULL, 'DLGS', fx_line(3000, 3040, 1949.2, 3100, 3040, 1949.2), '2015-01-01', 'Y2 cable trench', '55011000'),
  ('JS', 'JP', 'Y3a', 'Y3b', 1.7, 1.7, 'top', 300, NULL, NULL, 'QM', 'ZM', NULL, 'SW', fx_line(3000, 3080, 1948.3, 3100, 3080, 1948.3), '2015-01-01', 'Y3 water', '51041000'),
  ('PS', 'YS', 'Y4a', 'Y4b', 3.0, 3.0, 'invert', 400, NULL, NULL, 'PVC', 'ZM', NULL, 'PSGS', fx_line(3000, 3120, 1947.0, 3100, 3120, 1947.0), '2015-01-01', 'Y4 storm', '52011000'),
  ('DL', 'GD', 'Y5a', 'Y5b', 1.0, 1.0, 'top', 150, NULL, NULL, 'PE', 'GM', NULL, 'DLGS', fx_line(3000, 3160, 1949.0, 3100, 3160, 1949.0), '2015-01-01', 'Y5 power in conduit', '55011000'),
  ('DL', 'GD', 'Y6a', 'Y6b', 1.3, 1.3, 'top', 100, NULL, NULL, 'TZ', 'ZM', NULL, 'DLGS', fx_line(3000, 3200, 1948.7, 3100, 3200, 1948.7), '2015-01-01', 'Y6 power direct', '55011000'),
  ('RQ', 'TR', 'Y7a', 'Y7b', 1.2, 1.2, 'top', 160, NULL, NULL, 'PE', 'ZM', 'MB', 'RQGS', fx_line(3000, 3240, 1948.8, 3100, 3240, 1948.8), '2015-01-01', 'Y7 gas MB', '53031000'),
  ('QT', 'ZH', 'Y8a', 'Y8b', 2.0, 2.0, 'top', NULL, 3000, 3000, 'T', 'ZH', NULL, 'SW', fx_line(3000, 3280, 1948.0, 3100, 3280, 1948.0), '2015-01-01', 'Y8 utility tunnel', '58011000'),
  -- walls (pipe_wall): a reinforced-concrete storm drain DN1000 (inner invert 1946.0) and a steel heat pipe DN300
  ('PS', 'YS', 'Y9a', 'Y9b', 4.0, 4.0, 'invert', 1000, NULL, NULL, 'T', 'ZM', NULL, 'PSGS', fx_line(3000, 3320, 1946.0, 3100, 3320, 1946.0), '2015-01-01', 'Y9 concrete storm', '52011000'),
  ('RL', 'RS', 'Y10a', 'Y10b', 1.5, 1.5, 'top', 300, NULL, NULL, 'G', 'ZM', NULL, 'SW', fx_line(3000, 3360, 1948.5, 3100, 3360, 1948.5), '2015-01-01', 'Y10 steel heat', '54011000');

-- Features of the yard (issue 16 item 1, GB 50289-2016 Table 4.1.9 feature columns): two buildings
-- beside gas MB Y7 (outer radius 0.08 m; rule: gas MB to a building's outer wall 1.0 m), one 0.99 m
-- from its outer wall and one 1.01 m; two base-station poles beside water Y3 (ductile iron DN300,
-- outer radius 0.163 m; rule: water to a communication pole's centre 0.5 m), 0.49 m and 0.51 m.
INSERT INTO building (building_code, name, building_use, floors, status, geom, valid_from) VALUES
  ('YARD-B1', '管线院北楼', 'office', 3, 'existing', fx_rect(3040, 3241.07, 3060, 3250), '2016-01-01'),
  ('YARD-B2', '管线院南楼', 'office', 3, 'existing', fx_rect(3040, 3230, 3060, 3238.91), '2016-01-01');
INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m, ground_elev_m, sharing_status, tenants, owner, geom, valid_from) VALUES
  ('LZXQ-Y001', '管线院北杆', 'urban', '灯杆', 12, 1950, 'sole', '{CMCC}', 'TT', fx_pt(3050, 3080.653, 1950), '2018-01-01'),
  ('LZXQ-Y002', '管线院南杆', 'urban', '灯杆', 12, 1950, 'sole', '{CMCC}', 'TT', fx_pt(3060, 3079.327, 1950), '2018-01-01');

-- High-voltage towers (power_tower, issue 16): a 110 kV tower (TOWERHV) on a 6 m square foundation
-- x 3240..3246, y 3100..3106 and a 35 kV tower (TOWER35) on x 3240..3246, y 3300..3306, far from
-- every other feature and pipe of the fixture.
INSERT INTO power_tower (tower_code, line_name, voltage_kv, tower_height_m, owner, build_year, status, geom, valid_from) VALUES
  ('YARD-T110', '管线院110kV线', 110, 36, 'DLGS', 2015, 'in_use', fx_rect(3240, 3100, 3246, 3106), '2015-01-01'),
  ('YARD-T35', '管线院35kV线', 35, 24, 'DLGS', 2015, 'in_use', fx_rect(3240, 3300, 3246, 3306), '2015-01-01');

-- Street trees (street_tree, issue 16): a tree (乔木, TREE) at (3240, 3200) and a shrub (灌木, SHRUB)
-- at (3240, 3400), far from every other feature and pipe of the fixture.
INSERT INTO street_tree (tree_code, species, species_latin, growth_form, trunk_diameter_cm, planted_year, road_name, geom, valid_from) VALUES
  ('YARD-Q1', '国槐', 'Styphnolobium japonicum', 'tree', 25, 2016, '管线院路', fx_pt(3240, 3200, 1950), '2016-04-01'),
  ('YARD-G1', '紫叶小檗', 'Berberis thunbergii', 'shrub', NULL, 2016, '管线院路', fx_pt(3240, 3400, 1950), '2016-04-01');
