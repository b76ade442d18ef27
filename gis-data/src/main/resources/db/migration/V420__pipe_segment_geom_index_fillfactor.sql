-- pipe_segment's GiST index with pages filled to 20 % (clear16, issue 16). The whole-city pair
-- search of the clearance check probes it once per pipe (292,779 probes on `city`, each with a
-- box of about 10 m), and a probe tests every entry of each page it visits: with full pages
-- (about 250 entries, three levels) that is about 1,000 box tests a probe; with pages a fifth
-- full, four levels of about 50. Serial CPU of the pair search alone on `city`: 10.1–11.1 s with
-- the default index, 7.7 s with this one; the whole clearance statement 16.1–16.7 → 14.6 s, same
-- rows. Box reads of 300 m squares cost about 10 % more CPU (400 boxes: 0.27 → 0.30–0.32 s), of
-- 2.7 × 2 km boxes about 4 % (docs/ARCHITECTURE.md, Clearance rules). buffering = on: the sorted
-- build PostgreSQL uses for PostGIS's operator class by default ignores the fill factor. The
-- sample loader drops and recreates indexes from pg_get_indexdef, which keeps both options.
DROP INDEX pipe_segment_geom_idx;
CREATE INDEX pipe_segment_geom_idx ON pipe_segment USING gist (geom) WITH (fillfactor = 20, buffering = on);
