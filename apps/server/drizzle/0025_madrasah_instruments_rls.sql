-- Madrasah-built instruments live in the instrument tables beside the official ones (tenant_id null).
-- Hand-written; never edit after it lands. See docs/ARCHITECTURE.md ("Instruments: official and
-- madrasah-built in one set of tables").
--
-- 1. Row-level security: the usual tenant_isolation policy (reads and writes of the current tenant's
--    rows) plus official_read (reads of official rows, tenant_id null). Permissive policies are OR-ed
--    per command, so a request sees official + own rows and can write only its own: an official row
--    can be neither changed nor deleted by tumbuh_app (USING of tenant_isolation does not match it).
SELECT tumbuh_enable_tenant_rls(t::regclass) FROM unnest(ARRAY[
  'instruments', 'instrument_domains', 'instrument_competencies', 'instrument_indicators', 'instrument_indicator_focus'
]) AS t;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['instruments', 'instrument_domains', 'instrument_competencies', 'instrument_indicators', 'instrument_indicator_focus'] LOOP
    EXECUTE format('DROP POLICY IF EXISTS official_read ON %I', t);
    EXECUTE format('CREATE POLICY official_read ON %I FOR SELECT TO tumbuh_app USING (tenant_id IS NULL)', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- TRUNCATE ignores row-level security: it stays revoked (0003).
REVOKE TRUNCATE ON instruments, instrument_domains, instrument_competencies, instrument_indicators, instrument_indicator_focus FROM tumbuh_app;
--> statement-breakpoint
-- 2. The freeze, held by the database: no row of a published instrument, nor of its tree, is ever
--    changed or deleted, and nothing is added to its tree. (A new official instrument is therefore
--    loaded like a madrasah one: insert it as draft, insert its tree, then set it published.)
--    Owner, code and version of an instrument never change; every part carries its instrument's tenant.
CREATE OR REPLACE FUNCTION tumbuh_instrument_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
    RAISE EXCEPTION 'instrument %@% is published and frozen', OLD.code, OLD.version USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.tenant_id IS DISTINCT FROM OLD.tenant_id OR NEW.madrasah_id IS DISTINCT FROM OLD.madrasah_id
      OR NEW.code <> OLD.code OR NEW.version <> OLD.version OR NEW.id <> OLD.id) THEN
    RAISE EXCEPTION 'instrument %@%: owner, code and version never change', OLD.code, OLD.version USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tumbuh_instrument_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_status text;
  parent_tenant uuid;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF TG_TABLE_NAME = 'instrument_indicator_focus' THEN
      SELECT i.status INTO parent_status FROM instrument_indicators ind JOIN instruments i ON i.id = ind.instrument_id WHERE ind.id = OLD.indicator_id;
    ELSE
      SELECT i.status INTO parent_status FROM instruments i WHERE i.id = OLD.instrument_id;
    END IF;
    IF parent_status = 'published' THEN
      RAISE EXCEPTION '%: the instrument is published and frozen', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  parent_status := NULL;
  IF TG_TABLE_NAME = 'instrument_indicator_focus' THEN
    SELECT i.status, i.tenant_id INTO parent_status, parent_tenant FROM instrument_indicators ind JOIN instruments i ON i.id = ind.instrument_id WHERE ind.id = NEW.indicator_id;
  ELSE
    SELECT i.status, i.tenant_id INTO parent_status, parent_tenant FROM instruments i WHERE i.id = NEW.instrument_id;
  END IF;
  IF parent_status IS NULL THEN
    RAISE EXCEPTION '%: unknown instrument', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF parent_status = 'published' THEN
    RAISE EXCEPTION '%: the instrument is published and frozen', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.tenant_id IS DISTINCT FROM parent_tenant THEN
    RAISE EXCEPTION '%: tenant differs from its instrument', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER instruments_guard BEFORE UPDATE OR DELETE ON instruments FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_guard();
--> statement-breakpoint
CREATE TRIGGER instrument_domains_guard BEFORE INSERT OR UPDATE OR DELETE ON instrument_domains FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_part_guard();
--> statement-breakpoint
CREATE TRIGGER instrument_competencies_guard BEFORE INSERT OR UPDATE OR DELETE ON instrument_competencies FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_part_guard();
--> statement-breakpoint
CREATE TRIGGER instrument_indicators_guard BEFORE INSERT OR UPDATE OR DELETE ON instrument_indicators FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_part_guard();
--> statement-breakpoint
CREATE TRIGGER instrument_indicator_focus_guard BEFORE INSERT OR UPDATE OR DELETE ON instrument_indicator_focus FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_part_guard();
--> statement-breakpoint
-- 3. What uses an instrument uses a published version, official or of its own tenant: the foreign keys
--    (instrument_code, instrument_version) cannot say "published" nor "same tenant".
CREATE OR REPLACE FUNCTION tumbuh_instrument_use_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_status text;
  parent_tenant uuid;
BEGIN
  SELECT i.status, i.tenant_id INTO parent_status, parent_tenant FROM instruments i WHERE i.code = NEW.instrument_code AND i.version = NEW.instrument_version;
  IF parent_status IS DISTINCT FROM 'published' OR (parent_tenant IS NOT NULL AND parent_tenant <> NEW.tenant_id) THEN
    RAISE EXCEPTION '%: instrument %@% is not a published instrument of this tenant', TG_TABLE_NAME, NEW.instrument_code, NEW.instrument_version USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER observations_instrument_guard BEFORE INSERT OR UPDATE OF instrument_code, instrument_version ON observations FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_use_guard();
--> statement-breakpoint
CREATE TRIGGER assessments_instrument_guard BEFORE INSERT OR UPDATE OF instrument_code, instrument_version ON assessments FOR EACH ROW EXECUTE FUNCTION tumbuh_instrument_use_guard();
