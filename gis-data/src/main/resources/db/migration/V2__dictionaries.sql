-- Code dictionaries from the standards: CJJ 61-2017 Appendices B and C (network types and
-- colours, subtypes, materials, laying methods) and GB 50137-2011 (land-use classes with the
-- CAD colours of planning practice). Importers validate codes against these tables; styles and
-- 3D colours read them. Source for each: ../shared/reference/DOMAIN.md §2.1, §2.3, §5.1.

CREATE TABLE network_type (
  code       char(2) PRIMARY KEY,
  digit      smallint NOT NULL UNIQUE,
  name_zh    text NOT NULL,
  name_en    text NOT NULL,
  rgb        text NOT NULL CHECK (rgb ~ '^#[0-9a-f]{6}$'),
  depth_ref  text NOT NULL CHECK (depth_ref IN ('top', 'invert'))
);
COMMENT ON TABLE network_type IS 'CJJ 61-2017 Appendix B major classes with their map colour; depth_ref is where survey depth is taken';
INSERT INTO network_type VALUES
  ('JS', 1, '给水', 'water supply', '#00ffff', 'top'),
  ('PS', 2, '排水', 'drainage', '#4c3926', 'invert'),
  ('RQ', 3, '燃气', 'gas', '#ff00ff', 'top'),
  ('RL', 4, '热力', 'heat', '#ff8000', 'top'),
  ('DL', 5, '电力', 'power', '#ff0000', 'top'),
  ('TX', 6, '通信', 'telecom', '#00ff00', 'top'),
  ('GY', 7, '工业', 'industrial', '#000000', 'top'),
  ('QT', 8, '其他', 'other', '#6600cc', 'top');

CREATE TABLE pipe_subtype (
  network  char(2) NOT NULL REFERENCES network_type (code),
  code     char(2) NOT NULL,
  digits   char(2) NOT NULL,
  name_zh  text NOT NULL,
  name_en  text NOT NULL,
  PRIMARY KEY (network, code),
  UNIQUE (network, digits)
);
INSERT INTO pipe_subtype VALUES
  ('JS', 'JY', '01', '原水', 'raw water'), ('JS', 'SS', '02', '输水', 'transmission'),
  ('JS', 'ZS', '03', '中水', 'reclaimed'), ('JS', 'JP', '04', '配水', 'distribution'),
  ('JS', 'JZ', '05', '直饮水', 'drinking'), ('JS', 'XS', '06', '消防水', 'fire water'),
  ('JS', 'LS', '07', '绿化水', 'irrigation'), ('JS', 'JH', '08', '循环水', 'circulating'),
  ('PS', 'YS', '01', '雨水', 'storm'), ('PS', 'WS', '02', '污水', 'sewer'), ('PS', 'HS', '03', '雨污合流', 'combined'),
  ('RQ', 'MQ', '01', '煤气', 'town gas'), ('RQ', 'YH', '02', '液化气', 'LPG'), ('RQ', 'TR', '03', '天然气', 'natural gas'),
  ('RL', 'RS', '01', '热水', 'hot water'), ('RL', 'ZQ', '02', '蒸汽', 'steam'),
  ('DL', 'GD', '01', '供电', 'supply'), ('DL', 'LD', '02', '路灯', 'street lighting'),
  ('DL', 'XH', '03', '交通信号', 'traffic signal'), ('DL', 'DC', '04', '电车', 'tram'), ('DL', 'GG', '05', '广告', 'advertising'),
  ('TX', 'DH', '01', '电话', 'telephone'), ('TX', 'DS', '02', '有线电视', 'cable TV'),
  ('TX', 'XX', '03', '信息网络', 'data network'), ('TX', 'GB', '04', '广播', 'broadcast'),
  ('QT', 'ZH', '01', '综合管沟', 'utility tunnel'), ('QT', 'BM', '02', '不明管线', 'unknown');

