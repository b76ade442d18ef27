-- The city model: six utility networks (CJJ 61-2017 point and line tables), base stations and
-- their antenna sectors, the regulatory zoning plan (GB 50137-2011), roads, construction projects
-- and organisations. Geometries carry Z (1985 national height datum) in the native CRS, whose
-- SRID is the Flyway placeholder ${srid} (EPSG:4544 by default: CGCS2000 / 3-degree GK CM 105E).
--
-- Versioning (every feature table): a row is one version of a feature. `fid` is the stable
-- feature id shared by every protocol (WFS gml:id, OGC API id, 3D Tiles feature id); it comes
-- from one sequence so it is unique across layers. A version is valid in [valid_from, valid_to);
-- valid_to NULL means current. An edit closes the current version and inserts a new one; a
-- delete only closes it. Nothing is updated in place or removed. `changed_by`/`changed_at`
-- record who wrote the version and when (transaction time); valid_from is the real-world time
-- the version starts to hold (construction date for surveyed pipes, the planned date for works).

CREATE SEQUENCE feature_fid_seq;

CREATE TABLE organization (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  name_en        text,
  kind           text NOT NULL CHECK (kind IN ('utility', 'operator', 'tower', 'government', 'survey', 'developer')),
  networks       text[] NOT NULL DEFAULT '{}',
  contact_person text,
  phone          text,
  email          text
);
COMMENT ON TABLE organization IS 'Utilities (权属单位), mobile operators, the tower company, survey units and planning bodies';

-- Columns every versioned feature table has, in one place.
CREATE TABLE versioned_feature (
  version_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fid         bigint NOT NULL DEFAULT nextval('feature_fid_seq'),
  valid_from  timestamptz NOT NULL DEFAULT now(),
  valid_to    timestamptz,
  changed_by  text NOT NULL DEFAULT 'system',
  changed_at  timestamptz NOT NULL DEFAULT now(),
  change_note text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
COMMENT ON TABLE versioned_feature IS 'Template only: feature tables copy its columns with LIKE; it holds no rows';

CREATE TABLE pipe_segment (
  LIKE versioned_feature INCLUDING ALL,
  network      char(2) NOT NULL CHECK (network IN ('JS', 'PS', 'RQ', 'RL', 'DL', 'TX', 'GY', 'QT')),
  subtype      char(2) NOT NULL,
  feature_code char(8) NOT NULL CHECK (feature_code ~ '^5[1-8][0-9]{2}[123][012][0-9]{2}$'),
  line_no      text,
  start_point  text NOT NULL,
  end_point    text NOT NULL,
  start_depth_m numeric(6, 3),
  end_depth_m   numeric(6, 3),
  start_elev_m  numeric(8, 3),
  end_elev_m    numeric(8, 3),
  depth_ref    text NOT NULL CHECK (depth_ref IN ('top', 'invert')),
  dn_mm        integer CHECK (dn_mm > 0),
  width_mm     integer CHECK (width_mm > 0),
  height_mm    integer CHECK (height_mm > 0),
  material     text,
  laying       text,
  pressure_mpa numeric(6, 3),
  pressure_class text CHECK (pressure_class IN ('L', 'MB', 'MA', 'SHB', 'SHA', 'HB', 'HA')),
  voltage_kv   numeric(7, 2),
  cable_count  integer CHECK (cable_count >= 0),
  total_holes  integer CHECK (total_holes >= 0),
  used_holes   integer CHECK (used_holes >= 0),
  flow_dir     text CHECK (flow_dir IN ('forward', 'backward')),
  owner        text NOT NULL REFERENCES organization (code),
  build_year   smallint,
  road_name    text,
  status       text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'empty_duct', 'other', 'planned')),
  survey_unit  text,
  survey_date  date,
  remarks      text,
  geom         geometry(LineStringZ, ${srid}) NOT NULL,
  CHECK (start_point <> end_point),
  CHECK (dn_mm IS NOT NULL OR (width_mm IS NOT NULL AND height_mm IS NOT NULL)),
  CHECK (used_holes IS NULL OR total_holes IS NULL OR used_holes <= total_holes)
);
COMMENT ON TABLE pipe_segment IS 'CJJ 61-2017 line table (管线段). geom is the centreline as surveyed: Z is the top of pressure pipes, ducts and cables, the inner invert of drainage (depth_ref); use pipe_centre_z() for the centre';
COMMENT ON COLUMN pipe_segment.start_depth_m IS '起点埋深, metres below ground to the surveyed reference (depth_ref)';
COMMENT ON COLUMN pipe_segment.dn_mm IS '管径 DN, millimetres (taken as the outside diameter for clearances)';
COMMENT ON COLUMN pipe_segment.owner IS '权属单位: organization.code';

