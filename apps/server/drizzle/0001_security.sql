-- Tenant isolation, search and reference data. Hand-written; never edit after it lands.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS teachers_search_trgm_idx ON teachers USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
-- The role every request runs as (SET LOCAL ROLE), so row-level security applies even when the
-- connection user is a superuser or the table owner.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tumbuh_app') THEN
    CREATE ROLE tumbuh_app NOLOGIN;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
    WHERE r.rolname = 'tumbuh_app' AND u.rolname = current_user
  ) AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT tumbuh_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tumbuh_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tumbuh_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tumbuh_app;
--> statement-breakpoint
-- Later migrations call this for every new tenant table.
CREATE OR REPLACE FUNCTION tumbuh_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO tumbuh_app USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
    tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO tumbuh_app', tbl);
END
$$;
--> statement-breakpoint
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'tenants', 'users', 'role_grants', 'sessions', 'invitations', 'madrasahs', 'clusters', 'subjects',
  'teachers', 'teacher_subjects', 'teacher_imports', 'audit_log'
]) AS t;
--> statement-breakpoint
-- Reference data shared by all tenants: read-only for requests.
REVOKE INSERT, UPDATE, DELETE ON subject_catalogue FROM tumbuh_app;
--> statement-breakpoint
-- MTs subjects: Kurikulum Merdeka (KMA 347/2022) and K13 madrasah (KMA 184/2019), grouped in the
-- default MGMP clusters of shared/reference/domain-indonesia.md §3.5.
INSERT INTO subject_catalogue (code, name, cluster_code, cluster_name, curriculum, sort_order) VALUES
  ('QH',   'Al-Qur''an Hadis',          'PAI',  'Rumpun PAI',                  'both',    10),
  ('AA',   'Akidah Akhlak',             'PAI',  'Rumpun PAI',                  'both',    11),
  ('FIK',  'Fikih',                     'PAI',  'Rumpun PAI',                  'both',    12),
  ('SKI',  'Sejarah Kebudayaan Islam',  'PAI',  'Rumpun PAI',                  'both',    13),
  ('BAR',  'Bahasa Arab',               'BAR',  'Bahasa Arab',                 'both',    20),
  ('BIN',  'Bahasa Indonesia',          'BIN',  'Bahasa Indonesia',            'both',    30),
  ('BIG',  'Bahasa Inggris',            'BIG',  'Bahasa Inggris',              'both',    31),
  ('MAT',  'Matematika',                'MAT',  'Matematika',                  'both',    40),
  ('IPA',  'Ilmu Pengetahuan Alam',     'IPA',  'IPA',                         'both',    41),
  ('IPS',  'Ilmu Pengetahuan Sosial',   'IPS',  'IPS',                         'both',    50),
  ('PP',   'Pendidikan Pancasila',      'PKN',  'Pendidikan Pancasila / PPKn', 'merdeka', 51),
  ('PKN',  'Pendidikan Pancasila dan Kewarganegaraan', 'PKN', 'Pendidikan Pancasila / PPKn', 'k13', 52),
  ('SBD',  'Seni Budaya',               'SBD',  'Seni Budaya',                 'both',    60),
  ('PJOK', 'Pendidikan Jasmani, Olahraga, dan Kesehatan', 'PJOK', 'PJOK',      'both',    61),
  ('PRK',  'Prakarya',                  'PRK',  'Prakarya / Informatika',      'both',    70),
  ('INF',  'Informatika',               'PRK',  'Prakarya / Informatika',      'merdeka', 71),
  ('MLK',  'Muatan Lokal (Bahasa Daerah)', 'MLK', 'Muatan Lokal',              'both',    80),
  ('TAH',  'Tahfiz / Tahsin Al-Qur''an', 'MLK', 'Muatan Lokal',                'both',    81),
  ('BK',   'Bimbingan dan Konseling',   'BK',   'MGBK (Bimbingan Konseling)',  'both',    90)
ON CONFLICT (code) DO NOTHING;
