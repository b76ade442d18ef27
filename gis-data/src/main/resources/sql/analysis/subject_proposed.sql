SELECT 0::bigint AS fid, CAST(:p_network AS char(2)) AS network, CAST(:p_subtype AS char(2)) AS subtype,
       CAST(:p_pressure_class AS text) AS pressure_class, CAST(:p_dn_mm AS integer) AS dn_mm,
       NULL::integer AS width_mm, NULL::integer AS height_mm, CAST(:p_dn_mm AS integer) AS size_mm,
       nt.depth_ref, CAST(:p_laying AS text) AS laying, lc.laying_class, CAST(:p_material AS text) AS material,
       'PROPOSED'::text AS owner, 'proposed:start'::text AS start_point, 'proposed:end'::text AS end_point,
       NULL::text AS line_no, NULL::text AS road_name, 'planned'::text AS status, NULL::integer AS total_holes,
       NULL::integer AS used_holes, NULL::text AS flow_dir, NULL::numeric AS start_depth_m, NULL::numeric AS end_depth_m, g.geom,
       x.half_width_m, x.half_height_m, x.centre_offset_m, x.wall_m
FROM network_type nt
LEFT JOIN laying_code lc ON lc.code = CAST(:p_laying AS text)
CROSS JOIN LATERAL pipe_section(CAST(:p_material AS text), nt.depth_ref, CAST(:p_dn_mm AS integer), NULL, NULL) x,
     proposed_geom g
WHERE nt.code = CAST(:p_network AS text)
