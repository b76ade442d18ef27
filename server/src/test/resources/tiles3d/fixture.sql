-- The 3D Tiles fixture: an (n+1) × (n+1) street grid, n = setting fx.n (default 6; bench/tiles sets more):
-- by default a 7 × 7 street grid (spacing 0.004°, about 360 m × 445 m) at
-- 103.700–103.724°E, 36.540–36.564°N with all six networks, manholes, valves and hydrants, four
-- base stations with three sectors each and the 36 blocks between the streets as zoning parcels.
-- Each network is offset a few metres from the street axis so networks do not coincide.
-- Ground: fx_ground(lon, lat) (1985 heights, m). Pipe Z = ground − depth (top or invert).
-- Construction: valid_from = 1 January of build_year (2012 + (i + j) % 7); the JS segment
-- JS_2_3 → JS_3_3 ('known' pipe of the tests) was built 2020-06-01; one JS segment is planned for 2030.
CREATE FUNCTION fx_n() RETURNS int LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('fx.n', true), ''), '6')::int $$;
CREATE FUNCTION fx_ground(lon float8, lat float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT 1950 + (lon - 103.7) * 1000 + (lat - 36.54) * 500 $$;
CREATE FUNCTION fx_pt(lon float8, lat float8, z float8) RETURNS geometry LANGUAGE sql IMMUTABLE AS
  $$ SELECT ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat, z), 4490), 4544) $$;
-- node (i, j) of network k: lon, lat
CREATE FUNCTION fx_lon(i int, k int) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT 103.700 + i * 0.004 + k * 0.00004 $$;
CREATE FUNCTION fx_lat(j int, k int) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT 36.540 + j * 0.004 + k * 0.00003 $$;

INSERT INTO organization (code, name, kind) VALUES
  ('SW', '兰州新区供水公司', 'utility'), ('PSGS', '兰州新区排水公司', 'utility'), ('RQGS', '兰州新区燃气公司', 'utility'),
  ('RLGS', '兰州新区热力公司', 'utility'), ('DLGS', '国网兰州新区供电公司', 'utility'), ('TXGS', '兰州新区通信管道公司', 'utility'),
  ('TT', '中国铁塔', 'tower'), ('CMCC', '中国移动', 'operator'), ('CUCC', '中国联通', 'operator');

-- One row per network: k, code, digit, subtype, owner, material, depth_ref, base depth (m), streets (EW, NS, both),
-- size of trunk street 3 (dn or w×h), size elsewhere.
CREATE TABLE fx_net (k int, code text, digit int, subtype text, owner text, material text, depth_ref text,
                     depth float8, dirs text, trunk_dn int, dn int, w int, h int);
INSERT INTO fx_net VALUES
  (0, 'JS', 1, 'JP', 'SW',   'QM',  'top',    1.2, 'both', 800,  300, NULL, NULL),
  (1, 'PS', 2, 'WS', 'PSGS', 'T',   'invert', 3.0, 'NS',   1200, 400, NULL, NULL),
  (2, 'RQ', 3, 'TR', 'RQGS', 'PE',  'top',    1.0, 'EW',   NULL, 200, NULL, NULL),
  (3, 'RL', 4, 'RS', 'RLGS', 'G',   'top',    1.5, 'NS',   NULL, 500, NULL, NULL),
  (4, 'DL', 5, 'GD', 'DLGS', 'T',   'top',    0.8, 'EW',   NULL, NULL, 1000, 800),
  (5, 'TX', 6, 'XX', 'TXGS', 'PVC', 'top',    0.7, 'EW',   NULL, NULL, 400, 300);

-- Segments: EW from (i, j) to (i+1, j); NS from (i, j) to (i, j+1).
CREATE TABLE fx_seg AS
SELECT n.*, s.i, s.j, s.i2, s.j2,
       n.depth + 0.1 * ((s.i + s.j) % 3) AS d1, n.depth + 0.1 * ((s.i2 + s.j2) % 3) AS d2
FROM fx_net n
CROSS JOIN LATERAL (
  SELECT i, j, i + 1 AS i2, j AS j2 FROM generate_series(0, fx_n() - 1) i, generate_series(0, fx_n()) j WHERE n.dirs IN ('EW', 'both')
  UNION ALL
  SELECT i, j, i, j + 1 FROM generate_series(0, fx_n()) i, generate_series(0, fx_n() - 1) j WHERE n.dirs IN ('NS', 'both')
) s;

INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, start_depth_m, end_depth_m,
                          depth_ref, dn_mm, width_mm, height_mm, material, owner, build_year, geom, valid_from)
SELECT code, subtype, '5' || digit || '0110' || '00',
       code || '_' || i || '_' || j, code || '_' || i2 || '_' || j2, d1, d2, depth_ref,
       CASE WHEN w IS NOT NULL THEN NULL WHEN trunk_dn IS NOT NULL AND ((j = 3 AND j2 = 3) OR (i = 3 AND i2 = 3)) THEN trunk_dn ELSE dn END,
       w, h, material, owner, 2012 + (i + j) % 7,
       ST_MakeLine(fx_pt(fx_lon(i, k), fx_lat(j, k), fx_ground(fx_lon(i, k), fx_lat(j, k)) - d1),
                   fx_pt(fx_lon(i2, k), fx_lat(j2, k), fx_ground(fx_lon(i2, k), fx_lat(j2, k)) - d2)),
       CASE WHEN code = 'JS' AND i = 2 AND j = 3 AND i2 = 3 AND j2 = 3 THEN timestamptz '2020-06-01 00:00+08'
            ELSE make_timestamptz(2012 + (i + j) % 7, 1, 1, 0, 0, 0, 'Asia/Shanghai') END
FROM fx_seg;

-- A box culvert 2000×1500 along the south street (drainage, invert 3.5 m) and ten DN 50 water services of 12 m.
INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, start_depth_m, end_depth_m,
                          depth_ref, dn_mm, width_mm, height_mm, material, owner, build_year, geom, valid_from)
SELECT 'PS', 'YS', '52011000', 'BOX_' || i, 'BOX_' || (i + 1), 3.5, 3.5, 'invert', NULL, 2000, 1500, 'T', 'PSGS', 2014,
       ST_MakeLine(fx_pt(fx_lon(i, 1), 36.5399, fx_ground(fx_lon(i, 1), 36.5399) - 3.5),
                   fx_pt(fx_lon(i + 1, 1), 36.5399, fx_ground(fx_lon(i + 1, 1), 36.5399) - 3.5)),
       timestamptz '2014-01-01 00:00+08'
FROM generate_series(0, fx_n() - 1) i
UNION ALL
SELECT 'JS', 'JP', '51011000', 'JS_' || i || '_2', 'SVC_' || i, 1.2, 1.0, 'top', 50, NULL, NULL, 'PE', 'SW', 2016,
       ST_MakeLine(fx_pt(fx_lon(i, 0), fx_lat(2, 0), fx_ground(fx_lon(i, 0), fx_lat(2, 0)) - 1.2),
                   fx_pt(fx_lon(i, 0) + 0.00005, fx_lat(2, 0) + 0.0001, fx_ground(fx_lon(i, 0) + 0.00005, fx_lat(2, 0) + 0.0001) - 1.0)),
       timestamptz '2016-01-01 00:00+08'
FROM generate_series(0, fx_n()) i;

-- The planned segment (2030), diagonal across a block.
INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, start_depth_m, end_depth_m,
                          depth_ref, dn_mm, material, owner, status, geom, valid_from)
VALUES ('JS', 'JP', '51011000', 'JS_4_4', 'JS_5_5', 1.5, 1.5, 'top', 300, 'QM', 'SW', 'planned',
        ST_MakeLine(fx_pt(fx_lon(4, 0), fx_lat(4, 0), fx_ground(fx_lon(4, 0), fx_lat(4, 0)) - 1.5),
                    fx_pt(fx_lon(5, 0), fx_lat(5, 0), fx_ground(fx_lon(5, 0), fx_lat(5, 0)) - 1.5)),
        timestamptz '2030-01-01 00:00+08');

-- Manholes on the drainage nodes, valves on the water nodes of street 3, hydrants at four water nodes.
INSERT INTO pipe_point (network, subtype, exp_no, appurtenance, feature_code, ground_elev_m, depth_m, well_depth_m,
                        cover_size, owner, geom, valid_from)
