-- bench/wfs/fill2m.sql: 2,000,000 current pipe points (water valves on a 1 m grid east of the
-- Lanzhou New Area origin, EPSG:4544) for the streaming proof. Run on a freshly migrated database.
INSERT INTO organization (code, name, kind) VALUES ('LZXQ-GS', '兰州新区供水公司', 'utility')
  ON CONFLICT DO NOTHING;
INSERT INTO pipe_point (network, subtype, exp_no, feature_code, ground_elev_m, depth_m, appurtenance,
                        owner, road_name, status, geom)
SELECT 'JS', 'JP', 'JS2M' || lpad(i::text, 7, '0'), '51042101', 1900 + (i % 100) / 10.0, 1.5, '阀门',
       'LZXQ-GS', '测试路', 'in_use',
       ST_SetSRID(ST_MakePoint(400000 + (i % 2000), 4040000 + (i / 2000), 1898.5), 4544)
FROM generate_series(1, 2000000) AS i;
ANALYZE pipe_point;
