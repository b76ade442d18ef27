-- A synthetic street grid for the analysis benchmark, used until the sample generator's `city`
-- scale is loadable: :grid east-west and :grid north-south roads 200 m apart (grid=31: 6 × 6 km,
-- 44 640 segments; grid=61: 12 × 12 km, 175 680 segments) in Lanzhou New Area (origin
-- E 380000, N 4038000 of EPSG:4544), each carrying the six networks as parallel
-- pipes in 50 m segments at the usual offsets and depths, with a deterministic jitter of up to
-- ±0.45 m in plan and ±0.2 m in depth (so some pairs violate their clearances), pipe points at
-- every segment end, a few valves, and ground rising 2 ‰ to the north.
-- Load: scripts/db reset city_ana; migrate (bench/analysis/load_synthetic.sh does both);
--       psql -v grid=31 "$(scripts/db url city_ana)" -f bench/analysis/synthetic_city.sql
SELECT setseed(0.6);
INSERT INTO organization (code, name, kind, contact_person, phone) VALUES
  ('SW', '兰州新区供水公司', 'utility', '王工', '0931-1000001'), ('PSGS', '兰州新区排水公司', 'utility', '李工', '0931-1000002'),
  ('RQGS', '兰州新区燃气公司', 'utility', '张工', '0931-1000003'), ('RLGS', '兰州新区热力公司', 'utility', '刘工', '0931-1000006'),
  ('DLGS', '国网兰州新区供电公司', 'utility', '赵工', '0931-1000004'), ('TXGS', '兰州新区通信管道公司', 'utility', '陈工', '0931-1000005'),
  ('CMCC', '中国移动', 'operator', NULL, NULL), ('CUCC', '中国联通', 'operator', NULL, NULL), ('CTCC', '中国电信', 'operator', NULL, NULL),
  ('TT', '中国铁塔', 'tower', NULL, NULL)
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE net (network char(2), subtype char(2), code char(8), owner text, off_m float8, depth_m float8, depth_ref text,
                       dn integer, laying text, pc text, material text);
INSERT INTO net VALUES
  ('TX', 'XX', '56031000', 'TXGS', -9.0, 0.9, 'top', 100, 'GK', NULL, 'PVC'),
  ('DL', 'GD', '55011000', 'DLGS', -7.5, 1.0, 'top', 150, 'GM', NULL, 'PVC'),
  ('JS', 'JP', '51041000', 'SW', -5.0, 1.6, 'top', 300, 'ZM', NULL, 'QM'),
  ('RQ', 'TR', '53031000', 'RQGS', -3.4, 1.2, 'top', 200, 'ZM', 'MB', 'PE'),
  ('RL', 'RS', '54011000', 'RLGS', 3.0, 1.5, 'top', 300, 'ZM', NULL, 'G'),
  ('PS', 'YS', '52011000', 'PSGS', 6.0, 3.0, 'invert', 400, 'ZM', NULL, 'T');

CREATE TEMP TABLE seg AS
SELECT n.*, r.dir, r.k, i,
       CASE r.dir WHEN 'EW' THEN i * 50.0 ELSE r.k * 200 + n.off_m + j1 END AS x1,
       CASE r.dir WHEN 'EW' THEN r.k * 200 + n.off_m + j1 ELSE i * 50.0 END AS y1,
       CASE r.dir WHEN 'EW' THEN (i + 1) * 50.0 ELSE r.k * 200 + n.off_m + j2 END AS x2,
       CASE r.dir WHEN 'EW' THEN r.k * 200 + n.off_m + j2 ELSE (i + 1) * 50.0 END AS y2,
       n.depth_m + CASE r.dir WHEN 'NS' THEN 0.45 ELSE 0 END + dz AS depth
