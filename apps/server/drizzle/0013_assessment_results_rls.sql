-- Row-level security for the persisted PKG results (see 0001_security.sql). Hand-written; never edit after it lands.
-- Results of assessments finalised before this table existed are computed on first use (assessment-results.usecases.ts).
select tumbuh_enable_tenant_rls('assessment_results');
