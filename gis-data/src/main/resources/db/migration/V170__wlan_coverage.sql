-- WLAN coverage (cn.lzxq.city.data.coverage.WlanCoverage): the channel each wlan_ap band is computed
-- on, and coverage targets per network. An access point radiates omnidirectionally on the centre
-- frequency of its band's channel; the noise of its SNR is that of the channel width; an indoor
-- access point reaches the outdoor grid through the building entry loss of its band. The coverage
-- layer coverage_wlan keeps the best RSSI (dBm, whole channel) and its SNR in coverage_tile under
-- operator 'WLAN' and band '' (the server column holds the wlan_ap fid).

CREATE TABLE wlan_band (
  band           text PRIMARY KEY CHECK (band IN ('2.4GHz', '5GHz', '6GHz')),
  frequency_mhz  numeric(7, 1) NOT NULL CHECK (frequency_mhz BETWEEN 800 AND 38000),
  channel_mhz    numeric(5, 1) NOT NULL CHECK (channel_mhz > 0),
  indoor_loss_db numeric(4, 1) NOT NULL CHECK (indoor_loss_db >= 0),
  source_clause  text NOT NULL
);
COMMENT ON TABLE wlan_band IS 'WLAN band as coverage computes it: channel centre frequency (MHz), channel width (MHz), building entry loss of an indoor access point (dB)';

INSERT INTO wlan_band VALUES
  ('2.4GHz', 2437, 20, 15.8, 'IEEE 802.11 channel 6 (2,400-2,483.5 MHz, MIIT EIRP limit 20 dBm), 20 MHz; indoor: ITU-R P.2109 traditional building, median at horizontal incidence, about 15.8 dB [M]'),
  ('5GHz', 5785, 20, 17.3, 'IEEE 802.11 channel 157 (5,725-5,850 MHz, the band China opens outdoors, EIRP limit 33 dBm), 20 MHz; indoor: ITU-R P.2109 traditional building, median, about 17.3 dB [M]'),
  ('6GHz', 6135, 20, 17.4, 'IEEE 802.11 6 GHz channel 37 (not open to WLAN in China: imported data only), 20 MHz; indoor: ITU-R P.2109 traditional building, median, about 17.4 dB [M]');

-- Targets per network: cellular (RSRP, V91) or wlan (RSSI of the public WLAN, any operator).
ALTER TABLE coverage_target ADD COLUMN network text NOT NULL DEFAULT 'cellular'
  CHECK (network IN ('cellular', 'wlan'));
ALTER TABLE coverage_target DROP CONSTRAINT coverage_target_operator_land_use_class_key;
ALTER TABLE coverage_target ADD CONSTRAINT coverage_target_network_operator_class_key
  UNIQUE NULLS NOT DISTINCT (network, operator, land_use_class);
COMMENT ON COLUMN coverage_target.network IS 'cellular: threshold on best-server RSRP per resource element; wlan: on the best access point''s RSSI';

INSERT INTO coverage_target (network, operator, land_use_class, threshold_dbm, target_share, source_clause) VALUES
  ('wlan', NULL, NULL, -75, 1.0, 'Lanzhou smart-city co-construction programme: public WLAN over the built-up area (issue 20); -75 dBm RSSI, a usual planning level for a usable public hotspot [M]');
