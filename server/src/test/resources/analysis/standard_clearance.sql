-- The minimum clearance the standards ask between two current pipe segments (:a, :b fids) in a
-- direction (:dir horizontal or vertical), metres, or no row when no table has a value. Written
-- for the tests apart from the service: the values below are typed from GB 50289-2016 Tables
-- 4.1.9 / 4.1.14, GB 50028-2006 Tables 6.3.3-1 / 6.3.3-2 and §6.4 (high-pressure floors) and
-- GB 50838-2015 Table 5.1.7 (as transcribed in DOMAIN.md §1), never read from clearance_rule.
-- Keys: '*' any; a gas pressure class; direct / conduit laying; d<=200 / d>200 (water DN);
-- DN<=300 / DN>300 (gas DN).
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
std (dir, c1, k1, c2, k2, m) AS (VALUES
  ('horizontal', 'drainage', '*', 'water', 'd<=200', 1.0), ('horizontal', 'drainage', '*', 'water', 'd>200', 1.5),
  ('horizontal', 'drainage', '*', 'gas', 'L', 1.0), ('horizontal', 'drainage', '*', 'gas', 'MB', 1.2),
  ('horizontal', 'drainage', '*', 'gas', 'MA', 1.2), ('horizontal', 'drainage', '*', 'gas', 'SHB', 1.5),
  ('horizontal', 'drainage', '*', 'gas', 'SHA', 2.0), ('horizontal', 'drainage', '*', 'telecom', '*', 1.0),
  ('horizontal', 'drainage', '*', 'power', '*', 0.5), ('horizontal', 'drainage', '*', 'heat', '*', 1.5),
  ('horizontal', 'drainage', '*', 'reclaimed', '*', 1.0), ('horizontal', 'drainage', '*', 'trench', '*', 1.5),
  ('horizontal', 'water', '*', 'reclaimed', '*', 0.5), ('horizontal', 'water', '*', 'heat', '*', 1.5),
  ('horizontal', 'water', '*', 'power', '*', 0.5), ('horizontal', 'water', '*', 'telecom', '*', 1.0),
  ('horizontal', 'water', '*', 'trench', '*', 1.5),
  ('horizontal', 'water', '*', 'gas', 'L', 0.5), ('horizontal', 'water', '*', 'gas', 'MB', 0.5),
  ('horizontal', 'water', '*', 'gas', 'MA', 0.5), ('horizontal', 'water', '*', 'gas', 'SHB', 1.0),
  ('horizontal', 'water', '*', 'gas', 'SHA', 1.5),
  ('horizontal', 'reclaimed', '*', 'gas', 'L', 0.5), ('horizontal', 'reclaimed', '*', 'gas', 'MB', 0.5),
  ('horizontal', 'reclaimed', '*', 'gas', 'MA', 0.5), ('horizontal', 'reclaimed', '*', 'gas', 'SHB', 1.0),
  ('horizontal', 'reclaimed', '*', 'gas', 'SHA', 1.5), ('horizontal', 'reclaimed', '*', 'heat', '*', 1.0),
  ('horizontal', 'reclaimed', '*', 'power', '*', 0.5), ('horizontal', 'reclaimed', '*', 'telecom', '*', 1.0),
  ('horizontal', 'reclaimed', '*', 'trench', '*', 1.0),
  ('horizontal', 'gas', 'DN<=300', 'gas', '*', 0.4), ('horizontal', 'gas', 'DN>300', 'gas', '*', 0.5),
  ('horizontal', 'gas', 'L', 'heat', '*', 1.0), ('horizontal', 'gas', 'MB', 'heat', '*', 1.0),
  ('horizontal', 'gas', 'MA', 'heat', '*', 1.0), ('horizontal', 'gas', 'SHB', 'heat', '*', 1.5),
  ('horizontal', 'gas', 'SHA', 'heat', '*', 2.0),
  ('horizontal', 'gas', 'L', 'trench', '*', 1.0), ('horizontal', 'gas', 'MB', 'trench', '*', 1.5),
  ('horizontal', 'gas', 'MA', 'trench', '*', 1.5), ('horizontal', 'gas', 'SHB', 'trench', '*', 2.0),
  ('horizontal', 'gas', 'SHA', 'trench', '*', 4.0),
  ('horizontal', 'gas', 'L', 'power', 'direct', 0.5), ('horizontal', 'gas', 'MB', 'power', 'direct', 0.5),
  ('horizontal', 'gas', 'MA', 'power', 'direct', 0.5), ('horizontal', 'gas', 'SHB', 'power', 'direct', 1.0),
  ('horizontal', 'gas', 'SHA', 'power', 'direct', 1.5),
  ('horizontal', 'gas', 'L', 'power', 'conduit', 1.0), ('horizontal', 'gas', 'MB', 'power', 'conduit', 1.0),
  ('horizontal', 'gas', 'MA', 'power', 'conduit', 1.0), ('horizontal', 'gas', 'SHB', 'power', 'conduit', 1.0),
  ('horizontal', 'gas', 'SHA', 'power', 'conduit', 1.5),
  ('horizontal', 'gas', 'L', 'telecom', 'direct', 0.5), ('horizontal', 'gas', 'MB', 'telecom', 'direct', 0.5),
  ('horizontal', 'gas', 'MA', 'telecom', 'direct', 0.5), ('horizontal', 'gas', 'SHB', 'telecom', 'direct', 1.0),
  ('horizontal', 'gas', 'SHA', 'telecom', 'direct', 1.5),
  ('horizontal', 'gas', 'L', 'telecom', 'conduit', 1.0), ('horizontal', 'gas', 'MB', 'telecom', 'conduit', 1.0),
  ('horizontal', 'gas', 'MA', 'telecom', 'conduit', 1.0), ('horizontal', 'gas', 'SHB', 'telecom', 'conduit', 1.0),
  ('horizontal', 'gas', 'SHA', 'telecom', 'conduit', 1.5),
  ('horizontal', 'heat', '*', 'power', '*', 2.0), ('horizontal', 'heat', '*', 'telecom', '*', 1.0),
  ('horizontal', 'power', 'direct', 'power', '*', 0.25), ('horizontal', 'power', 'conduit', 'power', 'conduit', 0.1),
  ('horizontal', 'power', '*', 'telecom', '*', 0.5),
  ('horizontal', 'tunnel', '*', 'water', '*', 1.0), ('horizontal', 'tunnel', '*', 'reclaimed', '*', 1.0),
  ('horizontal', 'tunnel', '*', 'drainage', '*', 1.0), ('horizontal', 'tunnel', '*', 'gas', '*', 1.0),
  ('horizontal', 'tunnel', '*', 'heat', '*', 1.0), ('horizontal', 'tunnel', '*', 'power', '*', 1.0),
  ('horizontal', 'tunnel', '*', 'telecom', '*', 1.0), ('horizontal', 'tunnel', '*', 'trench', '*', 1.0),
  ('vertical', 'drainage', '*', 'water', '*', 0.40), ('vertical', 'drainage', '*', 'reclaimed', '*', 0.40),
  ('vertical', 'drainage', '*', 'drainage', '*', 0.15), ('vertical', 'drainage', '*', 'heat', '*', 0.15),
  ('vertical', 'drainage', '*', 'gas', '*', 0.15), ('vertical', 'drainage', '*', 'telecom', 'direct', 0.50),
  ('vertical', 'drainage', '*', 'telecom', 'conduit', 0.15), ('vertical', 'drainage', '*', 'power', 'direct', 0.50),
  ('vertical', 'drainage', '*', 'power', 'conduit', 0.25), ('vertical', 'drainage', '*', 'trench', '*', 0.15),
  ('vertical', 'water', '*', 'water', '*', 0.15), ('vertical', 'water', '*', 'reclaimed', '*', 0.50),
  ('vertical', 'reclaimed', '*', 'reclaimed', '*', 0.15),
  ('vertical', 'water', '*', 'heat', '*', 0.15), ('vertical', 'reclaimed', '*', 'heat', '*', 0.15),
  ('vertical', 'water', '*', 'gas', '*', 0.15), ('vertical', 'reclaimed', '*', 'gas', '*', 0.15),
  ('vertical', 'water', '*', 'telecom', 'direct', 0.50), ('vertical', 'reclaimed', '*', 'telecom', 'direct', 0.50),
  ('vertical', 'water', '*', 'telecom', 'conduit', 0.15), ('vertical', 'reclaimed', '*', 'telecom', 'conduit', 0.15),
  ('vertical', 'water', '*', 'power', 'direct', 0.50), ('vertical', 'reclaimed', '*', 'power', 'direct', 0.50),
  ('vertical', 'water', '*', 'power', 'conduit', 0.25), ('vertical', 'reclaimed', '*', 'power', 'conduit', 0.25),
  ('vertical', 'water', '*', 'trench', '*', 0.15), ('vertical', 'reclaimed', '*', 'trench', '*', 0.15),
  ('vertical', 'heat', '*', 'heat', '*', 0.15), ('vertical', 'heat', '*', 'gas', '*', 0.15),
  ('vertical', 'heat', '*', 'telecom', 'direct', 0.25), ('vertical', 'heat', '*', 'telecom', 'conduit', 0.15),
  ('vertical', 'heat', '*', 'power', 'direct', 0.50), ('vertical', 'heat', '*', 'power', 'conduit', 0.25),
  ('vertical', 'heat', '*', 'trench', '*', 0.15),
  ('vertical', 'gas', '*', 'gas', '*', 0.15), ('vertical', 'gas', '*', 'telecom', 'direct', 0.50),
  ('vertical', 'gas', '*', 'telecom', 'conduit', 0.15), ('vertical', 'gas', '*', 'power', 'direct', 0.50),
  ('vertical', 'gas', '*', 'power', 'conduit', 0.15), ('vertical', 'gas', '*', 'trench', '*', 0.15),
  ('vertical', 'telecom', '*', 'telecom', '*', 0.25), ('vertical', 'telecom', '*', 'power', 'direct', 0.50),
  ('vertical', 'telecom', '*', 'power', 'conduit', 0.25), ('vertical', 'telecom', '*', 'trench', '*', 0.25),
  ('vertical', 'power', 'direct', 'power', '*', 0.50), ('vertical', 'power', 'conduit', 'power', 'conduit', 0.25),
  ('vertical', 'power', 'direct', 'trench', '*', 0.50), ('vertical', 'power', 'conduit', 'trench', '*', 0.25),
  ('vertical', 'trench', '*', 'trench', '*', 0.15),
  ('vertical', 'tunnel', '*', 'water', '*', 0.5), ('vertical', 'tunnel', '*', 'reclaimed', '*', 0.5),
  ('vertical', 'tunnel', '*', 'drainage', '*', 0.5), ('vertical', 'tunnel', '*', 'gas', '*', 0.5),
  ('vertical', 'tunnel', '*', 'heat', '*', 0.5), ('vertical', 'tunnel', '*', 'power', '*', 0.5),
  ('vertical', 'tunnel', '*', 'telecom', '*', 0.5), ('vertical', 'tunnel', '*', 'trench', '*', 0.5)
),
-- High-pressure gas (> 1.6 MPa, GB 50028-2006 §6.4): the sub-high-pressure A values as floors.
high (dir, c2, m) AS (VALUES
  ('horizontal', 'water', 1.5), ('horizontal', 'reclaimed', 1.5), ('horizontal', 'drainage', 2.0), ('horizontal', 'gas', 0.5),
  ('horizontal', 'heat', 2.0), ('horizontal', 'trench', 4.0), ('horizontal', 'power', 1.5), ('horizontal', 'telecom', 1.5),
  ('horizontal', 'tunnel', 4.0),
  ('vertical', 'water', 0.5), ('vertical', 'reclaimed', 0.5), ('vertical', 'drainage', 0.5), ('vertical', 'gas', 0.5),
  ('vertical', 'heat', 0.5), ('vertical', 'trench', 0.5), ('vertical', 'power', 0.5), ('vertical', 'telecom', 0.5),
  ('vertical', 'tunnel', 0.5)
),
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
