-- The rule classes and matrices of the clearance checks (V9, V280) are stored, not derived per
-- statement (issue 16; docs/ARCHITECTURE.md, Clearance rules). Derived, the pipe matrix cost about
-- 0.25 s of CPU in every process of a parallel plan (4,418 clearance_rule_for() lookups), before
-- any pair was looked at; the whole-city check pays it three times. The derivations keep their
-- bodies under new names (*_derived); statement triggers on clearance_rule and clearance_type
-- store their rows again after every change (a migration, a test's rule), in the same
-- transaction, so the stored rows always equal the derived ones (ClearanceRuleMatrixTest adds a
-- rule and reads it back through clearance_rule_matrix()). The readers keep the names, the row
-- estimates (ROWS: a larger estimate made the planner sort every candidate pair for a merge join,
-- V9) and the columns of the functions they replace.

ALTER FUNCTION clearance_rule_class() RENAME TO clearance_rule_class_derived;
ALTER FUNCTION clearance_rule_matrix() RENAME TO clearance_rule_matrix_derived;
ALTER FUNCTION clearance_rule_feature_matrix() RENAME TO clearance_rule_feature_matrix_derived;

CREATE TABLE clearance_rule_class_stored AS SELECT * FROM clearance_rule_class_derived() WITH NO DATA;
CREATE TABLE clearance_rule_matrix_stored AS SELECT * FROM clearance_rule_matrix_derived() WITH NO DATA;
CREATE TABLE clearance_rule_feature_matrix_stored AS SELECT * FROM clearance_rule_feature_matrix_derived() WITH NO DATA;
COMMENT ON TABLE clearance_rule_class_stored IS 'Rows of clearance_rule_class_derived(), stored again by a trigger after every change of clearance_rule or clearance_type';
COMMENT ON TABLE clearance_rule_matrix_stored IS 'Rows of clearance_rule_matrix_derived(), stored again by a trigger after every change of clearance_rule or clearance_type';
COMMENT ON TABLE clearance_rule_feature_matrix_stored IS 'Rows of clearance_rule_feature_matrix_derived(), stored again by a trigger after every change of clearance_rule or clearance_type';

CREATE FUNCTION clearance_rule_class()
  RETURNS TABLE (type text, subtypes text[], pressure_classes text[], dn_bounds integer[], laying_classes text[])
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 10 AS $$
BEGIN
  RETURN QUERY SELECT * FROM clearance_rule_class_stored;
END
$$;
COMMENT ON FUNCTION clearance_rule_class IS 'Per clearance_rule type: the subtypes, pressure classes, DN bounds (mm, ascending) and laying classes its rule sides name (stored rows of clearance_rule_class_derived)';

CREATE FUNCTION clearance_rule_matrix()
  RETURNS TABLE (a_key text, b_key text, horizontal_m double precision, horizontal_rule_id integer,
                 vertical_m double precision, vertical_rule_id integer)
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  RETURN QUERY SELECT * FROM clearance_rule_matrix_stored;
END
$$;
COMMENT ON FUNCTION clearance_rule_matrix IS 'Governing horizontal and vertical clearance_rule per ordered pair of rule keys (stored rows of clearance_rule_matrix_derived)';

CREATE FUNCTION clearance_rule_feature_matrix()
  RETURNS TABLE (a_key text, f_type text, rule_id integer, min_clearance_m double precision, special_assessment boolean)
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 AS $$
BEGIN
  RETURN QUERY SELECT * FROM clearance_rule_feature_matrix_stored;
END
$$;
COMMENT ON FUNCTION clearance_rule_feature_matrix IS 'Governing horizontal clearance_rule per pipe rule key and feature type (stored rows of clearance_rule_feature_matrix_derived)';

-- The class first: the matrices derive their rule keys from clearance_rule_class(), the stored rows.
CREATE FUNCTION clearance_rule_store() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM clearance_rule_class_stored;
  INSERT INTO clearance_rule_class_stored SELECT * FROM clearance_rule_class_derived();
  DELETE FROM clearance_rule_matrix_stored;
  INSERT INTO clearance_rule_matrix_stored SELECT * FROM clearance_rule_matrix_derived();
  DELETE FROM clearance_rule_feature_matrix_stored;
  INSERT INTO clearance_rule_feature_matrix_stored SELECT * FROM clearance_rule_feature_matrix_derived();
END
$$;
COMMENT ON FUNCTION clearance_rule_store IS 'Stores the rows of the clearance rule class and matrices derived from clearance_rule and clearance_type';

CREATE FUNCTION clearance_rule_store_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM clearance_rule_store();
  RETURN NULL;
END
$$;

CREATE TRIGGER clearance_rule_store AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clearance_rule
  FOR EACH STATEMENT EXECUTE FUNCTION clearance_rule_store_trigger();
CREATE TRIGGER clearance_rule_store AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clearance_type
  FOR EACH STATEMENT EXECUTE FUNCTION clearance_rule_store_trigger();

SELECT clearance_rule_store();
