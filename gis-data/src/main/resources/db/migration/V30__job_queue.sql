-- The project's one job queue (docs/ARCHITECTURE.md, "Jobs"): whole-area analyses submitted
-- through OGC API - Processes today; tile seeding and coverage runs later. A row moves
-- accepted -> running -> successful | failed, or to dismissed at any time before it ends.
-- A node claims the oldest accepted job (or a running one whose heartbeat is older than the
-- stale limit: its node died or restarted) with FOR UPDATE SKIP LOCKED and refreshes the
-- heartbeat while it works. kind is the process id; inputs its execute request's inputs.
CREATE TABLE job (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL,
  inputs      jsonb NOT NULL DEFAULT '{}'::jsonb,
  client      text NOT NULL,
  status      text NOT NULL DEFAULT 'accepted'
              CHECK (status IN ('accepted', 'running', 'successful', 'failed', 'dismissed')),
  progress    smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  message     text,
  created     timestamptz NOT NULL DEFAULT now(),
  started     timestamptz,
  finished    timestamptz,
  updated     timestamptz NOT NULL DEFAULT now(),
  node        text,
  heartbeat   timestamptz,
  attempts    integer NOT NULL DEFAULT 0,
  result      bytea,
  result_type text,
  CHECK ((status = 'running') = (node IS NOT NULL AND heartbeat IS NOT NULL))
);

COMMENT ON TABLE job IS 'The job queue: analyses, tile seeding, coverage runs (docs/ARCHITECTURE.md, Jobs)';
COMMENT ON COLUMN job.client IS 'who submitted: user:<name> or anon:<address>; bounds queued jobs per client';
COMMENT ON COLUMN job.heartbeat IS 'refreshed by the running node; older than the stale limit = orphaned, claimable';
COMMENT ON COLUMN job.result IS 'the output (result_type: its media type), kept until the job is dismissed or purged';

-- The claim scan and the per-client count read only open jobs.
CREATE INDEX job_open ON job (created) WHERE status IN ('accepted', 'running');
CREATE INDEX job_client_open ON job (client) WHERE status IN ('accepted', 'running');
CREATE INDEX job_created ON job (created DESC);
