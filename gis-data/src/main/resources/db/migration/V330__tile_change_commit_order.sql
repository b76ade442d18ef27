-- The change log is read in seq order, but transactions commit in any order: an edit that took
-- seq 100 and committed after another edit's seq 101 had been read was never seen, so the tiles it
-- touched stayed stale. A reader may only move past a seq once no transaction that could still add
-- a row at or below it is open.
--
-- Every statement that inserts into tile_change first takes a shared transaction-scoped advisory
-- lock whose key is the sequence's last value (below any seq the statement will get: the identity
-- has CACHE 1, so its values rise across sessions). tile_change_settled_seq() then reads, in this
-- order, the sequence's last value and the smallest such key still held: every row at or below the
-- smaller of the two is committed (visible to the next statement) or rolled back. Rows above it may
-- be visible already; readers take them too but read from the settled seq again.
--
-- Key space: two-int advisory locks with first key 0x54434C00 (1413696512) + seq / 2^31, second key
-- seq mod 2^31 (the editors' feature locks use 0x45444954).

CREATE FUNCTION tile_change_lock_space() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 1413696512 $$;

CREATE FUNCTION tile_change_writer_lock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO k FROM tile_change_seq_seq;
  PERFORM pg_advisory_xact_lock_shared(tile_change_lock_space() + (k >> 31)::integer, (k & 2147483647)::integer);
  RETURN NULL;
END
$$;

CREATE TRIGGER tile_change_writer_lock BEFORE INSERT ON tile_change
  FOR EACH STATEMENT EXECUTE FUNCTION tile_change_writer_lock();

-- The highest seq at or below which every row of tile_change is settled (committed or rolled back).
-- VOLATILE and plpgsql so the two reads run in this order, each at its own moment.
CREATE FUNCTION tile_change_settled_seq() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  last_seq bigint;
  open_key bigint;
BEGIN
  SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO last_seq FROM tile_change_seq_seq;
  SELECT min(((l.classid::bigint - tile_change_lock_space()) << 31) | l.objid::bigint) INTO open_key
  FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.objsubid = 2
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid::bigint BETWEEN tile_change_lock_space() AND tile_change_lock_space() + 65535;
  RETURN least(last_seq, open_key);
END
$$;
