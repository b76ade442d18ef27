-- A proposed pipe: the plan line draped at :p_depth_m below the ground surface at every vertex
-- (the surveyed reference of its network: top, or invert for drainage).
proposed_geom AS MATERIALIZED (
  SELECT ST_MakeLine(array_agg(ST_SetSRID(ST_MakePoint(ST_X(d.geom), ST_Y(d.geom),
                     ground_elev_at(d.geom, CAST(:as_of AS timestamptz)) - CAST(:p_depth_m AS float8)), ST_SRID(d.geom))
                     ORDER BY d.path)) AS geom,
         bool_or(ground_elev_at(d.geom, CAST(:as_of AS timestamptz)) IS NULL) AS ground_missing
  FROM ST_DumpPoints(ST_Force2D(ST_GeomFromEWKB(CAST(:p_geom AS bytea)))) d
)
