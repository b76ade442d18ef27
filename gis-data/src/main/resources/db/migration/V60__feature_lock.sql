-- WFS feature locks (LockFeature, GetFeatureWithLock; FeatureLocks). A row locks one feature (the
-- fid of a feature table; layer names it in answers) for the holder of lock_id until expires_at; every server node reads and
-- writes the same rows. An expired row frees its feature: the next lock of that feature takes the
-- row over, so the table holds at most one row per feature ever locked.
CREATE TABLE feature_lock (
  feature_table text        NOT NULL,
  fid           bigint      NOT NULL,
  layer         text        NOT NULL,
  lock_id       text        NOT NULL,
  locked_by     text        NOT NULL,
  locked_at     timestamptz NOT NULL DEFAULT statement_timestamp(),
  expires_at    timestamptz NOT NULL,
  PRIMARY KEY (feature_table, fid)
);
CREATE INDEX feature_lock_lock_id ON feature_lock (lock_id);