SELECT 'PS', 'WS', 'PS_' || i || '_' || j, '检查井', '52012100', fx_ground(fx_lon(i, 1), fx_lat(j, 1)), 3.0, 3.2, 'Φ700', 'PSGS',
       fx_pt(fx_lon(i, 1), fx_lat(j, 1), fx_ground(fx_lon(i, 1), fx_lat(j, 1))), timestamptz '2012-01-01 00:00+08'
FROM generate_series(0, fx_n()) i, generate_series(0, fx_n()) j
UNION ALL
SELECT 'JS', 'JP', 'JSV_' || i, '阀门', '51012100', fx_ground(fx_lon(i, 0), fx_lat(3, 0)), 1.2, NULL, NULL, 'SW',
       fx_pt(fx_lon(i, 0), fx_lat(3, 0), fx_ground(fx_lon(i, 0), fx_lat(3, 0))), timestamptz '2012-01-01 00:00+08'
FROM generate_series(0, fx_n()) i
UNION ALL
SELECT 'JS', 'XS', 'JSH_' || i, '消防栓', '51062100', fx_ground(fx_lon(i, 0) + 0.0001, fx_lat(1, 0)), NULL, NULL, NULL, 'SW',
       fx_pt(fx_lon(i, 0) + 0.0001, fx_lat(1, 0), fx_ground(fx_lon(i, 0) + 0.0001, fx_lat(1, 0))), timestamptz '2012-01-01 00:00+08'
FROM generate_series(1, 4) i;

-- Four base stations (monopole 40 m, angle steel 50 m, rooftop pole 8 m, smart pole 15 m), three sectors each.
INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m, ground_elev_m, sharing_status,
                          tenants, owner, build_year, geom, valid_from)
SELECT 'LZXQ' || n, '新区基站' || n, 'urban', (ARRAY['单管塔', '角钢塔', '楼面抱杆', '智慧杆'])[s],
       (ARRAY[40, 50, 8, 15])[s], fx_ground(lon, lat), 'shared2', ARRAY['CMCC', 'CUCC'], 'TT', 2018,
       fx_pt(lon, lat, fx_ground(lon, lat)), timestamptz '2018-01-01 00:00+08'
FROM (SELECT 1 + (s - 1) % 4 AS s, 103.702 + ((s * 5) % fx_n()) * 0.004 + 0.001 * (s % 3) AS lon,
             36.542 + ((s * 4 + s / fx_n()) % fx_n()) * 0.004 AS lat, s AS n
      FROM generate_series(1, greatest(4, fx_n() * fx_n() / 6)) s) q;

INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band, frequency_mhz, azimuth_deg, mech_tilt_deg,
                            elec_tilt_deg, antenna_height_m, h_beamwidth_deg, eirp_dbm, geom, valid_from)
SELECT b.site_code, n, 'CMCC', 'NR', 'n41', 2600, (n - 1) * 120 + 30, 3, 6, b.tower_height_m - 2, 65, 58,
       ST_Translate(b.geom, 0, 0, b.tower_height_m - 2), timestamptz '2018-01-01 00:00+08'
FROM base_station b, generate_series(1, 3) n;

-- Blocks between the streets, 20 m inside the street axes, as zoning parcels.
INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, max_far, height_limit_m, plan_name, geom,
                           valid_from)
SELECT 'XQ-' || i || '-' || j, (ARRAY['R2', 'B1', 'A33', 'G1', 'M1'])[1 + (i + j) % 5],
       (ARRAY['二类居住用地', '商业用地', '中小学用地', '公园绿地', '一类工业用地'])[1 + (i + j) % 5],
       ST_Area(g), 2.5, (ARRAY[60, 100, 24, NULL, 30])[1 + (i + j) % 5], '兰州新区控规 2025', g,
       timestamptz '2015-01-01 00:00+08'
