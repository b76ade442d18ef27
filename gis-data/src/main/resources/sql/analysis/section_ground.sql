-- The ground line of a section: the interpolated ground surface every :step_m metres (and at the end).
WITH sec AS MATERIALIZED (SELECT ST_Force2D(ST_GeomFromEWKB(CAST(:line AS bytea))) AS g),
f AS (
  SELECT least(1.0, i * CAST(:step_m AS float8) / ST_Length(sec.g)) AS frac, sec.g
  FROM sec, generate_series(0, ceil(ST_Length(sec.g) / CAST(:step_m AS float8))::int) AS i
)
SELECT frac * ST_Length(g) AS chainage_m, ground_elev_at(ST_LineInterpolatePoint(g, frac), CAST(:as_of AS timestamptz)) AS ground_m
FROM f ORDER BY frac
