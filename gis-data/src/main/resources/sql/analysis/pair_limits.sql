-- Bounds of the pair search (pairs.sql), read before it so that they are bind values there, not
-- InitPlans: an InitPlan inside pair's subquery makes that subquery parallel restricted
-- (PostgreSQL 15 cannot send InitPlans to workers), and the rule lookup and measuring above it
-- then ran in the leader alone. rule_m: the largest pipe-to-pipe horizontal rule (m); half_m:
-- pipe_half_size_max() (V220), a bound of every pipe's half width and half height (m).
SELECT (SELECT max(min_clearance_m) FROM clearance_rule
        WHERE direction = 'horizontal'
          AND a_type IN (SELECT code FROM clearance_type WHERE kind = 'pipe')
          AND b_type IN (SELECT code FROM clearance_type WHERE kind = 'pipe'))::float8 AS rule_m,
       pipe_half_size_max() AS half_m