FROM (SELECT i, j, ST_Multi(ST_Transform(ST_SetSRID(ST_MakePolygon(ST_MakeLine(ARRAY[
          ST_MakePoint(103.700 + i * 0.004 + 0.00025, 36.540 + j * 0.004 + 0.0002, 1950),
          ST_MakePoint(103.704 + i * 0.004 - 0.00025, 36.540 + j * 0.004 + 0.0002, 1950),
          ST_MakePoint(103.704 + i * 0.004 - 0.00025, 36.544 + j * 0.004 - 0.0002, 1950),
          ST_MakePoint(103.700 + i * 0.004 + 0.00025, 36.544 + j * 0.004 - 0.0002, 1950),
          ST_MakePoint(103.700 + i * 0.004 + 0.00025, 36.540 + j * 0.004 + 0.0002, 1950)])), 4490), 4544)) AS g
      FROM generate_series(0, fx_n() - 1) i, generate_series(0, fx_n() - 1) j) q;

DROP TABLE fx_seg;
DROP TABLE fx_net;

-- Buildings: in each block a 3 × 3 grid of 30 m × 20 m LOD1 blocks 80 m apart, 2–11 floors (no
-- recorded height: floors × 3 m), footprint Z = fx_ground at the block corner; the ninth of each
-- block is planned. In block (1, 1) 'B-LOD2': a gabled LOD2 house, 10 m × 8 m, ground 1960 m, eaves
-- 6 m, ridge 9 m (height 7.5 m per GB 50352).
INSERT INTO building (building_code, building_use, floors, parcel_code, build_year, status, geom, valid_from)
SELECT 'B-' || i || '-' || j || '-' || k, (ARRAY['residential', 'commercial', 'office', 'public', 'industrial'])[1 + (i + j) % 5],
       2 + (i + j + k) % 10, 'XQ-' || i || '-' || j, 2015, CASE WHEN k = 8 THEN 'planned' ELSE 'existing' END,
       ST_Multi(ST_Force3DZ(ST_MakeEnvelope(ST_X(c) + (k % 3) * 80, ST_Y(c) + (k / 3) * 80,
                                            ST_X(c) + (k % 3) * 80 + 30, ST_Y(c) + (k / 3) * 80 + 20, 4544), z)),
       timestamptz '2015-01-01 00:00+08'
FROM (SELECT i, j, fx_ground(103.700 + i * 0.004 + 0.0006, 36.540 + j * 0.004 + 0.0006) AS z,
             ST_Transform(ST_SetSRID(ST_MakePoint(103.700 + i * 0.004 + 0.0006, 36.540 + j * 0.004 + 0.0006), 4490), 4544) AS c
      FROM generate_series(0, fx_n() - 1) i, generate_series(0, fx_n() - 1) j) q, generate_series(0, 8) k;

INSERT INTO building (building_code, building_use, floors, height_m, roof_height_m, parcel_code, build_year, status,
                      geom, lod2, valid_from)
SELECT 'B-LOD2', 'residential', 2, 7.5, 9, 'XQ-1-1', 2012, 'existing',
       ST_Multi(ST_Force3DZ(ST_MakeEnvelope(x, y, x + 10, y + 8, 4544), 1960)),
       ST_SetSRID(ST_GeomFromText(format(
         'MULTIPOLYGON Z (((%1$s %2$s 1960, %3$s %2$s 1960, %3$s %2$s 1966, %1$s %2$s 1966, %1$s %2$s 1960)),'
         '((%3$s %4$s 1960, %1$s %4$s 1960, %1$s %4$s 1966, %3$s %4$s 1966, %3$s %4$s 1960)),'
         '((%1$s %4$s 1960, %1$s %2$s 1960, %1$s %2$s 1966, %1$s %5$s 1969, %1$s %4$s 1966, %1$s %4$s 1960)),'
         '((%3$s %2$s 1960, %3$s %4$s 1960, %3$s %4$s 1966, %3$s %5$s 1969, %3$s %2$s 1966, %3$s %2$s 1960)),'
         '((%1$s %2$s 1966, %3$s %2$s 1966, %3$s %5$s 1969, %1$s %5$s 1969, %1$s %2$s 1966)),'
         '((%3$s %4$s 1966, %1$s %4$s 1966, %1$s %5$s 1969, %3$s %5$s 1969, %3$s %4$s 1966)))',
         x, y, x + 10, y + 8, y + 4)), 4544),
       timestamptz '2012-01-01 00:00+08'
FROM (SELECT ST_X(c) AS x, ST_Y(c) AS y
      FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(103.7055, 36.5455), 4490), 4544) AS c) p) q;
