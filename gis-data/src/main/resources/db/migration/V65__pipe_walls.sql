-- Pipe walls (issue 16 item 2): clearances are measured outer wall to outer wall (GB 50289-2016
-- §4.1.9 / §4.1.14), so every analysis needs each pipe's outside diameter and, for drainage whose
-- surveyed Z is the inner invert (CJJ 61 depth_ref 'invert'), its wall thickness.
--
-- pipe_wall holds the outside diameter and wall thickness by material, series and size from the
-- product standards (source_clause and confidence per row; M = typed from the standard's tables
-- from memory, not checked against the printed standard here — see docs/ARCHITECTURE.md "Pipe
-- walls"):
--   gravity (depth_ref 'invert'; DN is the inner diameter):
--     T    GB/T 11836-2009 reinforced-concrete drainage pipe (钢筋混凝土排水管), grade I walls
--     PE   GB/T 19472.1-2019 PE double-wall corrugated pipe (双壁波纹管), DN/ID series: wall = inner
--          surface to the outer crest of the corrugation
--     PVC  GB/T 18477.1-2007 PVC-U double-wall corrugated pipe, DN/ID series, likewise
--   pressure (depth_ref 'top'; Z is the outer top):
--     QM   GB/T 13295-2019 ductile iron pipe (球墨铸铁管), class K9: wall = 9 × (0.5 + 0.001 DN) mm,
--          at least 6 mm
--     G    GB/T 3091-2015 welded / GB/T 8163-2018 seamless steel pipe: outside diameter by DN
--     PE   GB/T 13663.2-2018 (water) and GB/T 15558.1-2015 (gas): DN is the outside diameter dn,
--          SDR 11: wall = dn / 11 (a series row: dn_mm NULL, any dn)
--     PVC  GB/T 10002.1-2006 PVC-U water pipe: DN is the outside diameter dn, SDR 26 (PN 1.0 MPa)
-- A size the table does not list (no row for the size and no series row of the material) keeps
-- the old reading: DN is the outside diameter, wall 0. Boxes, duct banks and trenches (width and
-- height) are their outer envelope W×H, as CJJ 61 records 断面尺寸.

CREATE TABLE pipe_wall (
  material      text NOT NULL REFERENCES material_code (code),
  depth_ref     text NOT NULL CHECK (depth_ref IN ('top', 'invert')),
  dn_mm         integer CHECK (dn_mm > 0),
  outer_mm      numeric(7, 1),
  wall_mm       numeric(5, 1),
  sdr           numeric(4, 1) CHECK (sdr > 2),
  source_clause text NOT NULL,
  confidence    char(1) NOT NULL CHECK (confidence IN ('V', 'S', 'M')),
  note          text,
  UNIQUE NULLS NOT DISTINCT (material, depth_ref, dn_mm),
  CHECK ((dn_mm IS NOT NULL AND outer_mm > dn_mm - 1 AND wall_mm > 0 AND sdr IS NULL)
         OR (dn_mm IS NULL AND outer_mm IS NULL AND wall_mm IS NULL AND sdr IS NOT NULL))
);
COMMENT ON TABLE pipe_wall IS 'Outside diameter and wall thickness (mm) by material, series (depth_ref: invert = gravity, DN inner; top = pressure) and DN, from the product standards (source_clause, confidence). A row with dn_mm NULL is a series: DN is the outside diameter and the wall is DN / sdr. Sizes not listed: DN = outside diameter, wall 0';

INSERT INTO pipe_wall (material, depth_ref, dn_mm, outer_mm, wall_mm, sdr, source_clause, confidence, note) VALUES
  ('T', 'invert', 200, 260.0, 30.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 300, 360.0, 30.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 400, 480.0, 40.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 500, 600.0, 50.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 600, 720.0, 60.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 700, 840.0, 70.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 800, 960.0, 80.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 900, 1080.0, 90.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1000, 1200.0, 100.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1100, 1320.0, 110.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1200, 1440.0, 120.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1350, 1620.0, 135.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1400, 1680.0, 140.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1500, 1800.0, 150.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1650, 1980.0, 165.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 1800, 2160.0, 180.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 2000, 2400.0, 200.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 2200, 2640.0, 220.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 2400, 2860.0, 230.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 2600, 3070.0, 235.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 2800, 3310.0, 255.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('T', 'invert', 3000, 3550.0, 275.0, NULL, 'GB/T 11836-2009 表3 (钢筋混凝土排水管 I级)', 'M', 'DN is the inner diameter'),
  ('PE', 'invert', 200, 225.0, 12.5, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 300, 340.0, 20.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 400, 450.0, 25.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 500, 560.0, 30.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 600, 680.0, 40.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 800, 900.0, 50.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 1000, 1110.0, 55.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PE', 'invert', 1200, 1330.0, 65.0, NULL, 'GB/T 19472.1-2019 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 200, 225.0, 12.5, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 300, 340.0, 20.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 400, 450.0, 25.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 500, 560.0, 30.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 600, 680.0, 40.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 800, 900.0, 50.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 1000, 1110.0, 55.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('PVC', 'invert', 1200, 1330.0, 65.0, NULL, 'GB/T 18477.1-2007 表2 (DN/ID 系列)', 'M', 'DN/ID series; wall = inner surface to the outer crest'),
  ('QM', 'top', 80, 98.0, 6.0, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 100, 118.0, 6.0, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 150, 170.0, 6.0, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 200, 222.0, 6.3, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 250, 274.0, 6.8, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 300, 326.0, 7.2, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 350, 378.0, 7.7, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 400, 429.0, 8.1, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 450, 480.0, 8.5, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 500, 532.0, 9.0, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 600, 635.0, 9.9, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 700, 738.0, 10.8, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 800, 842.0, 11.7, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 900, 945.0, 12.6, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 1000, 1048.0, 13.5, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('QM', 'top', 1200, 1255.0, 15.3, NULL, 'GB/T 13295-2019 (K9)', 'M', 'K9 wall = 9 × (0.5 + 0.001 DN) mm, at least 6 mm'),
  ('G', 'top', 50, 60.3, 3.8, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 80, 88.9, 4.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 100, 114.3, 4.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 150, 168.3, 4.5, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 200, 219.1, 6.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 250, 273.1, 6.4, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 300, 323.9, 7.1, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 350, 355.6, 7.1, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 400, 406.4, 7.9, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 450, 457.0, 7.9, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 500, 508.0, 8.7, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 600, 610.0, 9.5, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 700, 711.0, 10.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 800, 813.0, 11.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 900, 914.0, 12.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('G', 'top', 1000, 1016.0, 12.0, NULL, 'GB/T 3091-2015 表1; GB/T 8163-2018', 'M', 'outside diameter by DN; usual wall of the series'),
  ('PE', 'top', NULL, NULL, NULL, 11.0, 'GB/T 13663.2-2018; GB/T 15558.1-2015', 'M', 'DN is the outside diameter dn; SDR 11: wall = dn / 11'),
  ('PVC', 'top', NULL, NULL, NULL, 26.0, 'GB/T 10002.1-2006', 'M', 'DN is the outside diameter dn; SDR 26 (PN 1.0 MPa): wall = dn / 26');

-- The outer section of a pipe (metres) from its material, series and size: half the plan width and
-- half the height of the outer surface, the offset from the surveyed Z to the centre (drainage:
-- invert + inner radius; pressure pipes: outer top − outer radius; boxes ± H/2), and the wall. The
-- one place the wall table is read; pipe_solid_at() and the proposed pipe both call it.
CREATE FUNCTION pipe_section(p_material text, p_depth_ref text, p_dn_mm integer, p_width_mm integer, p_height_mm integer)
  RETURNS TABLE (half_width_m double precision, half_height_m double precision, centre_offset_m double precision,
                 wall_m double precision)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(p_width_mm, o.outer_mm) / 2000, coalesce(p_height_mm, o.outer_mm) / 2000,
         CASE WHEN p_depth_ref = 'invert' THEN coalesce(p_height_mm, o.outer_mm - 2 * o.wall_mm)
              ELSE -coalesce(p_height_mm, o.outer_mm) END / 2000,
         CASE WHEN p_height_mm IS NULL THEN o.wall_mm / 1000 ELSE 0 END
  FROM (SELECT coalesce(w.outer_mm::float8, p_dn_mm) AS outer_mm,
               coalesce(w.wall_mm::float8, p_dn_mm / sr.sdr::float8, 0) AS wall_mm
        FROM (SELECT 1) one
        LEFT JOIN pipe_wall w ON w.material = p_material AND w.depth_ref = p_depth_ref AND w.dn_mm = p_dn_mm
        LEFT JOIN pipe_wall sr ON sr.material = p_material AND sr.depth_ref = p_depth_ref AND sr.dn_mm IS NULL) o
$$;
COMMENT ON FUNCTION pipe_section IS 'Outer section of a pipe in metres (pipe_wall): half width, half height, offset from the surveyed Z (top or invert) to the centre, wall thickness';

-- pipe_solid_at (V6) with the outer section: half_width_m / half_height_m are the outer surface,
-- centre_offset_m turns the surveyed Z (outer top, or inner invert for drainage) into the centre,
-- wall_m is the wall (centre - half height + wall = the inner invert). Its SQL callers are not
-- tracked as dependencies, so it is dropped and created with the new column.
DROP FUNCTION pipe_solid_at(timestamptz);
CREATE FUNCTION pipe_solid_at(t timestamptz)
  RETURNS TABLE (fid bigint, network char(2), subtype char(2), pressure_class text, dn_mm integer,
                 width_mm integer, height_mm integer, size_mm integer, depth_ref text, laying text,
                 laying_class text, material text, owner text, start_point text, end_point text,
                 line_no text, road_name text, status text, total_holes integer, used_holes integer,
                 flow_dir text, start_depth_m numeric, end_depth_m numeric, geom geometry, half_width_m double precision,
                 half_height_m double precision, centre_offset_m double precision, wall_m double precision)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT s.fid, s.network, s.subtype, s.pressure_class, s.dn_mm, s.width_mm, s.height_mm,
         coalesce(s.dn_mm, s.width_mm), s.depth_ref, s.laying, l.laying_class, s.material, s.owner,
         s.start_point, s.end_point, s.line_no, s.road_name, s.status, s.total_holes, s.used_holes,
         s.flow_dir, s.start_depth_m, s.end_depth_m, s.geom, x.half_width_m, x.half_height_m, x.centre_offset_m, x.wall_m
  FROM pipe_segment s
  LEFT JOIN laying_code l ON l.code = s.laying
  CROSS JOIN LATERAL pipe_section(s.material, s.depth_ref, s.dn_mm, s.width_mm, s.height_mm) x
  WHERE valid_at(s.valid_from, s.valid_to, t)
$$;
COMMENT ON FUNCTION pipe_solid_at IS 'Pipe segment versions valid at t with the outer section in metres (pipe_section: half width, half height, centre offset from the surveyed Z, wall)';
