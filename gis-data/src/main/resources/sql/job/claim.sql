-- Claims the oldest claimable job of the given kinds for a node: accepted, or running with a
-- heartbeat older than the stale limit (its node died or restarted). SKIP LOCKED lets nodes
-- claim side by side without waiting for each other. A job that has already been started
-- max_attempts times fails instead (it may be what kills its nodes).
-- Parameters: 1 node, 2 kinds (text[]), 3 stale limit (seconds), 4 max attempts.
WITH next AS (
  SELECT id FROM job
  WHERE kind = ANY (?::text[])
    AND (status = 'accepted' OR (status = 'running' AND heartbeat < now() - make_interval(secs => ?)))
  ORDER BY created
  LIMIT 1
  FOR UPDATE SKIP LOCKED
)
UPDATE job j
SET status = CASE WHEN j.attempts >= ? THEN 'failed' ELSE 'running' END,
    message = CASE WHEN j.attempts >= ? THEN 'gave up after ' || j.attempts || ' attempts (the node running it stopped each time)'
                   ELSE j.message END,
    node = CASE WHEN j.attempts >= ? THEN NULL ELSE ? END,
    heartbeat = CASE WHEN j.attempts >= ? THEN NULL ELSE now() END,
    finished = CASE WHEN j.attempts >= ? THEN now() END,
    attempts = j.attempts + 1,
    started = coalesce(j.started, now()),
    progress = 0,
    updated = now()
FROM next
WHERE j.id = next.id
RETURNING {columns}
