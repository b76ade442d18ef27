-- Ends a job the node is running: successful with its result, or failed with a message.
-- Parameters: 1 status, 2 message, 3 result, 4 result type, 5 status, 6 id, 7 node.
UPDATE job
SET status = ?, message = ?, result = ?, result_type = ?, progress = CASE WHEN ? = 'successful' THEN 100 ELSE progress END,
    node = NULL, heartbeat = NULL, finished = now(), updated = now()
WHERE id = ? AND node = ? AND status = 'running'
