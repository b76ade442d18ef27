-- The best hand-written PostGIS query found for the whole-city clearance check, written from the
-- standards, not from the service's rule table: the clearances are the tests' values typed from
-- GB 50289-2016 Tables 4.1.9 / 4.1.14, GB 50028-2006 Tables 6.3.3-1 / 6.3.3-2 and §6.4 (high-pressure
-- floors) and GB 50838-2015 Table 5.1.7 (server/src/test/resources/analysis/standard_values.sql,
-- filled into the standard_values slot: one copy for the tests and this query), never read from
-- clearance_rule. It answers what the service's job lists as violations:
-- * pipe pairs: horizontal clearance in plan between pairs that do not cross, vertical at
--   crossings, outer wall to outer wall (pipe_section: outside diameters and walls of pipe_wall,
--   drainage inverts turned into outer bottoms, boxes W×H); current, buried, not abandoned pipes,
--   not both in a utility tunnel, segments of one network sharing a surveyed point not paired;
--   the largest value of the tables that matches the pair in either order governs;
-- * pipe–feature pairs: plan distance from the pipe's outer wall to a base-station pole's centre
--   or an existing (or under construction) building's footprint, a power tower's foundation outline
--   (up to / above 35 kV) or a street tree's trunk (tree or shrub), Table 4.1.9 feature columns; and
--   to a kerb (道路侧石边缘: the stored carriageway edges, road_kerb, valid now) for pipes beside it:
--   both ends within 2.5 m (the largest kerb value) plus the half size of that road side's kerb.
-- Plan: each pipe gets a key (column of the tables, laying, pressure class, DN band) and its outer
-- section (pipe_wall joined on its key, pipe_section_of: plain joins PostgreSQL flattens); the
-- requirement of every pair of keys the tables can name is worked out from the VALUES (km, a few
-- thousand rows, built in every worker); pairs are found by the GiST index within 7.0 m (the
-- largest pipe value 4.0 m plus two half sizes of 1.5 m). No CTE is materialized, so the pair
-- search, the lookup, the measuring and the filter run in PostgreSQL's parallel workers when the
-- query runs without a cursor.
-- Run: bench/analysis/run.sh (AnalysisBench fills the slot); by hand, replace the slot line with the
-- text of standard_values.sql (sed's r command) and pipe the result to psql.
WITH
{standard_values},
-- the keys the tables can name: pressure classes for gas only, DN bands 200 / 300 / larger
key AS NOT MATERIALIZED (
  SELECT c.col, l.lay, p.pc, d.dn
  FROM (VALUES ('water'), ('reclaimed'), ('drainage'), ('gas'), ('heat'), ('power'), ('telecom'), ('trench'), ('tunnel'),
               ('other')) c(col)
  CROSS JOIN (VALUES ('direct'), ('conduit')) l(lay)
  CROSS JOIN (VALUES (''), ('L'), ('MB'), ('MA'), ('SHB'), ('SHA'), ('HB'), ('HA')) p(pc)
  CROSS JOIN (VALUES (200), (300), (400)) d(dn)
  WHERE c.col = 'gas' OR p.pc = ''
),
-- the requirement of every ordered pair of keys: the largest matching value of the tables, each direction
km AS NOT MATERIALIZED (
  SELECT p.col AS a_col, p.lay AS a_lay, p.pc AS a_pc, p.dn AS a_dn, q.col AS b_col, q.lay AS b_lay, q.pc AS b_pc, q.dn AS b_dn,
         max(v.m) FILTER (WHERE v.dir = 'horizontal')::float8 AS h_m, max(v.m) FILTER (WHERE v.dir = 'vertical')::float8 AS v_m
  FROM key p CROSS JOIN key q
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
-- the pipes checked with their key and outer section
seg AS NOT MATERIALIZED (
  SELECT s.fid, s.network, s.start_point, s.end_point, s.geom, l.laying_class AS lc,
         CASE WHEN l.laying_class = 'trench' THEN 'trench' WHEN l.laying_class = 'tunnel' THEN 'tunnel'
              WHEN s.network = 'JS' AND s.subtype = 'ZS' THEN 'reclaimed'
              ELSE CASE s.network WHEN 'JS' THEN 'water' WHEN 'PS' THEN 'drainage' WHEN 'RQ' THEN 'gas' WHEN 'RL' THEN 'heat'
                                  WHEN 'DL' THEN 'power' WHEN 'TX' THEN 'telecom' ELSE 'other' END END AS col,
         CASE WHEN l.laying_class = 'conduit' THEN 'conduit' ELSE 'direct' END AS lay,
         CASE WHEN s.network = 'RQ' AND l.laying_class IS DISTINCT FROM 'trench' AND l.laying_class IS DISTINCT FROM 'tunnel'
              AND s.pressure_class IN ('L', 'MB', 'MA', 'SHB', 'SHA', 'HB', 'HA') THEN s.pressure_class ELSE '' END AS pc,
         CASE WHEN coalesce(s.dn_mm, s.width_mm) <= 200 THEN 200 WHEN coalesce(s.dn_mm, s.width_mm) <= 300 THEN 300 ELSE 400 END AS dn,
         x.half_width_m AS hw, x.half_height_m AS hh, x.centre_offset_m AS off
  FROM pipe_segment s
  LEFT JOIN laying_code l ON l.code = s.laying
  LEFT JOIN pipe_wall w ON w.material = s.material AND w.depth_ref = s.depth_ref AND w.dn_mm = s.dn_mm
  LEFT JOIN pipe_wall sr ON sr.material = s.material AND sr.depth_ref = s.depth_ref AND sr.dn_mm IS NULL
  CROSS JOIN LATERAL pipe_section_of(s.depth_ref, s.dn_mm, s.width_mm, s.height_mm, w.outer_mm, w.wall_mm, sr.sdr) x
  WHERE s.valid_to IS NULL AND s.status <> 'abandoned' AND coalesce(l.laying_class, '') <> 'overhead'
),
pair AS (
  SELECT a.fid AS a_fid, a.geom AS a_geom, a.hw AS a_hw, a.hh AS a_hh, a.off AS a_off,
         b.fid AS b_fid, b.geom AS b_geom, b.hw AS b_hw, b.hh AS b_hh, b.off AS b_off,
         ST_Intersects(a.geom, b.geom) AS crossing, km.h_m, km.v_m
  FROM seg a
  JOIN seg b ON b.fid > a.fid AND ST_DWithin(a.geom, b.geom, 7.0)  -- largest pipe value 4.0 m + two half sizes of 1.5 m
  JOIN km ON km.a_col = a.col AND km.a_lay = a.lay AND km.a_pc = a.pc AND km.a_dn = a.dn
         AND km.b_col = b.col AND km.b_lay = b.lay AND km.b_pc = b.pc AND km.b_dn = b.dn
  WHERE NOT (a.network = b.network AND (a.start_point IN (b.start_point, b.end_point) OR a.end_point IN (b.start_point, b.end_point)))
    AND NOT (a.lc = 'tunnel' AND b.lc = 'tunnel')
),
m AS (
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
  UNION ALL
  SELECT CASE WHEN t.voltage_kv > 35 THEN 'TOWERHV' ELSE 'TOWER35' END, t.fid, t.geom FROM power_tower t WHERE t.valid_to IS NULL AND t.status = 'in_use'
  UNION ALL
  SELECT CASE WHEN r.growth_form = 'shrub' THEN 'SHRUB' ELSE 'TREE' END, r.fid, r.geom FROM street_tree r WHERE r.valid_to IS NULL AND r.status = 'in_place'
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
),
kerb_near AS (
  SELECT s.fid, s.col, s.pc, s.lay, s.dn, s.hw, s.geom, k.road_fid, k.side, min(ST_Distance(s.geom, k.geom)) AS dist,
         bool_or(ST_DWithin(ST_StartPoint(s.geom), k.geom, 2.5 + s.hw))
           AND bool_or(ST_DWithin(ST_EndPoint(s.geom), k.geom, 2.5 + s.hw)) AS beside
  FROM road_kerb k
  JOIN seg s ON ST_DWithin(s.geom, k.geom, 2.5 + 1.5)
  WHERE k.valid @> now()
  GROUP BY s.fid, s.col, s.pc, s.lay, s.dn, s.hw, s.geom, k.road_fid, k.side
),
fk AS (
  SELECT n.road_fid, n.side, n.fid, n.geom, greatest(n.dist - n.hw, 0) AS measured, r.m::float8 AS req
  FROM kerb_near n
  CROSS JOIN LATERAL (
    SELECT max(t.m) AS m FROM feat t
    WHERE t.f = 'KERB' AND t.c = n.col AND (t.k = '*' OR t.k IN (n.pc, n.lay))
  ) r
  WHERE n.beside AND greatest(n.dist - n.hw, 0) < r.m - 0.0005
)
SELECT m.dir, m.a_fid, m.b_fid, NULL AS feature, m.measured, m.req,
       ST_AsGeoJSON(ST_Transform(coalesce(m.x, ST_LineInterpolatePoint(ST_ShortestLine(ST_Force2D(a.geom), ST_Force2D(b.geom)), 0.5)), 4326), 7) AS location
FROM m
JOIN pipe_segment a ON a.fid = m.a_fid AND a.valid_to IS NULL
JOIN pipe_segment b ON b.fid = m.b_fid AND b.valid_to IS NULL
UNION ALL
SELECT 'horizontal', fm.fid, NULL, fm.f || ':' || fm.f_fid, fm.measured, fm.req, ST_AsGeoJSON(ST_Transform(fm.x, 4326), 7)
FROM fm
UNION ALL
SELECT 'horizontal', fk.fid, NULL, 'KERB:' || fk.road_fid || fk.side, fk.measured, fk.req,
       (SELECT ST_AsGeoJSON(ST_Transform(ST_ClosestPoint(ST_Collect(k.geom), ST_Force2D(fk.geom)), 4326), 7)
        FROM road_kerb k
        WHERE k.road_fid = fk.road_fid AND k.side = fk.side AND k.valid @> now() AND ST_DWithin(k.geom, fk.geom, 4.0))
FROM fk
ORDER BY 1, 2, 3, 4;