CREATE TABLE material_code (
  code      text PRIMARY KEY,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  networks  char(2)[] NOT NULL
);
INSERT INTO material_code VALUES
  ('ZT', '铸铁', 'cast iron', '{JS}'),
  ('G', '钢', 'steel', '{JS,RQ,RL}'),
  ('T', '混凝土', 'concrete', '{PS,JS,DL,TX}'),
  ('PE', 'PE', 'polyethylene', '{JS,PS,RQ,DL,TX,QT}'),
  ('PVC', 'PVC', 'PVC', '{JS,PS,RQ,DL,TX,QT}'),
  ('BLG', '玻璃钢', 'GRP', '{DL,JS}'),
  ('QM', '球墨铸铁', 'ductile iron', '{JS}'),
  ('ZS', '砖石', 'masonry', '{PS,DL,TX}'),
  ('Z', '砖', 'brick', '{PS,DL,TX}'),
  ('S', '石', 'stone', '{PS}'),
  ('SM', '石棉', 'asbestos', '{PS}'),
  ('TC', '陶瓷', 'ceramic', '{PS}'),
  ('TZ', '铜', 'copper', '{DL,TX}'),
  ('VL', '钢芯铝绞线', 'ACSR', '{DL}'),
  ('GX', '光纤', 'optical fibre', '{TX}');

CREATE TABLE laying_code (
  code         text PRIMARY KEY,
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  laying_class text NOT NULL CHECK (laying_class IN ('direct', 'conduit', 'trench', 'tunnel', 'overhead', 'other'))
);
COMMENT ON COLUMN laying_code.laying_class IS 'Grouping that the GB 50289 tables use: direct-buried (直埋) or in conduit/duct (保护管/管道)';
INSERT INTO laying_code VALUES
  ('ZM', '直埋', 'direct-buried', 'direct'),
  ('GM', '管埋', 'in conduit', 'conduit'),
  ('GK', '管块', 'duct bank', 'conduit'),
  ('GG', '管沟', 'trench', 'trench'),
  ('JK', '架空', 'overhead', 'overhead'),
  ('DM', '地面', 'on surface', 'other'),
  ('SJ', '上架', 'riser', 'other'),
  ('XTD', '小通道', 'inside another duct', 'conduit'),
  ('ZH', '综合管廊', 'utility tunnel', 'tunnel'),
  ('RF', '人防', 'civil-defence tunnel', 'tunnel'),
  ('JN', '井内连线', 'in-manhole link', 'other'),
  ('DG', '顶管/定向钻', 'trenchless', 'conduit'),
  ('SX', '水下', 'underwater', 'other');

CREATE TABLE gas_pressure_class (
  code     text PRIMARY KEY,
  name_zh  text NOT NULL,
  min_mpa  numeric(5, 3) NOT NULL,
  max_mpa  numeric(5, 3) NOT NULL,
  rank     smallint NOT NULL UNIQUE
);
COMMENT ON TABLE gas_pressure_class IS 'GB 50028 gas pressure classes (gauge MPa), used to key clearances';
INSERT INTO gas_pressure_class VALUES
  ('L', '低压', 0, 0.01, 1), ('MB', '中压B', 0.01, 0.2, 2), ('MA', '中压A', 0.2, 0.4, 3),
  ('SHB', '次高压B', 0.4, 0.8, 4), ('SHA', '次高压A', 0.8, 1.6, 5),
  ('HB', '高压B', 1.6, 2.5, 6), ('HA', '高压A', 2.5, 4.0, 7);

