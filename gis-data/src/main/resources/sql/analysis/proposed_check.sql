-- The first attribute of a proposed pipe that is not a known code, or NULL when all are known.
SELECT CASE
  WHEN NOT EXISTS (SELECT 1 FROM network_type WHERE code = CAST(:network AS text)) THEN 'network=' || coalesce(CAST(:network AS text), '')
  WHEN CAST(:subtype AS text) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pipe_subtype WHERE network = CAST(:network AS text) AND code = CAST(:subtype AS text)) THEN 'subtype=' || CAST(:subtype AS text)
  WHEN CAST(:pc AS text) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM gas_pressure_class WHERE code = CAST(:pc AS text)) THEN 'pressureClass=' || CAST(:pc AS text)
  WHEN CAST(:laying AS text) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM laying_code WHERE code = CAST(:laying AS text)) THEN 'laying=' || CAST(:laying AS text)
  WHEN CAST(:material AS text) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM material_code WHERE code = CAST(:material AS text)) THEN 'material=' || CAST(:material AS text)
END AS bad
