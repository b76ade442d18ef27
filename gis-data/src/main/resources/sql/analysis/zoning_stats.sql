-- Land-use statistics (用地平衡): parcel count and area (m², the part inside the scope area) per
-- GB 50137 code and per major class (the code's first letter), with the share of the total.
WITH {scope_cte},
z AS (
  SELECT z.land_use_code,
         CASE WHEN (SELECT r FROM scope_region) IS NULL THEN ST_Area(z.geom)
              ELSE ST_Area(ST_Intersection(ST_Force2D(z.geom), (SELECT r FROM scope_region))) END AS area_m2
  FROM zoning_parcel z
  WHERE valid_at(z.valid_from, z.valid_to, CAST(:as_of AS timestamptz)) AND {scope}
),
g AS (
  SELECT left(land_use_code, 1) AS major, land_use_code AS code, count(*) AS n, sum(area_m2) AS area_m2
  FROM z GROUP BY GROUPING SETS ((left(land_use_code, 1), land_use_code), (left(land_use_code, 1)))
)
SELECT g.major, g.code, coalesce(lu.name_zh, mj.name_zh) AS name_zh, coalesce(lu.name_en, mj.name_en) AS name_en, g.n, g.area_m2,
       100.0 * g.area_m2 / nullif((SELECT sum(area_m2) FROM z), 0) AS share_pct
FROM g
LEFT JOIN land_use_class lu ON lu.code = g.code
LEFT JOIN land_use_class mj ON mj.code = g.major
ORDER BY g.major, g.code NULLS FIRST
