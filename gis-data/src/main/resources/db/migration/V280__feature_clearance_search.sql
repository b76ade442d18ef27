-- What the pipe-to-feature clearance check (sql/analysis/feature_clearance.sql) needs to search
-- each feature table through a GiST index, in parallel workers, and to look its rules up without a
-- second pass over the pairs (issue 16; docs/ARCHITECTURE.md, Clearance rules).

-- The reach of a feature type: its largest horizontal clearance_rule (m), how far from the
-- feature a pipe that no row covers, or that a special-assessment row governs, is reported. The
-- check calls it once per statement and branch (an InitPlan), so each branch joins the pipes to
-- its feature table on ST_DWithin with a constant distance, which the GiST index of either table
-- can serve.
CREATE FUNCTION clearance_feature_reach_m(f_type text) RETURNS double precision
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT max(min_clearance_m)::float8 FROM clearance_rule WHERE direction = 'horizontal' AND f_type IN (a_type, b_type)
$$;
COMMENT ON FUNCTION clearance_feature_reach_m IS 'Largest horizontal clearance_rule (m) naming the feature type: how far from the feature unchecked and special-assessment pairs are reported';

-- The representative of every rule key (V9): per clearance_rule_class() row, every named value and
-- NULL for the subtype, pressure class and laying class; each DN bound, one more than the largest,
-- and NULL for the DN; one per key. Was the `rep` CTE of clearance_rule_matrix().
CREATE FUNCTION clearance_rule_rep()
  RETURNS TABLE (type text, subtype text, pc text, dn integer, lc text, key text)
  LANGUAGE sql STABLE PARALLEL SAFE ROWS 50 AS $$
  SELECT DISTINCT ON (key) c.type, st.v, pc.v, dn.v, lc.v,
         clearance_rule_key(c.type, c.subtypes, c.pressure_classes, c.dn_bounds, c.laying_classes, st.v, pc.v, dn.v, lc.v) AS key
  FROM clearance_rule_class() c
  CROSS JOIN LATERAL (SELECT unnest(c.subtypes) UNION ALL SELECT NULL) st(v)
  CROSS JOIN LATERAL (SELECT unnest(c.pressure_classes) UNION ALL SELECT NULL) pc(v)
  CROSS JOIN LATERAL (SELECT unnest(c.dn_bounds) UNION ALL SELECT max(d) + 1 FROM unnest(c.dn_bounds) d
                      UNION ALL SELECT NULL) dn(v)
  CROSS JOIN LATERAL (SELECT unnest(c.laying_classes) UNION ALL SELECT NULL) lc(v)
$$;
COMMENT ON FUNCTION clearance_rule_rep IS 'A representative pipe (or feature) of every rule key (clearance_rule_key): what the rule matrices ask clearance_rule_for() with';

CREATE OR REPLACE FUNCTION clearance_rule_matrix()
  RETURNS TABLE (a_key text, b_key text, horizontal_m double precision, horizontal_rule_id integer,
                 vertical_m double precision, vertical_rule_id integer)
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  RETURN QUERY
  SELECT a.key, b.key, h.min_clearance_m, h.rule_id, v.min_clearance_m, v.rule_id
  FROM clearance_rule_rep() a
  CROSS JOIN clearance_rule_rep() b
  LEFT JOIN LATERAL clearance_rule_for('horizontal', a.type, a.subtype, a.pc, a.dn, a.lc, b.type, b.subtype, b.pc, b.dn, b.lc) h ON true
  LEFT JOIN LATERAL clearance_rule_for('vertical', a.type, a.subtype, a.pc, a.dn, a.lc, b.type, b.subtype, b.pc, b.dn, b.lc) v ON true
  WHERE h.rule_id IS NOT NULL OR v.rule_id IS NOT NULL;
END
$$;

-- For every rule key of a pipe type and every feature type (clearance_type kind 'feature') that
-- some horizontal rule covers: the governing rule, as clearance_rule_for() gives it for a pipe of
-- that key against the feature (no subtype, pressure class, DN or laying class). A tenth of the
-- pipe matrix: 423 rule lookups instead of 4,418 (0.5–1.4 s per statement at load 21–25 on `city`,
-- paid by every process of a parallel plan).
CREATE FUNCTION clearance_rule_feature_matrix()
  RETURNS TABLE (a_key text, f_type text, rule_id integer, min_clearance_m double precision, special_assessment boolean)
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  RETURN QUERY
  SELECT a.key, f.code, h.rule_id, h.min_clearance_m, r.special_assessment
  FROM clearance_rule_rep() a
  JOIN clearance_type t ON t.code = a.type AND t.kind = 'pipe'
  CROSS JOIN clearance_type f
  CROSS JOIN LATERAL clearance_rule_for('horizontal', a.type, a.subtype, a.pc, a.dn, a.lc, f.code, NULL, NULL, NULL, NULL) h
  JOIN clearance_rule r ON r.id = h.rule_id
  WHERE f.kind = 'feature';
END
$$;
COMMENT ON FUNCTION clearance_rule_feature_matrix IS 'Governing horizontal clearance_rule per pipe rule key (clearance_rule_key) and feature type';

-- The feature tables of the check may be scanned by parallel workers. PostgreSQL plans a parallel
-- scan only of tables above min_parallel_table_scan_size (8 MB) unless the table names its
-- workers; these are small (a few thousand rows), so the whole-city check could only parallelize
-- by scanning every pipe and probing the feature's index (292,773 probes: 8.8 s for the kerbs on
-- `city` at load 23), not by probing pipe_segment's index from each feature (19,600 kerb chunks:
-- 1.8 s at the same load). A feature table added to the check gets the same setting.
ALTER TABLE base_station SET (parallel_workers = 2);
ALTER TABLE building SET (parallel_workers = 2);
ALTER TABLE road_kerb SET (parallel_workers = 2);
