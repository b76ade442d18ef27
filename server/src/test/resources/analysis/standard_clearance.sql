-- The minimum clearance the standards ask between two current pipe segments (:a, :b fids) in a
-- direction (:dir horizontal or vertical), metres, or no row when no table has a value. Written
-- for the tests apart from the service: the values below are typed from GB 50289-2016 Tables
-- 4.1.9 / 4.1.14, GB 50028-2006 Tables 6.3.3-1 / 6.3.3-2 and §6.4 (high-pressure floors) and
-- GB 50838-2015 Table 5.1.7 (as transcribed in DOMAIN.md §1), never read from clearance_rule.
-- The values are the CTEs std and high of standard_values.sql (slot standard_values).
WITH pipe AS (
  SELECT s.fid,
         CASE WHEN s.laying = 'GG' THEN 'trench'
              WHEN s.laying IN ('ZH', 'RF') THEN 'tunnel'
              WHEN s.network = 'JS' AND s.subtype = 'ZS' THEN 'reclaimed'
              ELSE CASE s.network WHEN 'JS' THEN 'water' WHEN 'PS' THEN 'drainage' WHEN 'RQ' THEN 'gas' WHEN 'RL' THEN 'heat'
                                  WHEN 'DL' THEN 'power' WHEN 'TX' THEN 'telecom' ELSE 'other' END END AS col,
         CASE WHEN s.laying IN ('GM', 'GK', 'XTD', 'DG') THEN 'conduit' ELSE 'direct' END AS lay,
         s.pressure_class AS pc, coalesce(s.dn_mm, s.width_mm) AS dn
  FROM pipe_segment s
  WHERE s.fid IN (:a, :b) AND s.valid_to IS NULL
),
{standard_values},
pair AS (
  SELECT p.*, q.col AS q_col, q.lay AS q_lay, q.pc AS q_pc, q.dn AS q_dn
  FROM pipe p JOIN pipe q ON p.fid <> q.fid
)
SELECT max(v.m)::float8 AS required_m
FROM pair p
CROSS JOIN LATERAL (
  SELECT s.m FROM std s
  WHERE s.dir = :dir AND s.c1 = p.col AND s.c2 = p.q_col
    AND (s.k1 = '*' OR s.k1 IN (p.pc, p.lay)
         OR (s.k1 = 'd<=200' AND p.dn <= 200) OR (s.k1 = 'd>200' AND p.dn > 200)
         OR (s.k1 = 'DN<=300' AND p.dn <= 300) OR (s.k1 = 'DN>300' AND p.dn > 300))
    AND (s.k2 = '*' OR s.k2 IN (p.q_pc, p.q_lay)
         OR (s.k2 = 'd<=200' AND p.q_dn <= 200) OR (s.k2 = 'd>200' AND p.q_dn > 200)
         OR (s.k2 = 'DN<=300' AND p.q_dn <= 300) OR (s.k2 = 'DN>300' AND p.q_dn > 300))
  UNION ALL
  SELECT h.m FROM high h WHERE h.dir = :dir AND p.col = 'gas' AND p.pc IN ('HB', 'HA') AND h.c2 = p.q_col
) v
HAVING max(v.m) IS NOT NULL
