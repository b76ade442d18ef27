-- Candidate pairs of pipes for the clearance and collision checks: every subject pipe with each
-- current, buried (not overhead), not abandoned pipe within the reach (plan distance, metres).
-- Segments of one network that share a surveyed point are connected, not neighbours, and are not
-- paired; nor are two pipes inside a utility tunnel (the tunnel, not GB 50289, separates them).
-- Slots: scope_cte = CTEs the subject and the dedupe read (scope_region); subject = SELECT of
-- the pipes to check with the columns of pipe_solid_at(); reach = plan search distance from
-- a (may use lim.rule_m, the largest pipe-to-pipe horizontal rule, and lim.half_m,
-- pipe_half_size_max() (V220): a bound of every pipe's half width and half height, outside
-- diameters of pipe_wall included; both bound as :pair_rule_m and :pair_half_m from
-- pair_limits.sql, PipeSubject.pairParams); dedupe = predicate on a, b that keeps each pair once.
-- lim and pair are not materialized (CTE scans cannot run in parallel workers): the consumer's
-- measuring runs in the same scan, which PostgreSQL may split across parallel workers when the
-- statement runs without a cursor (Session.templateAll). OFFSET NULL keeps pair a subquery of its
-- own, so each of its columns is computed once per candidate pair, and one that workers can scan:
-- it has no outer reference and no InitPlan (InitPlans are not sent to workers), and its offset is
-- a constant when PostgreSQL 15 decides whether the subquery can be parallel (OFFSET 0 is still an
-- int4-to-int8 cast then, a "non-constant" offset: the Gather went inside the subquery and the rule
-- lookup and measuring ran in the leader alone). Flattened into the consumer instead, every
-- reference to crossing re-evaluated
-- ST_Intersects (11 times in clearance.sql's filter) and every half width its pipe_wall arithmetic
-- (clear16, 2026-12-08: serial CPU of the whole-city clearance statement 20.6 → 16.1 s, same rows).
-- The consumer computes what it reports only (the start and end elevations: ST_Z of the ends of
-- a_geom / b_geom) for the pairs it keeps.
-- The rule keys (subtype, pressure class, size, laying class) come out with '' or 0 for NULL so
-- they can be grouped and hashed; nullif() turns them back for the rule lookup. a_type and b_type
-- are the pipes' clearance types (pipe_clearance_type, V20); reach_m is lim.rule_m. The
-- a_/b_ columns named as PipeRef.read expects describe the pipes in answers.
WITH {scope_cte},
subject AS ({subject}),
lim AS (SELECT CAST(:pair_rule_m AS float8) AS rule_m, CAST(:pair_half_m AS float8) AS half_m),
pair AS (
  SELECT a.fid AS a_fid, a.network AS a_network, pipe_clearance_type(a.network, a.subtype, a.laying_class) AS a_type, coalesce(a.subtype, '') AS a_subtype, coalesce(a.pressure_class, '') AS a_pc,
         coalesce(a.size_mm, 0) AS a_size, coalesce(a.laying_class, '') AS a_lc, a.owner AS a_owner, a.geom AS a_geom,
         a.half_width_m AS a_hw, a.half_height_m AS a_hh, a.centre_offset_m AS a_off,
         a.dn_mm AS a_dn, a.width_mm AS a_width, a.height_mm AS a_height, a.material AS a_material, a.laying AS a_laying,
         a.road_name AS a_road, a.start_point AS a_start_point, a.end_point AS a_end_point, a.start_depth_m AS a_start_depth,
         a.end_depth_m AS a_end_depth,
         b.fid AS b_fid, b.network AS b_network, pipe_clearance_type(b.network, b.subtype, b.laying_class) AS b_type, coalesce(b.subtype, '') AS b_subtype, coalesce(b.pressure_class, '') AS b_pc,
         coalesce(b.size_mm, 0) AS b_size, coalesce(b.laying_class, '') AS b_lc, b.owner AS b_owner, b.geom AS b_geom,
         b.half_width_m AS b_hw, b.half_height_m AS b_hh, b.centre_offset_m AS b_off,
         b.dn_mm AS b_dn, b.width_mm AS b_width, b.height_mm AS b_height, b.material AS b_material, b.laying AS b_laying,
         b.road_name AS b_road, b.start_point AS b_start_point, b.end_point AS b_end_point, b.start_depth_m AS b_start_depth,
         b.end_depth_m AS b_end_depth,
         ST_Intersects(a.geom, b.geom) AS crossing, lim.rule_m AS reach_m
  FROM subject a
  CROSS JOIN lim
  JOIN pipe_solid_at(CAST(:as_of AS timestamptz)) b
    ON ST_DWithin(a.geom, b.geom, {reach})
   AND b.fid <> a.fid
   AND b.status <> 'abandoned' AND coalesce(b.laying_class, '') <> 'overhead'
   AND NOT (a.laying_class = 'tunnel' AND b.laying_class = 'tunnel')
   AND NOT (a.network = b.network
            AND (a.start_point IN (b.start_point, b.end_point) OR a.end_point IN (b.start_point, b.end_point)))
  WHERE {dedupe}
  OFFSET NULL
)
