-- The clearance rules as a matrix over rule keys, so that a whole-city clearance check can look
-- up each pair's governing horizontal and vertical rule with one hash join inside the parallel
-- pair scan and drop, in the workers, every pair that meets its own requirement.
--
-- A rule key stands for all pipes that every clearance_rule side treats alike: the network, and
-- of its subtype, pressure class and laying class only a value that some rule side of that
-- network names ('' otherwise: NULL and an unnamed value match the same rules), and the DN band
-- between the DN bounds that the rule sides of that network name (min < DN <= max). The key,
-- the classes and the matrix are derived from clearance_rule at query time; the matrix asks
-- clearance_rule_for() (V6), the one rule matcher, with a representative pipe of each key.

-- Per network (rule type): the subtypes, pressure classes, DN bounds (ascending) and laying
-- classes that some clearance_rule side of that type names.
CREATE FUNCTION clearance_rule_class()
  RETURNS TABLE (type text, subtypes text[], pressure_classes text[], dn_bounds integer[], laying_classes text[])
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 10 AS $$
BEGIN
  RETURN QUERY
  SELECT s.t,
         coalesce(array_agg(DISTINCT s.st) FILTER (WHERE s.st IS NOT NULL), '{}'),
         coalesce(array_agg(DISTINCT s.pc) FILTER (WHERE s.pc IS NOT NULL), '{}'),
         coalesce(array_agg(DISTINCT d.v ORDER BY d.v) FILTER (WHERE d.v IS NOT NULL), '{}'),
         coalesce(array_agg(DISTINCT s.lc) FILTER (WHERE s.lc IS NOT NULL), '{}')
  FROM (SELECT r.a_type AS t, r.a_subtype::text AS st, r.a_pressure_class AS pc, r.a_dn_min_mm AS dn_min,
               r.a_dn_max_mm AS dn_max, r.a_laying_class AS lc
        FROM clearance_rule r
        UNION ALL
        SELECT r.b_type, r.b_subtype::text, r.b_pressure_class, r.b_dn_min_mm, r.b_dn_max_mm, r.b_laying_class
        FROM clearance_rule r) s
  CROSS JOIN LATERAL unnest(ARRAY[s.dn_min, s.dn_max]) d(v)
  GROUP BY s.t;
END
$$;
COMMENT ON FUNCTION clearance_rule_class IS 'Per clearance_rule type: the subtypes, pressure classes, DN bounds (mm, ascending) and laying classes its rule sides name';

-- The rule key of a pipe of a network whose clearance_rule_class() row is (subtypes,
-- pressure_classes, dn_bounds, laying_classes): network/subtype/pressure class/DN band/laying
-- class, e.g. 'RQ//MA/1/'. The DN band is 0 when no rule bounds the network's DN, -1 for an
-- unknown DN, else the number of bounds below the DN (a DN equal to a bound lies below it).
CREATE FUNCTION clearance_rule_key(network text, subtypes text[], pressure_classes text[], dn_bounds integer[],
    laying_classes text[], p_subtype text, p_pc text, p_dn integer, p_lc text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT network || '/' || CASE WHEN p_subtype = ANY (subtypes) THEN p_subtype ELSE '' END
         || '/' || CASE WHEN p_pc = ANY (pressure_classes) THEN p_pc ELSE '' END
         || '/' || CASE WHEN cardinality(dn_bounds) = 0 THEN 0 WHEN p_dn IS NULL THEN -1
                        ELSE width_bucket(p_dn - 1, dn_bounds) END::text
         || '/' || CASE WHEN p_lc = ANY (laying_classes) THEN p_lc ELSE '' END
$$;
COMMENT ON FUNCTION clearance_rule_key IS 'Rule key of a pipe: the pipes with one key match the same clearance_rule rows (see clearance_rule_class)';

-- For every ordered pair of rule keys that some rule covers: the governing horizontal and
-- vertical clearance (m, wall to wall; NULL where no rule of that direction applies) and the
-- clearance_rule ids, exactly as clearance_rule_for() finds them for any pair of pipes with
-- these keys. Each key is asked with a representative pipe: every named value and NULL for
-- the subtype, pressure class and laying class; each DN bound, one more than the largest, and
-- NULL for the DN. ROWS 100 is below the true size (927 rows for the V3 rules): with the
-- estimate of 1000 the planner sorts all candidate pairs in every worker for a merge join with
-- the matrix (external sorts of ~110 MB each on `city`) instead of hashing the matrix; the hash
-- join was faster in every A/B run (bench/RESULTS.md, Analyses).
CREATE FUNCTION clearance_rule_matrix()
  RETURNS TABLE (a_key text, b_key text, horizontal_m double precision, horizontal_rule_id integer,
                 vertical_m double precision, vertical_rule_id integer)
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  RETURN QUERY
  WITH rep AS (
    SELECT DISTINCT ON (key) c.type, st.v AS subtype, pc.v AS pc, dn.v AS dn, lc.v AS lc,
           clearance_rule_key(c.type, c.subtypes, c.pressure_classes, c.dn_bounds, c.laying_classes, st.v, pc.v, dn.v, lc.v) AS key
    FROM clearance_rule_class() c
    CROSS JOIN LATERAL (SELECT unnest(c.subtypes) UNION ALL SELECT NULL) st(v)
    CROSS JOIN LATERAL (SELECT unnest(c.pressure_classes) UNION ALL SELECT NULL) pc(v)
    CROSS JOIN LATERAL (SELECT unnest(c.dn_bounds) UNION ALL SELECT max(d) + 1 FROM unnest(c.dn_bounds) d
                        UNION ALL SELECT NULL) dn(v)
    CROSS JOIN LATERAL (SELECT unnest(c.laying_classes) UNION ALL SELECT NULL) lc(v)
  )
  SELECT a.key, b.key, h.min_clearance_m, h.rule_id, v.min_clearance_m, v.rule_id
  FROM rep a
  CROSS JOIN rep b
  LEFT JOIN LATERAL clearance_rule_for('horizontal', a.type, a.subtype, a.pc, a.dn, a.lc, b.type, b.subtype, b.pc, b.dn, b.lc) h ON true
  LEFT JOIN LATERAL clearance_rule_for('vertical', a.type, a.subtype, a.pc, a.dn, a.lc, b.type, b.subtype, b.pc, b.dn, b.lc) v ON true
  WHERE h.rule_id IS NOT NULL OR v.rule_id IS NOT NULL;
END
$$;
COMMENT ON FUNCTION clearance_rule_matrix IS 'Governing horizontal and vertical clearance_rule per ordered pair of rule keys (clearance_rule_key)';
