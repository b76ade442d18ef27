-- Radio coverage of the base-station sectors (cn.lzxq.city.data.coverage): the carrier of each band
-- (what RSRP per resource element and noise are computed with), and the computed best-server grids.
-- A grid is square cells of cell_m metres in the native CRS from its north-west corner; its values
-- are stored per operator and band in blocks of 256 x 256 cells (row-major from the north-west,
-- little-endian: rsrp and sinr float32 with NaN where no sector reaches, server int32 with the
-- serving antenna_sector fid, 0 for none). One current grid per cell size; a full run replaces it,
-- a run after sector edits rewrites only the blocks around the changed sectors (change_seq: the
-- last tile_change row it took into account).

CREATE TABLE coverage_carrier (
  band           text PRIMARY KEY,
  bandwidth_mhz  numeric(6, 1) NOT NULL CHECK (bandwidth_mhz > 0),
  subcarrier_khz numeric(5, 1) NOT NULL CHECK (subcarrier_khz > 0),
  resource_blocks integer NOT NULL CHECK (resource_blocks > 0),
  source_clause  text NOT NULL
);
COMMENT ON TABLE coverage_carrier IS 'Carrier per band for coverage: channel bandwidth (MHz), subcarrier spacing (kHz), N_RB (TS 38.101-1 Table 5.3.2-1 / TS 36.101 Table 5.6-1)';

INSERT INTO coverage_carrier VALUES
  ('n41', 100, 30, 273, '3GPP TS 38.101-1 Table 5.3.2-1: 100 MHz at 30 kHz, N_RB 273 (China Mobile 2.6 GHz carrier)'),
  ('n78', 100, 30, 273, '3GPP TS 38.101-1 Table 5.3.2-1: 100 MHz at 30 kHz, N_RB 273 (China Telecom / China Unicom 3.5 GHz carriers)'),
  ('n28', 30, 15, 160, '3GPP TS 38.101-1 Table 5.3.2-1: 30 MHz at 15 kHz, N_RB 160 (China Broadnet 700 MHz carrier)'),
  ('n1', 20, 15, 106, '3GPP TS 38.101-1 Table 5.3.2-1: 20 MHz at 15 kHz, N_RB 106'),
  ('n3', 20, 15, 106, '3GPP TS 38.101-1 Table 5.3.2-1: 20 MHz at 15 kHz, N_RB 106'),
  ('B3', 20, 15, 100, '3GPP TS 36.101 Table 5.6-1: 20 MHz, N_RB 100 (LTE 1.8 GHz)');

CREATE TABLE coverage_grid (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cell_m            double precision NOT NULL CHECK (cell_m > 0),
  west              double precision NOT NULL,
  north             double precision NOT NULL,
  width             integer NOT NULL CHECK (width > 0),
  height            integer NOT NULL CHECK (height > 0),
  receiver_height_m double precision NOT NULL,
  radius_m          double precision NOT NULL,
  noise_figure_db   double precision NOT NULL,
  cell_load         double precision NOT NULL CHECK (cell_load BETWEEN 0 AND 1),
  terrain           boolean NOT NULL,
  dem_id            bigint REFERENCES dem (id) ON DELETE SET NULL,
  change_seq        bigint NOT NULL,
  computed_at       timestamptz NOT NULL DEFAULT now(),
  valid_to          timestamptz
);
COMMENT ON TABLE coverage_grid IS 'Best-server coverage grids: native-CRS frame (metres), the settings they were computed with, the change log position they include';
CREATE UNIQUE INDEX coverage_grid_one_current ON coverage_grid (cell_m) WHERE valid_to IS NULL;

CREATE TABLE coverage_tile (
  grid_id   bigint NOT NULL REFERENCES coverage_grid (id) ON DELETE CASCADE,
  operator  text NOT NULL,
  band      text NOT NULL,
  block_row integer NOT NULL,
  block_col integer NOT NULL,
  rsrp      bytea NOT NULL,
  sinr      bytea NOT NULL,
  server    bytea NOT NULL,
  PRIMARY KEY (grid_id, operator, band, block_row, block_col)
);
COMMENT ON TABLE coverage_tile IS 'Coverage values by 256 x 256 block: rsrp (dBm per resource element) and sinr (dB) float32 LE, NaN = no sector; server int32 LE antenna_sector fid, 0 = none';
