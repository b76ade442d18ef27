-- The change log (V7) now serves every tile of the project (2D map and vector tiles as well as
-- 3D Tiles), so the two feature tables drawn only in 2D log their changes too: roads and
-- construction projects. The trigger function is V36's (layer = table name for these tables).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['road', 'construction_project'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_tile_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_update_old AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_update_new AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
    EXECUTE format('CREATE TRIGGER %1$s_tile_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION tile_change_record()', t);
  END LOOP;
END
$$;
