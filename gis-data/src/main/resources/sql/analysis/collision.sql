-- Collision check (碰撞分析): pipe solids that overlap in 3D. Each solid is the pipe's centre
-- line (surveyed Z + pipe_centre_offset_m) swept by a circle of radius DN/2 — for box sections,
-- half the larger of width and height. Two solids overlap when their centre lines come closer in
-- 3D than the sum of the radii; overlap_m is by how much.
-- Slot pairs: the CTEs of pairs.sql (rendered with reach lim.half_m + the subject's radius).
{pairs},
solid AS (
  SELECT p.*, greatest(a_hw, a_hh) AS a_r, greatest(b_hw, b_hh) AS b_r,
         ST_Translate(a_geom, 0, 0, a_off) AS a_centre, ST_Translate(b_geom, 0, 0, b_off) AS b_centre
  FROM pair p
)
SELECT s.a_fid, s.b_fid, s.a_network, s.b_network, s.a_dn, s.a_width, s.a_height, s.a_material, s.a_laying, s.a_road, s.a_start_point, s.a_end_point, s.a_start_depth, s.a_end_depth, ST_Z(ST_StartPoint(s.a_geom)) AS a_start_elev, ST_Z(ST_EndPoint(s.a_geom)) AS a_end_elev,
       oa.contact_person AS a_owner_person, oa.phone AS a_owner_phone, oa.email AS a_owner_email,
       s.b_dn, s.b_width, s.b_height, s.b_material, s.b_laying, s.b_road, s.b_start_point, s.b_end_point, s.b_start_depth, s.b_end_depth, ST_Z(ST_StartPoint(s.b_geom)) AS b_start_elev, ST_Z(ST_EndPoint(s.b_geom)) AS b_end_elev,
       ob.contact_person AS b_owner_person, ob.phone AS b_owner_phone, ob.email AS b_owner_email, s.a_owner, s.b_owner,
       oa.name AS a_owner_name, ob.name AS b_owner_name,
       ST_3DDistance(s.a_centre, s.b_centre) AS centre_distance_m,
       s.a_r + s.b_r - ST_3DDistance(s.a_centre, s.b_centre) AS overlap_m,
       ST_AsGeoJSON(ST_Transform(ST_3DClosestPoint(s.a_centre, s.b_centre), 4326), 7) AS location
FROM solid s
LEFT JOIN organization oa ON oa.code = s.a_owner
LEFT JOIN organization ob ON ob.code = s.b_owner
WHERE ST_3DDWithin(s.a_centre, s.b_centre, s.a_r + s.b_r - 0.0005)
ORDER BY least(s.a_fid, s.b_fid), greatest(s.a_fid, s.b_fid)
