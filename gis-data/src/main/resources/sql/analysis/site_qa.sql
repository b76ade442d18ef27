-- Network QA of base stations (站址核查) per site_rule (a rule for the site's area type wins over
-- one for all areas): sites too close (pair), too far from their nearest neighbour, antenna height
-- and total downtilt (mechanical + electrical) out of range, sectors of one operator and band on
-- one site less than the minimum azimuth apart, EMF-sensitive parcels within the protection
-- distance (a tower inside one: distance 0), and within the site's EMF compliance distance: the
-- largest over its sectors of d = √(EIRP_W / (4π × limit × share)) (GB 8702-2014; limit f/7500
-- W/m² above 3 GHz; sectors are taken one at a time).
WITH {scope_cte},
st AS MATERIALIZED (
  SELECT b.* FROM base_station b
  WHERE b.status = 'in_use' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz)) AND {scope}
),
allst AS (
  SELECT b.* FROM base_station b WHERE b.status = 'in_use' AND valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
),
sec AS (
  SELECT a.*, st.geom AS site_geom, st.area_type FROM antenna_sector a JOIN st ON st.site_code = a.site_code
  WHERE a.status = 'in_use' AND valid_at(a.valid_from, a.valid_to, CAST(:as_of AS timestamptz))
),
sec_emf AS (
  SELECT s.site_code, s.sector_no, s.site_geom, e.*
  FROM sec s
  CROSS JOIN LATERAL (
    SELECT sqrt(power(10, (s.eirp_dbm - 30) / 10.0)
                / (4 * pi() * CASE WHEN l.rule_key LIKE '%per_mhz' THEN l.value * s.frequency_mhz ELSE l.value END * sh.value)) AS d,
           l.id AS limit_id, l.source_clause, l.confidence
    FROM site_rule l, site_rule sh
    WHERE l.rule_key IN ('emf_power_density_limit_w_m2', 'emf_power_density_limit_w_m2_per_mhz')
      AND s.frequency_mhz > l.band_min_mhz AND s.frequency_mhz <= l.band_max_mhz AND sh.rule_key = 'emf_project_share'
    ORDER BY l.id LIMIT 1) e
),
site_emf AS (
  SELECT DISTINCT ON (site_code) * FROM sec_emf ORDER BY site_code, d DESC, sector_no
),
flags AS (
  SELECT 'too_close' AS flag, a.site_code, b.site_code AS other, NULL::smallint AS sector_no,
         ST_Distance(a.geom, b.geom) AS measured, r.value AS limit_value, r.unit, r.id AS rule_id, r.source_clause, r.confidence, a.geom AS at
  FROM st a
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'min_site_spacing_m' AND (area_type IS NULL OR area_type = a.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) r
  JOIN allst b ON ST_DWithin(a.geom, b.geom, r.value) AND b.fid <> a.fid AND ST_Distance(a.geom, b.geom) < r.value
  WHERE a.site_code < b.site_code OR NOT EXISTS (SELECT 1 FROM st WHERE st.fid = b.fid)
  UNION ALL
  SELECT 'too_far', a.site_code, n.site_code, NULL, n.d, r.value, r.unit, r.id, r.source_clause, r.confidence, a.geom
  FROM st a
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'max_site_spacing_m' AND (area_type IS NULL OR area_type = a.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) r
  CROSS JOIN LATERAL (SELECT b.site_code, ST_Distance(a.geom, b.geom) AS d FROM allst b WHERE b.fid <> a.fid
                      ORDER BY b.geom <-> a.geom LIMIT 1) n
  WHERE n.d > r.value
  UNION ALL
  SELECT CASE WHEN s.antenna_height_m < lo.value THEN 'antenna_too_low' ELSE 'antenna_too_high' END, s.site_code, NULL, s.sector_no,
         s.antenna_height_m::float8, CASE WHEN s.antenna_height_m < lo.value THEN lo.value ELSE hi.value END, lo.unit,
         CASE WHEN s.antenna_height_m < lo.value THEN lo.id ELSE hi.id END,
         CASE WHEN s.antenna_height_m < lo.value THEN lo.source_clause ELSE hi.source_clause END,
         CASE WHEN s.antenna_height_m < lo.value THEN lo.confidence ELSE hi.confidence END, s.site_geom
  FROM sec s
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'min_antenna_height_m' AND (area_type IS NULL OR area_type = s.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) lo
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'max_antenna_height_m' AND (area_type IS NULL OR area_type = s.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) hi
  WHERE s.antenna_height_m < lo.value OR s.antenna_height_m > hi.value
  UNION ALL
  SELECT CASE WHEN s.mech_tilt_deg + s.elec_tilt_deg < lo.value THEN 'downtilt_too_small' ELSE 'downtilt_too_large' END, s.site_code,
         NULL, s.sector_no, (s.mech_tilt_deg + s.elec_tilt_deg)::float8,
         CASE WHEN s.mech_tilt_deg + s.elec_tilt_deg < lo.value THEN lo.value ELSE hi.value END, lo.unit,
         CASE WHEN s.mech_tilt_deg + s.elec_tilt_deg < lo.value THEN lo.id ELSE hi.id END,
         CASE WHEN s.mech_tilt_deg + s.elec_tilt_deg < lo.value THEN lo.source_clause ELSE hi.source_clause END,
         CASE WHEN s.mech_tilt_deg + s.elec_tilt_deg < lo.value THEN lo.confidence ELSE hi.confidence END, s.site_geom
  FROM sec s
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'min_downtilt_deg' AND (area_type IS NULL OR area_type = s.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) lo
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'max_downtilt_deg' AND (area_type IS NULL OR area_type = s.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) hi
  WHERE s.mech_tilt_deg + s.elec_tilt_deg < lo.value OR s.mech_tilt_deg + s.elec_tilt_deg > hi.value
  UNION ALL
  SELECT 'sector_spacing', a.site_code, 'sector ' || b.sector_no, a.sector_no,
         least(abs(a.azimuth_deg - b.azimuth_deg), 360 - abs(a.azimuth_deg - b.azimuth_deg))::float8, r.value, r.unit, r.id,
         r.source_clause, r.confidence, a.site_geom
  FROM sec a
  JOIN sec b ON b.site_code = a.site_code AND b.operator = a.operator AND b.band = a.band AND b.sector_no > a.sector_no
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'min_sector_spacing_deg' AND (area_type IS NULL OR area_type = a.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) r
  WHERE least(abs(a.azimuth_deg - b.azimuth_deg), 360 - abs(a.azimuth_deg - b.azimuth_deg)) < r.value
  UNION ALL
  SELECT 'sensitive_parcel_within_protection', a.site_code, z.parcel_code, NULL, ST_Distance(a.geom, z.geom), r.value, r.unit, r.id,
         r.source_clause, r.confidence, a.geom
  FROM st a
  CROSS JOIN LATERAL (SELECT * FROM site_rule WHERE rule_key = 'emf_sensitive_protection_m' AND (area_type IS NULL OR area_type = a.area_type)
                      ORDER BY area_type IS NOT NULL DESC, id LIMIT 1) r
  JOIN zoning_parcel z ON valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND ST_DWithin(z.geom, a.geom, r.value)
  JOIN land_use_class lu ON lu.code = z.land_use_code AND lu.emf_sensitive
  UNION ALL
  SELECT 'sensitive_parcel_within_emf_distance', e.site_code, z.parcel_code, e.sector_no, ST_Distance(e.site_geom, z.geom), e.d, 'm',
         e.limit_id, e.source_clause, e.confidence, e.site_geom
  FROM site_emf e
  JOIN zoning_parcel z ON valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND ST_DWithin(z.geom, e.site_geom, e.d)
  JOIN land_use_class lu ON lu.code = z.land_use_code AND lu.emf_sensitive
)
SELECT f.flag, f.site_code, f.other, f.sector_no, f.measured, f.limit_value::float8 AS limit_value, f.unit, f.rule_id,
       f.source_clause, f.confidence, ST_AsGeoJSON(ST_Transform(ST_Force2D(f.at), 4326), 7) AS location
FROM flags f
ORDER BY f.site_code, f.flag, f.sector_no NULLS FIRST, f.other
