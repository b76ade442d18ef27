-- Reads leave out rows another tool wrote with a non-finite coordinate (geometry_is_finite, V36) by a
-- flag PostgreSQL stores with every row, whoever writes it: `<column>_finite`, a generated column.
-- A read tests it as a plain column (`t.geom_finite`, SqlBuilder.current). It replaces V210's
-- partial index of such rows, read through `version_id NOT IN (SELECT ...)`: that subquery cost
-- 0.15–0.2 ms of planning on every read (three reads a map; a 256 × 256 map at 1:1,000 takes about
-- 5 ms), while the flag costs nothing to plan and one byte a row. Writing costs the same as the
-- index's predicate did: geometry_is_finite once per inserted row. Generated columns are not
-- attributes: nothing writes them (TableColumns leaves them out). A migration that adds a versioned
-- geometry column calls add_finite_flag for it (MigrationTest checks every one has its flag).
CREATE FUNCTION add_finite_flag(tab text, col text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS %I boolean NOT NULL'
                 ' GENERATED ALWAYS AS (geometry_is_finite(%I)) STORED', tab, col || '_finite', col);
  EXECUTE format('DROP INDEX IF EXISTS %I', tab || '_' || col || '_nonfinite_idx');
END
$$;

SELECT add_finite_flag(g.f_table_name, g.f_geometry_column)
FROM geometry_columns g
WHERE g.f_table_schema = current_schema()
  AND EXISTS (SELECT 1 FROM information_schema.columns k
              WHERE k.table_schema = g.f_table_schema AND k.table_name = g.f_table_name
                AND k.column_name = 'version_id');

DROP FUNCTION index_nonfinite_rows(text, text);
