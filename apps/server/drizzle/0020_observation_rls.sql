-- Row-level security for the classroom-observation tables (see 0001_security.sql). Hand-written; never edit after it lands.
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['observations', 'observation_notes', 'observation_note_indicators', 'observation_ratings', 'observation_reflections', 'observation_goals']) AS t;
