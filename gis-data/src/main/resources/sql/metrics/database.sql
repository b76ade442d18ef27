-- What the operations metrics report about the database, read at each scrape: the jobs waiting and
-- running in the one queue, the standbys' replay lag (seconds; 0 without a standby; the role needs
-- pg_monitor to see other sessions' lag) and how many acknowledge commits. Read on the primary.
SELECT (SELECT count(*) FROM job WHERE status = 'accepted') AS jobs_accepted,
       (SELECT count(*) FROM job WHERE status = 'running') AS jobs_running,
       coalesce((SELECT max(extract(epoch FROM replay_lag)) FROM pg_stat_replication), 0)
         AS replication_lag_s,
       (SELECT count(*) FROM pg_stat_replication WHERE sync_state IN ('sync', 'quorum'))
         AS synchronous_standbys
