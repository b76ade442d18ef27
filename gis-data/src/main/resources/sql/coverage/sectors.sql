-- The transmitting sectors for coverage: current, in use, with their site, inside a native box
-- (:minx … :maxy, metres). A missing vertical beamwidth is taken as 10° (TR 36.814 Table
-- A.2.1.1-2's θ3dB), a missing gain does not matter (the EIRP is at boresight).
SELECT s.fid, s.site_code, s.operator, s.band, s.frequency_mhz::float8 AS frequency_mhz,
       ST_X(s.geom) AS x, ST_Y(s.geom) AS y, ST_Z(s.geom) AS z,
       s.antenna_height_m::float8 AS antenna_height_m, s.azimuth_deg::float8 AS azimuth_deg,
       s.mech_tilt_deg::float8 AS mech_tilt_deg, s.elec_tilt_deg::float8 AS elec_tilt_deg,
       s.h_beamwidth_deg::float8 AS h_beamwidth_deg,
       coalesce(s.v_beamwidth_deg, 10)::float8 AS v_beamwidth_deg,
       s.eirp_dbm::float8 AS eirp_dbm
FROM antenna_sector s
WHERE {valid_now} AND s.status = 'in_use'
  AND s.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, ST_SRID(s.geom))
ORDER BY s.fid
