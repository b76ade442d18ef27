-- Let PostgreSQL run the pair checks (clearance, collision: sql/analysis/pairs.sql) in parallel
-- workers. A function in FROM marked PARALLEL UNSAFE (the default) keeps the whole statement in
-- one process; these two only read tables, so PARALLEL SAFE is their true label. On the `city`
-- sample the whole-city clearance check's pair search then runs in the leader and two workers
-- (see bench/RESULTS.md, Analyses).
ALTER FUNCTION pipe_solid_at(timestamptz) PARALLEL SAFE;
ALTER FUNCTION clearance_rule_for(text, text, text, text, integer, text, text, text, text, integer, text) PARALLEL SAFE;