CREATE TABLE pipe_point (
  LIKE versioned_feature INCLUDING ALL,
  network      char(2) NOT NULL CHECK (network IN ('JS', 'PS', 'RQ', 'RL', 'DL', 'TX', 'GY', 'QT')),
  subtype      char(2) NOT NULL,
  exp_no       text NOT NULL,
  map_no       text,
  feature      text,
  appurtenance text,
  feature_code char(8) NOT NULL CHECK (feature_code ~ '^5[1-8][0-9]{2}[123][012][0-9]{2}$'),
  ground_elev_m numeric(8, 3) NOT NULL,
  depth_m      numeric(6, 3),
  well_depth_m numeric(6, 3),
  cover_size   text,
  cover_material text,
  rotation_deg numeric(6, 2),
  operable     boolean NOT NULL DEFAULT true,
  owner        text NOT NULL REFERENCES organization (code),
  road_name    text,
  status       text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'empty_duct', 'other', 'planned')),
  survey_unit  text,
  survey_date  date,
  remarks      text,
  geom         geometry(PointZ, ${srid}) NOT NULL,
  CHECK ((feature IS NULL) <> (appurtenance IS NULL))
);
COMMENT ON TABLE pipe_point IS 'CJJ 61-2017 point table (管线点): exactly one of 特征 (feature) and 附属物 (appurtenance). Z is the ground elevation (地面高程)';

CREATE TABLE base_station (
  LIKE versioned_feature INCLUDING ALL,
  site_code      text NOT NULL,
  site_name      text NOT NULL,
  area_type      text NOT NULL CHECK (area_type IN ('dense_urban', 'urban', 'suburban', 'rural')),
  address        text,
  tower_type     text NOT NULL,
  tower_height_m numeric(6, 2) NOT NULL CHECK (tower_height_m > 0),
  platform_count smallint,
  ground_elev_m  numeric(8, 3) NOT NULL,
  sharing_status text NOT NULL CHECK (sharing_status IN ('sole', 'shared2', 'shared3', 'shared4')),
  tenants        text[] NOT NULL,
  owner          text NOT NULL REFERENCES organization (code),
  build_year     smallint,
  status         text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'other', 'planned')),
  geom           geometry(PointZ, ${srid}) NOT NULL
);
COMMENT ON TABLE base_station IS 'Mobile base-station sites (站址) with their tower; Z is the ground elevation';

CREATE TABLE antenna_sector (
  LIKE versioned_feature INCLUDING ALL,
  site_code        text NOT NULL,
  sector_no        smallint NOT NULL,
  operator         text NOT NULL REFERENCES organization (code),
  technology       text NOT NULL CHECK (technology IN ('GSM', 'LTE-FDD', 'TD-LTE', 'NR')),
  band             text NOT NULL,
  frequency_mhz    numeric(7, 1) NOT NULL,
  azimuth_deg      numeric(5, 1) NOT NULL CHECK (azimuth_deg >= 0 AND azimuth_deg < 360),
  mech_tilt_deg    numeric(4, 1) NOT NULL,
  elec_tilt_deg    numeric(4, 1) NOT NULL,
  antenna_height_m numeric(6, 2) NOT NULL,
  h_beamwidth_deg  numeric(5, 1) NOT NULL,
  v_beamwidth_deg  numeric(5, 1),
  gain_dbi         numeric(4, 1),
  eirp_dbm         numeric(5, 1) NOT NULL,
  status           text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'other', 'planned')),
  geom             geometry(PointZ, ${srid}) NOT NULL
);
COMMENT ON TABLE antenna_sector IS 'Antenna sectors (扇区) of a site; azimuth clockwise from grid north in degrees; Z is the antenna elevation';

CREATE TABLE zoning_parcel (
  LIKE versioned_feature INCLUDING ALL,
  parcel_code      text NOT NULL,
  land_use_code    text NOT NULL CHECK (land_use_code ~ '^[RABMWSUGHE][0-9]{0,2}$'),
  land_use_name    text NOT NULL,
  area_m2          numeric(12, 1) NOT NULL,
  max_far          numeric(4, 2),
  max_coverage_pct numeric(5, 1),
  min_green_pct    numeric(5, 1),
  height_limit_m   numeric(6, 1),
  plan_name        text,
  approval_date    date,
  geom             geometry(MultiPolygonZ, ${srid}) NOT NULL
);
COMMENT ON TABLE zoning_parcel IS '控规地块 with GB 50137-2011 land-use class and indicators; Z is the ground elevation';

