-- Who ended a version and when. An edit closes the current version and inserts its successor; a
-- delete only closes it. changed_by/changed_at say who wrote a version; closed_by/closed_at say who
-- closed it (the next version's writer, or the deleting user), so a delete names its author.
-- closed_at is transaction time, like changed_at; valid_to stays the real-world end.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['versioned_feature', 'pipe_segment', 'pipe_point', 'base_station', 'antenna_sector',
                           'zoning_parcel', 'road', 'construction_project'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN closed_by text, ADD COLUMN closed_at timestamptz', t);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %s_closed_check CHECK (closed_by IS NULL OR valid_to IS NOT NULL)', t, t);
  END LOOP;
END $$;
