-- Public WLAN access points (公共WLAN热点) as a versioned feature layer (`wlan_ap` in CityLayers):
-- SSID, operator, band, mount height above ground (m), transmit power as EIRP (dBm), indoor or
-- outdoor; Z is the ground elevation (1985 datum, metres) like the base stations.
CREATE TABLE wlan_ap (
  LIKE versioned_feature INCLUDING ALL,
  ap_code        text NOT NULL,
  ssid           text NOT NULL,
  operator       text NOT NULL REFERENCES organization (code),
  band           text NOT NULL CHECK (band IN ('2.4GHz', '5GHz', '6GHz')),
  mount_height_m numeric(5, 2) NOT NULL CHECK (mount_height_m > 0 AND mount_height_m <= 60),
  eirp_dbm       numeric(4, 1) NOT NULL CHECK (eirp_dbm BETWEEN 0 AND 36),
  placement      text NOT NULL CHECK (placement IN ('indoor', 'outdoor')),
  status         text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'abandoned', 'other', 'planned')),
  geom           geometry(PointZ, ${srid}) NOT NULL
);
COMMENT ON TABLE wlan_ap IS 'Public WLAN access points: SSID, operator, band, mount height (m), EIRP (dBm), indoor/outdoor; Z is the ground elevation';
CREATE INDEX wlan_ap_geom_idx ON wlan_ap USING gist (geom);
CREATE UNIQUE INDEX wlan_ap_current_idx ON wlan_ap (fid) WHERE valid_to IS NULL;
CREATE INDEX wlan_ap_fid_idx ON wlan_ap (fid, valid_from);
CREATE UNIQUE INDEX wlan_ap_code_idx ON wlan_ap (ap_code) WHERE valid_to IS NULL;
