-- Row-level security for the assessment settings and revision tables (see 0001_security.sql). Hand-written; never edit after it lands.
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY['assessment_settings', 'assessment_revisions']) AS t;
