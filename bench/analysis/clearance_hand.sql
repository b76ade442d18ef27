-- The best hand-written PostGIS query found for the whole-city clearance check, written from the
-- standards, not from the service's rule table: the clearances below are typed from GB 50289-2016
-- Tables 4.1.9 / 4.1.14, GB 50028-2006 Tables 6.3.3-1 / 6.3.3-2 and §6.4 (high-pressure floors)
-- and GB 50838-2015 Table 5.1.7 (DOMAIN.md §1; the same values as the tests' standard_clearance.sql),
-- never read from clearance_rule. It answers what the service's job lists as violations:
-- * pipe pairs: horizontal clearance in plan between pairs that do not cross, vertical at
--   crossings, outer wall to outer wall (pipe_section: outside diameters and walls of pipe_wall,
--   drainage inverts turned into outer bottoms, boxes W×H); current, buried, not abandoned pipes,
--   not both in a utility tunnel, segments of one network sharing a surveyed point not paired;
--   the largest value of the tables that matches the pair in either order governs;
-- * pipe–feature pairs: plan distance from the pipe's outer wall to a base-station pole's centre
--   or an existing (or under construction) building's footprint, Table 4.1.9 feature columns.
-- Each pipe gets a key (column of the tables, laying, pressure class, DN band); the requirement
-- of every pair of keys present is worked out once (km), and the pair scan joins it by hash, so
-- the self-join (GiST), the lookup, the measuring and the filter form one scan that PostgreSQL
-- splits across parallel workers when the query runs without a cursor.
-- Run: psql "$(scripts/db url analysis_city)" -f bench/analysis/clearance_hand.sql
WITH std (dir, c1, k1, c2, k2, m) AS (VALUES
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
-- Table 4.1.9, feature columns: 建(构)筑物 (to the outer wall) and 地上杆柱 通信照明及<10kV (to the
-- pole centre); gas by GB 50028-2006 Table 6.3.3-1; high-pressure gas: the sub-high A floor.
feat (f, c, k, m) AS (VALUES
  ('BUILDING', 'water', 'd<=200', 1.0), ('BUILDING', 'water', 'd>200', 3.0), ('BUILDING', 'drainage', '*', 2.5),
  ('BUILDING', 'reclaimed', '*', 1.0), ('BUILDING', 'gas', 'L', 0.7), ('BUILDING', 'gas', 'MB', 1.0),
  ('BUILDING', 'gas', 'MA', 1.5), ('BUILDING', 'gas', 'SHB', 5.0), ('BUILDING', 'gas', 'SHA', 13.5),
  ('BUILDING', 'gas', 'HB', 13.5), ('BUILDING', 'gas', 'HA', 13.5), ('BUILDING', 'heat', '*', 3.0),
  ('BUILDING', 'power', '*', 0.6), ('BUILDING', 'telecom', 'direct', 1.0), ('BUILDING', 'telecom', 'conduit', 1.5),
  ('BUILDING', 'trench', '*', 0.5),
  ('POLE', 'water', '*', 0.5), ('POLE', 'drainage', '*', 0.5), ('POLE', 'reclaimed', '*', 0.5), ('POLE', 'gas', '*', 1.0),
  ('POLE', 'heat', '*', 1.0), ('POLE', 'power', '*', 1.0), ('POLE', 'telecom', '*', 0.5)
),
-- the pipes with their key (NOT MATERIALIZED: each use reads pipe_segment through its indexes)
keyed AS NOT MATERIALIZED (
  SELECT s.fid, s.network, s.start_point, s.end_point, s.geom, s.material, s.depth_ref, s.dn_mm, s.width_mm, s.height_mm,
         l.laying_class AS lc,
         CASE WHEN l.laying_class = 'trench' THEN 'trench' WHEN l.laying_class = 'tunnel' THEN 'tunnel'
              WHEN s.network = 'JS' AND s.subtype = 'ZS' THEN 'reclaimed'
              ELSE CASE s.network WHEN 'JS' THEN 'water' WHEN 'PS' THEN 'drainage' WHEN 'RQ' THEN 'gas' WHEN 'RL' THEN 'heat'
                                  WHEN 'DL' THEN 'power' WHEN 'TX' THEN 'telecom' ELSE 'other' END END AS col,
         CASE WHEN l.laying_class = 'conduit' THEN 'conduit' ELSE 'direct' END AS lay,
         coalesce(s.pressure_class, '') AS pc,
         CASE WHEN coalesce(s.dn_mm, s.width_mm) <= 200 THEN 200 WHEN coalesce(s.dn_mm, s.width_mm) <= 300 THEN 300 ELSE 400 END AS dn
  FROM pipe_segment s
  LEFT JOIN laying_code l ON l.code = s.laying
  WHERE s.valid_to IS NULL AND s.status <> 'abandoned' AND coalesce(l.laying_class, '') <> 'overhead'
),
seg AS NOT MATERIALIZED (
  SELECT k.*, x.half_width_m AS hw, x.half_height_m AS hh, x.centre_offset_m AS off
  FROM keyed k
  CROSS JOIN LATERAL pipe_section(k.material, k.depth_ref, k.dn_mm, k.width_mm, k.height_mm) x
),
k AS MATERIALIZED (SELECT DISTINCT col, lay, pc, dn FROM keyed),
-- one standard row matching key p as its first column and key q as its second
km AS MATERIALIZED (
  SELECT p.col AS a_col, p.lay AS a_lay, p.pc AS a_pc, p.dn AS a_dn, q.col AS b_col, q.lay AS b_lay, q.pc AS b_pc, q.dn AS b_dn,
         max(v.m) FILTER (WHERE v.dir = 'horizontal')::float8 AS h_m, max(v.m) FILTER (WHERE v.dir = 'vertical')::float8 AS v_m
  FROM k p CROSS JOIN k q
  CROSS JOIN LATERAL (
    SELECT s.dir, s.m FROM std s, (VALUES (p.col, p.lay, p.pc, p.dn, q.col, q.lay, q.pc, q.dn),
                                          (q.col, q.lay, q.pc, q.dn, p.col, p.lay, p.pc, p.dn)) o(c1, l1, pc1, d1, c2, l2, pc2, d2)
    WHERE s.c1 = o.c1 AND s.c2 = o.c2
      AND (s.k1 = '*' OR s.k1 IN (o.pc1, o.l1) OR (s.k1 = 'd<=200' AND o.d1 <= 200) OR (s.k1 = 'd>200' AND o.d1 > 200)
           OR (s.k1 = 'DN<=300' AND o.d1 <= 300) OR (s.k1 = 'DN>300' AND o.d1 > 300))
      AND (s.k2 = '*' OR s.k2 IN (o.pc2, o.l2) OR (s.k2 = 'd<=200' AND o.d2 <= 200) OR (s.k2 = 'd>200' AND o.d2 > 200)
           OR (s.k2 = 'DN<=300' AND o.d2 <= 300) OR (s.k2 = 'DN>300' AND o.d2 > 300))
    UNION ALL
    SELECT h.dir, h.m FROM high h
    WHERE (p.col = 'gas' AND p.pc IN ('HB', 'HA') AND h.c2 = q.col) OR (q.col = 'gas' AND q.pc IN ('HB', 'HA') AND h.c2 = p.col)
  ) v
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
),
pair AS (
  SELECT a.fid AS a_fid, a.geom AS a_geom, a.hw AS a_hw, a.hh AS a_hh, a.off AS a_off,
         b.fid AS b_fid, b.geom AS b_geom, b.hw AS b_hw, b.hh AS b_hh, b.off AS b_off,
         ST_Intersects(a.geom, b.geom) AS crossing, km.h_m, km.v_m
  FROM seg a
  JOIN seg b
    ON b.fid > a.fid
   AND ST_DWithin(a.geom, b.geom, 4.0 + 1.5 + a.hw)  -- largest pipe value 4.0 m + largest outer half size in the data
   AND NOT (a.network = b.network AND (a.start_point IN (b.start_point, b.end_point) OR a.end_point IN (b.start_point, b.end_point)))
   AND NOT (a.lc = 'tunnel' AND b.lc = 'tunnel')
  JOIN km ON km.a_col = a.col AND km.a_lay = a.lay AND km.a_pc = a.pc AND km.a_dn = a.dn
         AND km.b_col = b.col AND km.b_lay = b.lay AND km.b_pc = b.pc AND km.b_dn = b.dn
),
m AS MATERIALIZED (
  SELECT p.a_fid, p.b_fid, CASE WHEN crossing THEN 'vertical' ELSE 'horizontal' END AS dir,
         CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
              WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
              ELSE zb + b_off - b_hh - (za + a_off + a_hh) END AS measured,
         CASE WHEN crossing THEN v_m ELSE h_m END AS req, x
  FROM pair p,
       LATERAL (SELECT CASE WHEN crossing THEN ST_ClosestPoint(ST_Force2D(p.a_geom), ST_Force2D(p.b_geom)) END AS x) c,
       LATERAL (SELECT ST_Z(ST_LineInterpolatePoint(a_geom, ST_LineLocatePoint(ST_Force2D(a_geom), x))) AS za,
                       ST_Z(ST_LineInterpolatePoint(b_geom, ST_LineLocatePoint(ST_Force2D(b_geom), x))) AS zb) z
  WHERE ST_DWithin(a_geom, b_geom, coalesce(h_m, 0) + a_hw + b_hw)
    AND CASE WHEN crossing THEN v_m ELSE h_m END IS NOT NULL
    AND (NOT crossing
         OR (ST_ZMin(a_geom) + a_off - a_hh - (ST_ZMax(b_geom) + b_off + b_hh) < v_m
             AND ST_ZMin(b_geom) + b_off - b_hh - (ST_ZMax(a_geom) + a_off + a_hh) < v_m))
    AND CASE WHEN NOT crossing THEN ST_Distance(a_geom, b_geom) - a_hw - b_hw
             WHEN za + a_off >= zb + b_off THEN za + a_off - a_hh - (zb + b_off + b_hh)
             ELSE zb + b_off - b_hh - (za + a_off + a_hh) END
        < CASE WHEN crossing THEN v_m ELSE h_m END - 0.0005
),
feature AS MATERIALIZED (
  SELECT 'POLE'::text AS f, b.fid AS f_fid, b.geom FROM base_station b WHERE b.valid_to IS NULL
  UNION ALL
  SELECT 'BUILDING', g.fid, g.geom FROM building g WHERE g.valid_to IS NULL AND g.status IN ('existing', 'under_construction')
),
fm AS (
  SELECT f.f, f.f_fid, s.fid, greatest(ST_Distance(s.geom, f.geom) - s.hw, 0) AS measured, r.m::float8 AS req,
         ST_ClosestPoint(ST_Force2D(f.geom), ST_Force2D(s.geom)) AS x
  FROM feature f
  JOIN seg s ON ST_DWithin(s.geom, f.geom, 13.5 + 1.5)
  CROSS JOIN LATERAL (
    SELECT max(t.m) AS m FROM feat t
    WHERE t.f = f.f AND t.c = s.col
      AND (t.k = '*' OR t.k IN (s.pc, s.lay) OR (t.k = 'd<=200' AND s.dn <= 200) OR (t.k = 'd>200' AND s.dn > 200))
  ) r
  WHERE greatest(ST_Distance(s.geom, f.geom) - s.hw, 0) < r.m - 0.0005
)
SELECT m.dir, m.a_fid, m.b_fid, NULL AS feature, m.measured, m.req,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(a.geom), ST_Force2D(b.geom)), 0.5)), 4326), 7) AS location
FROM m
JOIN pipe_segment a ON a.fid = m.a_fid AND a.valid_to IS NULL
JOIN pipe_segment b ON b.fid = m.b_fid AND b.valid_to IS NULL
UNION ALL
SELECT 'horizontal', fm.fid, NULL, fm.f || ':' || fm.f_fid, fm.measured, fm.req, ST_AsGeoJSON(ST_Transform(fm.x, 4326), 7)
FROM fm
ORDER BY 1, 2, 3, 4;
