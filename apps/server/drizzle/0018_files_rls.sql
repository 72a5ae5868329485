-- Row-level security for uploaded files (see 0001_security.sql). Hand-written; never edit after it lands.
select tumbuh_enable_tenant_rls('stored_files');