FROM net n
CROSS JOIN (SELECT d AS dir, k FROM unnest(ARRAY['EW', 'NS']) d, generate_series(0, :grid - 1) k) r
CROSS JOIN generate_series(0, (:grid - 1) * 4 - 1) i
CROSS JOIN LATERAL (SELECT (random() - 0.5) * 0.9 AS j1, (random() - 0.5) * 0.9 AS j2, (random() - 0.5) * 0.4 AS dz) j;
-- consecutive segments of one pipe share their end point: the end jitter of i is the start jitter of i+1
UPDATE seg s SET x1 = p.x2, y1 = p.y2 FROM seg p
WHERE p.network = s.network AND p.dir = s.dir AND p.k = s.k AND p.i = s.i - 1;

INSERT INTO pipe_point (network, subtype, exp_no, feature, appurtenance, feature_code, ground_elev_m, operable, owner, geom, valid_from)
SELECT network, subtype, network || '-' || dir || k || '-' || i, CASE WHEN i % 8 = 0 THEN NULL ELSE '直线点' END,
       CASE WHEN i % 8 = 0 THEN CASE WHEN network IN ('JS', 'RQ', 'RL') THEN '阀门' ELSE '检查井' END END,
       substr(code, 1, 4) || CASE WHEN i % 8 = 0 THEN '22' ELSE '11' END || '01', 1950 + 0.002 * y1, i % 40 <> 16,
       owner, ST_SetSRID(ST_MakePoint(380000 + x1, 4038000 + y1, 1950 + 0.002 * y1), 4544), timestamptz '2015-01-01'
FROM seg
UNION ALL
SELECT network, subtype, network || '-' || dir || k || '-' || (i + 1), '盖堵', NULL, substr(code, 1, 4) || '1101',
       1950 + 0.002 * y2, true, owner, ST_SetSRID(ST_MakePoint(380000 + x2, 4038000 + y2, 1950 + 0.002 * y2), 4544), '2015-01-01'
FROM seg WHERE i = (:grid - 1) * 4 - 1;

INSERT INTO pipe_segment (network, subtype, feature_code, line_no, start_point, end_point, start_depth_m, end_depth_m, depth_ref, dn_mm,
                          width_mm, height_mm, material, laying, pressure_class, total_holes, used_holes, flow_dir, owner, road_name, geom, valid_from)
SELECT network, subtype, code, network || '-' || dir || k, network || '-' || dir || k || '-' || i, network || '-' || dir || k || '-' || (i + 1),
       depth, depth, depth_ref, CASE WHEN laying = 'GK' THEN NULL ELSE dn END, CASE WHEN laying = 'GK' THEN 400 END,
       CASE WHEN laying = 'GK' THEN 300 END, material, laying, pc, CASE WHEN laying = 'GK' THEN 12 END, CASE WHEN laying = 'GK' THEN (i % 13) END,
       CASE WHEN network = 'PS' THEN 'forward' END, owner, CASE dir WHEN 'EW' THEN '纬' ELSE '经' END || k || '路',
       ST_SetSRID(ST_MakeLine(ST_MakePoint(380000 + x1, 4038000 + y1, 1950 + 0.002 * y1 - depth),
                              ST_MakePoint(380000 + x2, 4038000 + y2, 1950 + 0.002 * y2 - depth)), 4544), '2015-01-01'
FROM seg;

INSERT INTO road (name, road_class, red_line_width_m, carriageway_width_m, geom, red_line, valid_from)
SELECT CASE dir WHEN 'EW' THEN '纬' ELSE '经' END || k || '路', 'secondary', 30, 14,
       ST_SetSRID(CASE dir WHEN 'EW' THEN ST_MakeLine(ST_MakePoint(380000, 4038000 + k * 200, 1950), ST_MakePoint(380000 + (:grid - 1) * 200, 4038000 + k * 200, 1950))
                           ELSE ST_MakeLine(ST_MakePoint(380000 + k * 200, 4038000, 1950), ST_MakePoint(380000 + k * 200, 4038000 + (:grid - 1) * 200, 1950)) END, 4544),
       ST_Force3D(ST_Multi(ST_Buffer(ST_SetSRID(CASE dir WHEN 'EW' THEN ST_MakeLine(ST_MakePoint(380000, 4038000 + k * 200), ST_MakePoint(380000 + (:grid - 1) * 200, 4038000 + k * 200))
                           ELSE ST_MakeLine(ST_MakePoint(380000 + k * 200, 4038000), ST_MakePoint(380000 + k * 200, 4038000 + (:grid - 1) * 200)) END, 4544), 15, 'endcap=flat')), 1950),
       '2014-01-01'
