SELECT s.* FROM pipe_solid_at(CAST(:as_of AS timestamptz)) s WHERE s.status <> 'abandoned' AND coalesce(s.laying_class, '') <> 'overhead' AND {scope}