CREATE TABLE road (
  LIKE versioned_feature INCLUDING ALL,
  name              text NOT NULL,
  road_class        text NOT NULL CHECK (road_class IN ('expressway', 'arterial', 'secondary', 'branch')),
  red_line_width_m  numeric(5, 1) NOT NULL,
  carriageway_width_m numeric(5, 1) NOT NULL,
  geom              geometry(LineStringZ, ${srid}) NOT NULL,
  red_line          geometry(MultiPolygonZ, ${srid}) NOT NULL
);
COMMENT ON TABLE road IS 'Roads: centreline (geom) and red-line polygon (道路红线)';

CREATE TABLE construction_project (
  LIKE versioned_feature INCLUDING ALL,
  project_code  text NOT NULL,
  name          text NOT NULL,
  owner         text NOT NULL REFERENCES organization (code),
  kind          text NOT NULL CHECK (kind IN ('new_build', 'renewal', 'repair', 'relocation', 'road_works')),
  networks      text[] NOT NULL,
  trench_depth_m numeric(5, 2),
  planned_start date NOT NULL,
  planned_end   date NOT NULL,
  status        text NOT NULL CHECK (status IN ('planned', 'approved', 'in_progress', 'completed', 'cancelled')),
  geom          geometry(MultiPolygonZ, ${srid}) NOT NULL,
  CHECK (planned_end >= planned_start)
);
COMMENT ON TABLE construction_project IS 'Planned and ongoing works: the corridor polygon that will be dug and its time window';

-- Indexes: spatial (GiST on every geometry), the current version of a feature, and as-of reads.
CREATE INDEX pipe_segment_geom_idx ON pipe_segment USING gist (geom);
CREATE INDEX pipe_point_geom_idx ON pipe_point USING gist (geom);
CREATE INDEX base_station_geom_idx ON base_station USING gist (geom);
CREATE INDEX antenna_sector_geom_idx ON antenna_sector USING gist (geom);
CREATE INDEX zoning_parcel_geom_idx ON zoning_parcel USING gist (geom);
CREATE INDEX road_geom_idx ON road USING gist (geom);
CREATE INDEX road_red_line_idx ON road USING gist (red_line);
CREATE INDEX construction_project_geom_idx ON construction_project USING gist (geom);

CREATE UNIQUE INDEX pipe_segment_current_idx ON pipe_segment (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX pipe_point_current_idx ON pipe_point (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX base_station_current_idx ON base_station (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX antenna_sector_current_idx ON antenna_sector (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX zoning_parcel_current_idx ON zoning_parcel (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX road_current_idx ON road (fid) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX construction_project_current_idx ON construction_project (fid) WHERE valid_to IS NULL;

CREATE INDEX pipe_segment_fid_idx ON pipe_segment (fid, valid_from);
CREATE INDEX pipe_point_fid_idx ON pipe_point (fid, valid_from);
CREATE INDEX base_station_fid_idx ON base_station (fid, valid_from);
CREATE INDEX antenna_sector_fid_idx ON antenna_sector (fid, valid_from);
CREATE INDEX zoning_parcel_fid_idx ON zoning_parcel (fid, valid_from);
CREATE INDEX road_fid_idx ON road (fid, valid_from);
CREATE INDEX construction_project_fid_idx ON construction_project (fid, valid_from);

CREATE INDEX pipe_segment_network_idx ON pipe_segment (network) WHERE valid_to IS NULL;
CREATE INDEX pipe_segment_start_idx ON pipe_segment (start_point) WHERE valid_to IS NULL;
CREATE INDEX pipe_segment_end_idx ON pipe_segment (end_point) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX pipe_point_exp_no_idx ON pipe_point (exp_no) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX base_station_site_code_idx ON base_station (site_code) WHERE valid_to IS NULL;
CREATE INDEX antenna_sector_site_idx ON antenna_sector (site_code) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX zoning_parcel_code_idx ON zoning_parcel (parcel_code) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX construction_project_code_idx ON construction_project (project_code) WHERE valid_to IS NULL;

-- The one place where the CJJ 61 depth convention becomes a centre elevation (metres):
-- the surveyed Z is the outer top for pressure pipes, ducts and cables (centre = Z - H/2)
-- and the inner invert for drainage (centre = Z + H/2, wall thickness neglected).
CREATE FUNCTION pipe_centre_offset_m(depth_ref text, dn_mm integer, height_mm integer)
  RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE depth_ref WHEN 'invert' THEN 1 ELSE -1 END * coalesce(height_mm, dn_mm) / 2000.0
$$;
COMMENT ON FUNCTION pipe_centre_offset_m IS 'Add to the surveyed Z (top or invert, per depth_ref) to get the pipe centre elevation, metres';

-- True when a version is valid at time t (NULL t = now).
CREATE FUNCTION valid_at(valid_from timestamptz, valid_to timestamptz, t timestamptz)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT valid_from <= coalesce(t, now()) AND (valid_to IS NULL OR valid_to > coalesce(t, now()))
$$;
