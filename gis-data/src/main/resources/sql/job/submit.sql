-- Queues a job unless its client already has max_open open (accepted or running) jobs. Runs
-- after pg_advisory_xact_lock on the client in the same transaction (JobQueue.submit), so two
-- submissions of one client on two nodes count each other.
-- Parameters: 1 kind, 2 inputs (json), 3 client, 4 client, 5 max open.
INSERT INTO job AS j (kind, inputs, client)
SELECT ?, CAST(? AS jsonb), ?
WHERE (SELECT count(*) FROM job WHERE client = ? AND status IN ('accepted', 'running')) < ?
RETURNING {columns}
