-- The minimum plan clearance the standards ask between a current pipe segment (:pipe_fid) and a
-- feature type of GB 50289-2016 Table 4.1.9 (:feature_type: BUILDING, POLE, TOWER35, TOWERHV, TREE, SHRUB, KERB), metres, or no row when no
-- table has a value. Written for the tests apart from the service: the values are the CTE feat of
-- standard_values.sql (slot standard_values), never read from clearance_rule.
WITH pipe AS (
  SELECT CASE WHEN s.laying = 'GG' THEN 'trench'
              WHEN s.laying IN ('ZH', 'RF') THEN 'tunnel'
              WHEN s.network = 'JS' AND s.subtype = 'ZS' THEN 'reclaimed'
              ELSE CASE s.network WHEN 'JS' THEN 'water' WHEN 'PS' THEN 'drainage' WHEN 'RQ' THEN 'gas' WHEN 'RL' THEN 'heat'
                                  WHEN 'DL' THEN 'power' WHEN 'TX' THEN 'telecom' ELSE 'other' END END AS col,
         CASE WHEN s.laying IN ('GM', 'GK', 'XTD', 'DG') THEN 'conduit' ELSE 'direct' END AS lay,
         s.pressure_class AS pc,
         coalesce(s.dn_mm, s.width_mm) AS dn
  FROM pipe_segment s
  WHERE s.fid = :pipe_fid AND s.valid_to IS NULL
),
{standard_values}
SELECT max(t.m)::float8 AS required_m
FROM pipe p
JOIN feat t ON t.f = :feature_type AND t.c = p.col
  AND (t.k = '*' OR t.k IN (p.pc, p.lay) OR (t.k = 'd<=200' AND p.dn <= 200) OR (t.k = 'd>200' AND p.dn > 200))
HAVING max(t.m) IS NOT NULL
