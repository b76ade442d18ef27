-- Deletes jobs that ended (successful, failed, dismissed) longer ago than the retention.
-- Parameter: 1 retention (seconds).
DELETE FROM job
WHERE status IN ('successful', 'failed', 'dismissed') AND finished < now() - make_interval(secs => ?)