FROM unnest(ARRAY['EW', 'NS']) dir, generate_series(0, :grid - 1) k;

INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, max_far, height_limit_m, geom, valid_from)
SELECT 'P-' || a || '-' || b, (ARRAY['R2', 'B1', 'A33', 'M1', 'G1', 'R2', 'A5', 'W1'])[1 + (a * 7 + b * 3) % 8], '地块',
       170 * 170, 2.0, 54,
       ST_Force3D(ST_Multi(ST_MakeEnvelope(380000 + a * 200 + 15, 4038000 + b * 200 + 15, 380000 + a * 200 + 185, 4038000 + b * 200 + 185, 4544)), 1950),
       '2014-01-01'
FROM generate_series(0, :grid - 2) a, generate_series(0, :grid - 2) b;

INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m, ground_elev_m, sharing_status, tenants, owner, geom, valid_from)
SELECT 'BS-' || a || '-' || b, '站' || a || '-' || b, 'urban', '单管塔', 30 + (a + b) % 4 * 5, 1950,
       (ARRAY['sole', 'shared2', 'shared3'])[1 + (a + b) % 3], (ARRAY['{CMCC}', '{CMCC,CUCC}', '{CMCC,CUCC,CTCC}'])[1 + (a + b) % 3]::text[],
       'TT', ST_SetSRID(ST_MakePoint(380000 + a * 400 + 100 + (b % 3) * 20, 4038000 + b * 400 + 100, 1950), 4544), '2018-01-01'
FROM generate_series(0, (:grid - 1) / 2 - 1) a, generate_series(0, (:grid - 1) / 2 - 1) b;
INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band, frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg,
                            antenna_height_m, h_beamwidth_deg, eirp_dbm, geom, valid_from)
SELECT b.site_code, t.n * 3 + s, t.op, 'NR', CASE t.op WHEN 'CMCC' THEN 'n41' ELSE 'n78' END, CASE t.op WHEN 'CMCC' THEN 2600 ELSE 3500 END,
       s * 120, 3, 3, b.tower_height_m - 2 - t.n * 3, 65, 58, ST_Translate(b.geom, 0, 0, b.tower_height_m - 2 - t.n * 3), b.valid_from
FROM base_station b, unnest(b.tenants) WITH ORDINALITY AS t(op, n), generate_series(0, 2) s;

INSERT INTO construction_project (project_code, name, owner, kind, networks, trench_depth_m, planned_start, planned_end, status, geom, valid_from)
SELECT 'XM-' || k, '工程' || k, (ARRAY['SW', 'TXGS', 'RQGS', 'DLGS'])[1 + k % 4], 'new_build', ARRAY[(ARRAY['JS', 'TX', 'RQ', 'DL'])[1 + k % 4]],
       1.5, DATE '2027-01-01' + (k % 6) * 30, DATE '2027-03-01' + (k % 6) * 30, 'planned',
       ST_Force3D(ST_Multi(ST_MakeEnvelope(380000 + (k % 10) * 600, 4038000 + (k / 10) * 200 + 2 + (k % 3) * 3,
                                           380000 + (k % 10) * 600 + 400, 4038000 + (k / 10) * 200 + 4 + (k % 3) * 3, 4544)), 1950),
       '2026-01-01'
FROM generate_series(0, (:grid - 1) * 20 / 3) k;
ANALYZE pipe_segment; ANALYZE pipe_point; ANALYZE road; ANALYZE zoning_parcel; ANALYZE base_station; ANALYZE antenna_sector; ANALYZE construction_project;
