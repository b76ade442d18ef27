-- ground_elev_at() only reads (pipe_point, analysis_setting), yet was declared PARALLEL UNSAFE (the
-- default), which keeps every statement that calls it — the cover check, sections, excavations,
-- proposed pipes — from a parallel plan. Every read-only function of the project is PARALLEL SAFE
-- (MigrationTest guards it).
ALTER FUNCTION ground_elev_at(geometry, timestamptz) PARALLEL SAFE;
