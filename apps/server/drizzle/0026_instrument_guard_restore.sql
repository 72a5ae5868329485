-- The instrument freeze triggers (0025) step aside for a backup restore only: the restore runs on the
-- system connection (owner / superuser, never tumbuh_app) and sets `tumbuh.restoring` for its own
-- transaction, so published instruments and their trees are reloaded as they were. Every request runs
-- as tumbuh_app, for which the freeze always holds. Hand-written; never edit after it lands.
CREATE OR REPLACE FUNCTION tumbuh_instrument_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A restore (system connection, never the request role) reloads rows exactly as they were backed up.
  IF current_setting('tumbuh.restoring', true) = 'on' AND current_user <> 'tumbuh_app' THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
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
  -- A restore (system connection, never the request role) reloads rows exactly as they were backed up.
  IF current_setting('tumbuh.restoring', true) = 'on' AND current_user <> 'tumbuh_app' THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;
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
