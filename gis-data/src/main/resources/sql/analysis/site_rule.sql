-- site_rule rows for a key, matching the area type and the frequency (NULL keys apply to all);
-- the most specific first (area type, then band).
SELECT id, value::float8 AS value, unit, source_clause, confidence
FROM site_rule
WHERE rule_key = :k
  AND (area_type IS NULL OR area_type = CAST(:area AS text))
  AND (band_min_mhz IS NULL OR CAST(:f AS float8) > band_min_mhz)
  AND (band_max_mhz IS NULL OR CAST(:f AS float8) <= band_max_mhz)
ORDER BY (area_type IS NOT NULL) DESC, (band_min_mhz IS NOT NULL) DESC, id
