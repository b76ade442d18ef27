-- 3D tile records: antenna sectors of the given sites valid at a time.
-- Slots: {table} and {filter} (the sector layer's rows) from the layer catalog.
-- Parameters: :sites site codes (text[]), :t as-of time (NULL = now).
SELECT a.fid,
       a.site_code,
       a.sector_no::integer AS sector_no,
       a.operator,
       a.technology,
       a.band,
       a.frequency_mhz::double precision AS frequency_mhz,
       a.azimuth_deg::double precision AS azimuth_deg,
       a.mech_tilt_deg::double precision AS mech_tilt_deg,
       a.elec_tilt_deg::double precision AS elec_tilt_deg,
       a.antenna_height_m::double precision AS antenna_height_m,
       a.eirp_dbm::double precision AS eirp_dbm,
       a.status
FROM {table} a
WHERE {filter}
  AND a.site_code = ANY (:sites)
  AND valid_at(a.valid_from, a.valid_to, :t::timestamptz)
ORDER BY a.fid