CREATE TABLE land_use_class (
  code       text PRIMARY KEY,
  parent     text REFERENCES land_use_class (code),
  name_zh    text NOT NULL,
  name_en    text NOT NULL,
  rgb        text NOT NULL CHECK (rgb ~ '^#[0-9a-f]{6}$'),
  emf_sensitive boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE land_use_class IS 'GB 50137-2011 urban construction land classes; colours from CAD planning practice (the standard defines none); emf_sensitive marks homes, schools, hospitals and welfare';
INSERT INTO land_use_class VALUES
  ('R', NULL, '居住用地', 'residential', '#ffff00', true),
  ('A', NULL, '公共管理与公共服务设施用地', 'public administration and services', '#ff003f', false),
  ('B', NULL, '商业服务业设施用地', 'commercial', '#ff0000', false),
  ('M', NULL, '工业用地', 'industrial', '#99724c', false),
  ('W', NULL, '物流仓储用地', 'logistics and warehousing', '#9f7fff', false),
  ('S', NULL, '道路与交通设施用地', 'roads and transport', '#808080', false),
  ('U', NULL, '公用设施用地', 'public utilities', '#007299', false),
  ('G', NULL, '绿地与广场用地', 'green space and squares', '#009900', false),
  ('R1', 'R', '一类居住用地', 'residential class 1', '#ffff7f', true),
  ('R2', 'R', '二类居住用地', 'residential class 2', '#ffff00', true),
  ('R3', 'R', '三类居住用地', 'residential class 3', '#cccc66', true),
  ('A1', 'A', '行政办公用地', 'administration', '#ff7f9f', false),
  ('A2', 'A', '文化设施用地', 'culture', '#ff9f7f', false),
  ('A3', 'A', '教育科研用地', 'education and research', '#ff7fbf', true),
  ('A33', 'A3', '中小学用地', 'primary and secondary schools', '#ff7fbf', true),
  ('A4', 'A', '体育用地', 'sports', '#ff7f00', false),
  ('A5', 'A', '医疗卫生用地', 'health care', '#ff7f7f', true),
  ('A6', 'A', '社会福利用地', 'social welfare', '#cc667f', true),
  ('B1', 'B', '商业用地', 'retail and catering', '#ff0000', false),
  ('B2', 'B', '商务用地', 'business', '#ff0000', false),
  ('B4', 'B', '公用设施营业网点用地', 'utility outlets', '#ff0000', false),
  ('M1', 'M', '一类工业用地', 'industrial class 1', '#99724c', false),
  ('M2', 'M', '二类工业用地', 'industrial class 2', '#7f5f3f', false),
  ('M3', 'M', '三类工业用地', 'industrial class 3', '#4c3926', false),
  ('W1', 'W', '一类物流仓储用地', 'logistics class 1', '#9f7fff', false),
  ('S1', 'S', '城市道路用地', 'urban roads', '#808080', false),
  ('S3', 'S', '交通枢纽用地', 'transport hubs', '#c0c0c0', false),
  ('S4', 'S', '交通场站用地', 'transport yards', '#808080', false),
  ('U1', 'U', '供应设施用地', 'supply facilities', '#007299', false),
  ('U15', 'U1', '通信设施用地', 'telecom facilities', '#007299', false),
  ('U2', 'U', '环境设施用地', 'environmental facilities', '#007299', false),
  ('G1', 'G', '公园绿地', 'parks', '#00ff3f', false),
  ('G2', 'G', '防护绿地', 'buffer green', '#009900', false),
  ('G3', 'G', '广场用地', 'squares', '#808080', false),
  ('H', NULL, '建设用地', 'construction land', '#cc9900', false),
  ('H24', 'H', '机场用地', 'airport', '#cc9900', false),
  ('E', NULL, '非建设用地', 'non-construction land', '#66cc66', false),
  ('E1', 'E', '水域', 'water', '#7fffff', false),
  ('E2', 'E', '农林用地', 'farm and forest', '#66cc66', false);

-- Codes in feature tables must be known codes.
ALTER TABLE pipe_segment
  ADD FOREIGN KEY (network, subtype) REFERENCES pipe_subtype (network, code),
  ADD FOREIGN KEY (material) REFERENCES material_code (code),
  ADD FOREIGN KEY (laying) REFERENCES laying_code (code),
  ADD FOREIGN KEY (pressure_class) REFERENCES gas_pressure_class (code);
ALTER TABLE pipe_segment DROP CONSTRAINT IF EXISTS pipe_segment_pressure_class_check;
ALTER TABLE pipe_point ADD FOREIGN KEY (network, subtype) REFERENCES pipe_subtype (network, code);
ALTER TABLE zoning_parcel ADD FOREIGN KEY (land_use_code) REFERENCES land_use_class (code);
