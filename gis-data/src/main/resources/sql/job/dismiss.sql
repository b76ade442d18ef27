-- Dismisses a job (OGC API Processes "dismiss"): drops its result; a running job's node sees
-- the status at its next heartbeat and cancels the work. Returns the row, or nothing for an
-- unknown or already dismissed job. Parameter: 1 id.
UPDATE job j
SET status = 'dismissed', result = NULL, result_type = NULL, node = NULL, heartbeat = NULL,
    finished = coalesce(finished, now()), updated = now()
WHERE j.id = ? AND j.status <> 'dismissed'
RETURNING {columns}
