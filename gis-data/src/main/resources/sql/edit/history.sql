-- Every version of one feature, oldest first: who wrote it and when, and who closed it and when
-- (the next version's writer, or the user who deleted the feature). {table} and {filter} come
-- from the layer catalog; the fid is the one parameter.
SELECT version_id, valid_from, valid_to, changed_by, changed_at, change_note, closed_by, closed_at
FROM {table}
WHERE {filter} AND fid = ?
ORDER BY version_id
