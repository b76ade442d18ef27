-- Refreshes the heartbeat of the jobs a node is running; returns those still running there
-- (a job missing from the answer was dismissed, or claimed by another node as stale).
-- Parameters: 1 node, 2 job ids (uuid[]).
UPDATE job SET heartbeat = now()
WHERE node = ? AND id = ANY (?::uuid[]) AND status = 'running'
RETURNING id
