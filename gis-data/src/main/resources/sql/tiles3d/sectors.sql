-- 3D tile records: antenna sectors of the given sites valid at a time.
-- Binds: 1 site codes (text[]), 2 as-of time (NULL = now).
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
FROM antenna_sector a
WHERE a.site_code = ANY (?)
  AND valid_at(a.valid_from, a.valid_to, ?::timestamptz)
ORDER BY a.fid
