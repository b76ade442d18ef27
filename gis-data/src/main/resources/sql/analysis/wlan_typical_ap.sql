-- The typical new public access point of a WLAN hole (WlanHoleHosts): the median EIRP (dBm) of the
-- access points in use and the band most of them use (the first in name order on a tie), with its
-- channel's centre frequency (wlan_band, V170); no row when none is in use.
WITH t AS (
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.eirp_dbm::float8) AS eirp_dbm,
         mode() WITHIN GROUP (ORDER BY a.band) AS band
  FROM wlan_ap a
  WHERE a.status = 'in_use' AND valid_at(a.valid_from, a.valid_to, CAST(:as_of AS timestamptz))
  HAVING count(*) > 0
)
SELECT t.eirp_dbm, t.band, w.frequency_mhz::float8 AS frequency_mhz
FROM t JOIN wlan_band w ON w.band = t.band
