-- Row-level security for the MGMP tables (see 0001_security.sql). Hand-written; never edit after it lands.
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'mgmp_groups', 'mgmp_members', 'mgmp_topics', 'mgmp_programme_items', 'mgmp_meetings', 'mgmp_agenda_items',
  'mgmp_attendance', 'mgmp_minutes', 'mgmp_decisions', 'mgmp_votes', 'mgmp_follow_ups', 'mgmp_follow_up_owners'
]) AS t;
