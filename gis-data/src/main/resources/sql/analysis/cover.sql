-- Cover depth check (覆土分析): ground minus pipe top at each end of every buried segment of the
-- scope, against the cover_rule row for its network, laying class, material and road position.
-- Ground: the surveyed ground elevation of the end's pipe point, else surveyed Z + depth, else the
-- interpolated ground surface. Pipe top: surveyed Z + pipe_centre_offset_m + half the height.
-- Road position: carriageway when the end lies within half the carriageway width of a road
-- centreline (the carriageway is centred on it), else footway: found through the GiST index of
-- road within half the widest carriageway (a distance that is the same for every road), then
-- checked against the road's own width. The most specific rule wins
-- (laying class and material set), then the larger cover. Where the rule says frost_governs the
-- requirement is at least the frost depth (:frost_depth_m, else analysis_setting frost_depth_m),
-- plus frost_margin_water_m for water (JS): its note says the top of a water main lies that far
-- below the frost line. Each violating segment is reported once, at its worse end.
WITH {scope_cte},
setting AS (
  SELECT coalesce(CAST(:frost_depth_m AS float8), (SELECT value FROM analysis_setting WHERE key = 'frost_depth_m'))::float8 AS frost_m,
         (SELECT value FROM analysis_setting WHERE key = 'frost_margin_water_m')::float8 AS margin_m
),
seg AS (
  SELECT s.* FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s
  WHERE s.status <> 'abandoned' AND coalesce(s.laying_class, 'direct') IN ('direct', 'conduit', 'trench') AND {scope}
),
ends AS (
  SELECT seg.fid, seg.network, seg.material, seg.laying, seg.laying_class, seg.owner, e.pt,
         seg.dn_mm AS dn, seg.width_mm AS width, seg.height_mm AS height, seg.road_name AS road, seg.start_point,
         seg.end_point, seg.start_depth_m AS start_depth, seg.end_depth_m AS end_depth,
         ST_Z(ST_StartPoint(seg.geom)) AS start_elev, ST_Z(ST_EndPoint(seg.geom)) AS end_elev,
         ST_Z(e.pt) + seg.centre_offset_m + seg.half_height_m AS top_m,
         coalesce((SELECT pp.ground_elev_m::float8 FROM pipe_point pp
                   WHERE pp.exp_no = e.exp_no AND valid_at(pp.valid_from, pp.valid_to, CAST(:as_of AS timestamptz)) LIMIT 1),
                  ST_Z(e.pt) + e.depth_m::float8,
                  ground_elev_at(e.pt, CAST(:as_of AS timestamptz))) AS ground_m,
         CASE WHEN EXISTS (SELECT 1 FROM road r
                           WHERE valid_at(r.valid_from, r.valid_to, CAST(:as_of AS timestamptz))
                             AND ST_DWithin(r.geom, e.pt, (SELECT max(w.carriageway_width_m) FROM road w) / 2.0)
                             AND ST_DWithin(r.geom, e.pt, r.carriageway_width_m / 2.0))
              THEN 'carriageway' ELSE 'footway' END AS road_position
  FROM seg,
       LATERAL (VALUES (ST_StartPoint(seg.geom), seg.start_point, seg.start_depth_m),
                       (ST_EndPoint(seg.geom), seg.end_point, seg.end_depth_m)) AS e(pt, exp_no, depth_m)
),
judged AS (
  SELECT ends.*, ends.ground_m - ends.top_m AS cover_m, c.id AS rule_id, c.min_cover_m::float8 AS rule_min_m,
         c.frost_governs, c.source_clause, c.confidence,
         CASE WHEN c.frost_governs
              THEN greatest(c.min_cover_m::float8, st.frost_m + CASE WHEN ends.network = 'JS' THEN st.margin_m ELSE 0 END)
              ELSE c.min_cover_m::float8 END AS required_m,
         st.frost_m, CASE WHEN ends.network = 'JS' THEN st.margin_m ELSE 0 END AS margin_m
  FROM ends
  CROSS JOIN setting st
  CROSS JOIN LATERAL (
    SELECT * FROM cover_rule c
    WHERE c.network = ends.network AND c.road_position = ends.road_position
      AND (c.laying_class IS NULL OR c.laying_class = ends.laying_class)
      AND (c.material IS NULL OR c.material = ends.material)
    ORDER BY (c.laying_class IS NOT NULL)::int + (c.material IS NOT NULL)::int DESC, c.min_cover_m DESC, c.id
    LIMIT 1) c
)
SELECT DISTINCT ON (j.fid) j.fid, j.network, j.dn, j.width, j.height, j.material, j.laying, j.road, j.start_point,
       j.end_point, j.start_depth, j.end_depth, j.start_elev, j.end_elev, j.owner, o.name AS owner_name,
       o.contact_person AS owner_person, o.phone AS owner_phone, o.email AS owner_email,
       j.road_position, j.ground_m, j.top_m, j.cover_m, j.required_m, j.rule_id, j.rule_min_m, j.frost_governs,
       j.source_clause, j.confidence, j.frost_m, j.margin_m,
       ST_AsGeoJSON(ST_Transform(j.pt, 4326), 7) AS location
FROM judged j
LEFT JOIN organization o ON o.code = j.owner
WHERE j.cover_m < j.required_m - 0.0005
ORDER BY j.fid, j.cover_m - j.required_m, ST_X(j.pt), ST_Y(j.pt)
