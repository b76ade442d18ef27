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
-- row is clearance_rule_for() of the pipe's clearance type and the feature type. Verdicts as
-- clearance.sql: violation (below the rule); special_assessment (a special_assessment rule
-- governs: reported within the feature type's reach whatever the gap); unchecked (需人工复核: no
-- row covers the pipe's type against the feature type, within the largest rule of that feature
-- type). Slots: scope_cte and subject as in pairs.sql.
WITH {scope_cte},
subject AS ({subject}),
-- the features, each with the largest rule of its type (reach_m: how far an unchecked or special
-- pair is reported); read inline, not from a materialized CTE (a CTE scan is parallel restricted)
feature AS (
  SELECT f.*, t.reach_m
  FROM (
    SELECT 'POLE'::text AS f_type, 'base_station'::text AS f_layer, b.fid AS f_fid, b.site_code AS f_code,
           b.site_name AS f_name, b.geom AS f_geom
    FROM base_station b
    WHERE valid_at(b.valid_from, b.valid_to, CAST(:as_of AS timestamptz))
    UNION ALL
    SELECT 'BUILDING', 'building', g.fid, g.building_code, g.name, g.geom
    FROM building g
    WHERE valid_at(g.valid_from, g.valid_to, CAST(:as_of AS timestamptz)) AND g.status IN ('existing', 'under_construction')
    UNION ALL
    SELECT 'KERB', 'road', k.road_fid, k.side, k.road_name, k.geom
    FROM road_kerb k
    WHERE k.valid @> coalesce(CAST(:as_of AS timestamptz), now())
  ) f
  JOIN (SELECT b_type AS f_type, max(min_clearance_m)::float8 AS reach_m
        FROM clearance_rule
        WHERE direction = 'horizontal' AND b_type IN ('POLE', 'BUILDING', 'KERB')
        GROUP BY b_type) t ON t.f_type = f.f_type
),
-- the pipes near a feature: within its type's reach plus the largest half size of any pipe (a
-- constant, V220, so the GiST index of pipe_segment drives the join from the features; a per-pipe
-- reach made it a nested loop over every pipe of the city, minutes on `city`), then within the
-- reach plus the pipe's own half size (nothing farther is reported, and a pipe end near a kerb
-- lies within it too)
near AS (
  SELECT a.*, f.*, pipe_clearance_type(a.network, a.subtype, a.laying_class) AS a_type,
         greatest(ST_Distance(a.geom, f.f_geom) - a.half_width_m, 0) AS measured_m,
         f.f_type <> 'KERB' OR ST_DWithin(ST_StartPoint(a.geom), f.f_geom, f.reach_m + a.half_width_m) AS start_near,
         f.f_type <> 'KERB' OR ST_DWithin(ST_EndPoint(a.geom), f.f_geom, f.reach_m + a.half_width_m) AS end_near,
         concat_ws('|', f.f_type, pipe_clearance_type(a.network, a.subtype, a.laying_class), a.subtype, a.pressure_class,
                   a.size_mm, a.laying_class) AS rule_key
  FROM feature f
  JOIN subject a ON ST_DWithin(a.geom, f.f_geom, f.reach_m + pipe_half_size_max())
  WHERE ST_DWithin(a.geom, f.f_geom, f.reach_m + a.half_width_m)
),
-- the governing row of each distinct key of the pipes near features (a few dozen keys: one rule
-- lookup per key, not per pipe)
rule_of AS MATERIALIZED (
  SELECT k.rule_key, r.rule_id, r.min_clearance_m, r.source_clause, r.confidence, cr.special_assessment
  FROM (SELECT DISTINCT rule_key, a_type, subtype, pressure_class, size_mm, laying_class, f_type FROM near) k
  LEFT JOIN LATERAL clearance_rule_for('horizontal', k.a_type, k.subtype, k.pressure_class, k.size_mm, k.laying_class,
                                       k.f_type, NULL, NULL, NULL, NULL) r ON true
  LEFT JOIN clearance_rule cr ON cr.id = r.rule_id
),
-- one row per pipe and feature (a kerb's chunks folded: the nearest, if both pipe ends are near
-- that road side's kerb), judged: violation, special_assessment or unchecked, or left out
judged AS (
  SELECT *,
         CASE WHEN x.rule_id IS NULL THEN 'unchecked'
              WHEN x.special_assessment AND x.measured_m >= x.required_m - 0.0005 THEN 'special_assessment'
              ELSE 'violation' END AS verdict
  FROM (SELECT n.*, r.rule_id, r.min_clearance_m AS required_m, r.source_clause, r.confidence, r.special_assessment,
               bool_or(n.start_near) OVER w AND bool_or(n.end_near) OVER w AS beside,
               row_number() OVER (w ORDER BY n.measured_m) AS rank
        FROM near n
        JOIN rule_of r ON r.rule_key = n.rule_key
        WINDOW w AS (PARTITION BY n.fid, n.f_type, n.f_fid, n.f_code)) x
  WHERE x.beside AND x.rank = 1
    AND CASE WHEN x.rule_id IS NULL OR x.special_assessment THEN x.measured_m < x.reach_m
             ELSE x.measured_m < x.required_m - 0.0005 END
)
SELECT n.verdict, n.a_type, n.fid AS a_fid, n.network AS a_network, n.dn_mm AS a_dn, n.width_mm AS a_width, n.height_mm AS a_height,
       n.material AS a_material, n.laying AS a_laying, n.road_name AS a_road, n.start_point AS a_start_point,
       n.end_point AS a_end_point, n.start_depth_m AS a_start_depth, n.end_depth_m AS a_end_depth,
       ST_Z(ST_StartPoint(n.geom)) AS a_start_elev, ST_Z(ST_EndPoint(n.geom)) AS a_end_elev, n.owner AS a_owner,
       o.name AS a_owner_name, o.contact_person AS a_owner_person, o.phone AS a_owner_phone, o.email AS a_owner_email,
       n.f_type, n.f_layer, n.f_fid, n.f_code, n.f_name, n.measured_m,
       n.rule_id, n.required_m, n.source_clause, n.confidence,
       ST_AsGeoJSON(ST_Transform(ST_ClosestPoint(ST_Force2D(n.f_geom), ST_Force2D(n.geom)), 4326), 7) AS location
FROM judged n
LEFT JOIN organization o ON o.code = n.owner
ORDER BY n.verdict DESC, n.f_layer, n.f_fid, n.fid
