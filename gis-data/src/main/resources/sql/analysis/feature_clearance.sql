-- Pipe-to-feature clearance (GB 50289-2016 Table 4.1.9, the feature columns): every subject pipe
-- in plan against the features the service holds — base-station towers and poles (base_station,
-- type POLE: to the pole centre), building footprints (building, type BUILDING: to the outer
-- wall; planned and demolished buildings are left out) and kerbs (road_kerb, type KERB: the
-- carriageway edges between crossings, stored in chunks; a kerb is a road's side, f_fid the road,
-- f_code the side L/R). Measured from the pipe's outer wall (half_width_m of pipe_solid_at): plan
-- distance to the feature minus the half width; a pipe under a footprint is at 0. A kerb rule
-- applies to pipes running alongside the kerb: a pipe is checked against a kerb only when both its
-- ends lie within the kerb type's reach of that kerb (a service or a main crossing the road
-- crosses the kerb line and is not beside it); its distance is the nearest chunk's. The governing
-- row is the clearance_rule_feature_matrix() row (V280) of the pipe's rule key and the feature
-- type, the row clearance_rule_for() gives. Verdicts as clearance.sql: violation (below the rule);
-- special_assessment (a special_assessment rule governs: reported within the feature type's reach
-- whatever the gap); unchecked (需人工复核: no row covers the pipe's type against the feature type,
-- within the feature type's reach, clearance_feature_reach_m, V280). Slots: scope_cte and subject
-- as in pairs.sql; tree_join the street-tree branch's FROM, subject a with street_tree s
-- (ClearanceCheck: driven from the pipes for a few of them, from the trees for the whole city). High-voltage tower foundations (power_tower, V290: TOWER35 up to 35 kV, TOWERHV
-- above, to the foundation outline) and street trees (street_tree, V291: TREE to the trunk centre,
-- SHRUB) are checked like poles and buildings.
--
-- Shape (docs/ARCHITECTURE.md, Clearance rules): `near` has one branch per feature table, each a
-- join of the subject pipes to that table on ST_DWithin with a constant distance — the feature
-- type's reach plus pipe_half_size_max(), as an InitPlan (one evaluation per statement; called per
-- row, pipe_half_size_max() cost 80 µs a row). So PostgreSQL can drive a branch from the scope's
-- pipes through the feature table's GiST index (a bbox scope, a proposed pipe) or from the features
-- through pipe_segment's (the whole city: the feature tables set parallel_workers, V280, so that
-- this side can be split across workers too). Nothing is a materialized CTE (a CTE scan is
-- parallel restricted): `near` is read once, and the rule comes from a hash join with
-- clearance_rule_feature_matrix() (V280) in the same scan. A new feature table is one more branch
-- with the same columns: the pipe (a.*), f_type, f_layer, f_fid, f_code, f_name, f_geom, reach_m,
-- and start_near / end_near (true unless the feature type's rule needs the pipe beside the
-- feature, as a kerb's does); and parallel_workers on the table. Pairs that cannot be reported
-- (at or beyond the rule) are dropped before a kerb's chunks are folded (reportable): the window
-- that keeps the nearest chunk sorts a few rows, not every pipe–chunk pair (129,296 on `city`),
-- and whether both pipe ends are beside the kerb is asked of road_kerb for those few only.
WITH {scope_cte},
subject AS NOT MATERIALIZED ({subject}),
near AS (
  SELECT a.*, 'POLE'::text AS f_type, 'base_station'::text AS f_layer, b.fid AS f_fid, b.site_code AS f_code,
         b.site_name AS f_name, b.geom AS f_geom, (SELECT clearance_feature_reach_m('POLE')) AS reach_m,
         true AS start_near, true AS end_near
  FROM subject a
  JOIN base_station b ON ST_DWithin(a.geom, b.geom, (SELECT clearance_feature_reach_m('POLE') + pipe_half_size_max()))
  WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
  UNION ALL
  SELECT a.*, 'BUILDING', 'building', g.fid, g.building_code, g.name, g.geom, (SELECT clearance_feature_reach_m('BUILDING')),
         true, true
  FROM subject a
  JOIN building g ON ST_DWithin(a.geom, g.geom, (SELECT clearance_feature_reach_m('BUILDING') + pipe_half_size_max()))
  WHERE valid_at(g.valid_from, g.valid_to, CAST(:as_of AS timestamptz)) AND g.status IN ('existing', 'under_construction')
  UNION ALL
  -- a tower's foundation outline (基础边): TOWER35 up to 35 kV, TOWERHV above (V290)
  SELECT a.*, power_tower_clearance_type(t.voltage_kv), 'power_tower', t.fid, t.tower_code, t.line_name, t.geom,
         CASE WHEN power_tower_clearance_type(t.voltage_kv) = 'TOWERHV' THEN (SELECT clearance_feature_reach_m('TOWERHV'))
              ELSE (SELECT clearance_feature_reach_m('TOWER35')) END,
         true, true
  FROM subject a
  JOIN power_tower t ON ST_DWithin(a.geom, t.geom, (SELECT greatest(clearance_feature_reach_m('TOWERHV'),
                                                                    clearance_feature_reach_m('TOWER35')) + pipe_half_size_max()))
  WHERE valid_at(t.valid_from, t.valid_to, CAST(:as_of AS timestamptz)) AND t.status = 'in_use'
  UNION ALL
  -- a street tree's trunk centre (乔木, TREE) or a shrub (灌木, SHRUB) (V291)
  SELECT a.*, street_tree_clearance_type(s.growth_form), 'street_tree', s.fid, s.tree_code, s.species, s.geom,
         CASE WHEN street_tree_clearance_type(s.growth_form) = 'SHRUB' THEN (SELECT clearance_feature_reach_m('SHRUB'))
              ELSE (SELECT clearance_feature_reach_m('TREE')) END,
         true, true
  FROM {tree_join}
  WHERE valid_at(s.valid_from, s.valid_to, CAST(:as_of AS timestamptz)) AND s.status = 'in_place'
  UNION ALL
  -- a pipe end near a kerb lies within the reach plus the pipe's half size of one of its chunks
  SELECT a.*, 'KERB', 'road', k.road_fid, k.side::text, k.road_name, k.geom, (SELECT clearance_feature_reach_m('KERB')),
         ST_DWithin(ST_StartPoint(a.geom), k.geom, (SELECT clearance_feature_reach_m('KERB')) + a.half_width_m),
         ST_DWithin(ST_EndPoint(a.geom), k.geom, (SELECT clearance_feature_reach_m('KERB')) + a.half_width_m)
  FROM subject a
  JOIN road_kerb k ON ST_DWithin(a.geom, k.geom, (SELECT clearance_feature_reach_m('KERB') + pipe_half_size_max()))
  WHERE k.valid @> coalesce(CAST(:as_of AS timestamptz), now())
),
-- the pairs within the reach plus the pipe's own half size (nothing farther is reported), measured,
-- with the governing rule of the pipe's rule key against the feature type
measured AS (
  SELECT n.*, pipe_clearance_type(n.network, n.subtype, n.laying_class) AS a_type,
         greatest(ST_Distance(n.geom, n.f_geom) - n.half_width_m, 0) AS measured_m,
         fm.rule_id, fm.min_clearance_m AS required_m, coalesce(fm.special_assessment, false) AS special
  FROM near n
  LEFT JOIN clearance_rule_class() ca ON ca.type = pipe_clearance_type(n.network, n.subtype, n.laying_class)
  LEFT JOIN clearance_rule_feature_matrix() fm
    ON fm.a_key = clearance_rule_key(ca.type, ca.subtypes, ca.pressure_classes, ca.dn_bounds, ca.laying_classes,
                                     n.subtype, n.pressure_class, n.size_mm, n.laying_class)
   AND fm.f_type = n.f_type
  WHERE ST_DWithin(n.geom, n.f_geom, n.reach_m + n.half_width_m)
),
-- the pairs that may be reported: nearer than the rule (than the reach for an unchecked or special
-- pair); a kerb's chunk only if both pipe ends are near that road side's kerb (within the reach
-- plus the pipe's half width of one of its chunks: start_near / end_near of some chunk of it).
-- OFFSET NULL keeps the rule filter a subquery of its own, so the road_kerb look-ups run on the
-- pairs it keeps: without it PostgreSQL pushed the kerb test down into the kerb branch, below the
-- rule join, and the leader ran it on all 129,296 pipe–chunk pairs of `city` (90,260 look-ups;
-- 42,653 with it; CPU of the whole-city statement 4.3 → 3.6 s, same rows; clear16, 2026-12-08).
reportable AS (
  SELECT m.*
  FROM (SELECT * FROM measured m
        WHERE CASE WHEN m.rule_id IS NULL OR m.special THEN m.measured_m < m.reach_m
                   ELSE m.measured_m < m.required_m - 0.0005 END
        OFFSET NULL) m
  WHERE (m.f_type <> 'KERB'
         OR ((m.start_near OR EXISTS (SELECT FROM road_kerb k
                                      WHERE k.road_fid = m.f_fid AND k.side::text = m.f_code
                                        AND k.valid @> coalesce(CAST(:as_of AS timestamptz), now())
                                        AND ST_DWithin(ST_StartPoint(m.geom), k.geom, m.reach_m + m.half_width_m)))
             AND (m.end_near OR EXISTS (SELECT FROM road_kerb k
                                        WHERE k.road_fid = m.f_fid AND k.side::text = m.f_code
                                          AND k.valid @> coalesce(CAST(:as_of AS timestamptz), now())
                                          AND ST_DWithin(ST_EndPoint(m.geom), k.geom, m.reach_m + m.half_width_m)))))
),
-- one row per pipe and feature (a kerb's chunks folded: the nearest), judged: violation,
-- special_assessment or unchecked
judged AS (
  SELECT *,
         CASE WHEN x.rule_id IS NULL THEN 'unchecked'
              WHEN x.special AND x.measured_m >= x.required_m - 0.0005 THEN 'special_assessment'
              ELSE 'violation' END AS verdict
  FROM (SELECT r.*, row_number() OVER (PARTITION BY r.fid, r.f_type, r.f_fid, r.f_code ORDER BY r.measured_m) AS rank
        FROM reportable r) x
  WHERE x.rank = 1
)
SELECT n.verdict, n.a_type, n.fid AS a_fid, n.network AS a_network, n.dn_mm AS a_dn, n.width_mm AS a_width, n.height_mm AS a_height,
       n.material AS a_material, n.laying AS a_laying, n.road_name AS a_road, n.start_point AS a_start_point,
       n.end_point AS a_end_point, n.start_depth_m AS a_start_depth, n.end_depth_m AS a_end_depth,
       ST_Z(ST_StartPoint(n.geom)) AS a_start_elev, ST_Z(ST_EndPoint(n.geom)) AS a_end_elev, n.owner AS a_owner,
       o.name AS a_owner_name, o.contact_person AS a_owner_person, o.phone AS a_owner_phone, o.email AS a_owner_email,
       n.f_type, n.f_layer, n.f_fid, n.f_code, n.f_name, n.measured_m,
       n.rule_id, n.required_m, r.source_clause, r.confidence,
       ST_AsGeoJSON(ST_Transform(ST_ClosestPoint(ST_Force2D(n.f_geom), ST_Force2D(n.geom)), 4326), 7) AS location
FROM judged n
LEFT JOIN clearance_rule r ON r.id = n.rule_id
LEFT JOIN organization o ON o.code = n.owner
ORDER BY n.verdict DESC, n.f_layer, n.f_fid, n.fid
