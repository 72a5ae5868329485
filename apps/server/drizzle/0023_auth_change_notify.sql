-- Authenticated-session cache invalidation (modules/tenancy/session-cache.ts, see docs/ARCHITECTURE.md
-- "Session cache"). Every change to what a signed-in request is resolved from — the account (users), its
-- role grants, its sessions — sends pg_notify('tumbuh_auth_changed', '<tenant id>:<user id>'); TRUNCATE
-- sends '*'. PostgreSQL delivers notifications only on commit, folds identical ones of a transaction into
-- one, and delivers a listening connection's own notifications before it answers the COMMIT: every pool
-- connection of the server LISTENs, so a change made through the server is dropped from its cache before
-- the writing request answers; other processes hear it from their listener within milliseconds.
-- Left out on purpose: a new session (nothing cached yet), a login's last_login_at, and a session's
-- sliding expiry (last_seen_at, a later expires_at): the cache never outlives the expiry it read.
-- ENABLE ALWAYS: also under session_replication_role = replica (bulk loads, restores).
-- Hand-written; never edit after it lands.
CREATE OR REPLACE FUNCTION tumbuh_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('tumbuh_auth_changed', '*');
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'users' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tumbuh_auth_changed', OLD.tenant_id::text || ':' || OLD.id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tumbuh_auth_changed', NEW.tenant_id::text || ':' || NEW.id::text); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tumbuh_auth_changed', OLD.tenant_id::text || ':' || OLD.user_id::text); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tumbuh_auth_changed', NEW.tenant_id::text || ':' || NEW.user_id::text); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- users: any change but the login time (and updated_at, which moves with it).
CREATE TRIGGER tumbuh_auth_users_update AFTER UPDATE ON users FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_login_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_login_at' - 'updated_at'))
  EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER tumbuh_auth_users_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER tumbuh_auth_users_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
-- role_grants: every insert, update and delete.
CREATE TRIGGER tumbuh_auth_role_grants_change AFTER INSERT OR UPDATE OR DELETE ON role_grants FOR EACH ROW EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER tumbuh_auth_role_grants_truncate AFTER TRUNCATE ON role_grants FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
-- sessions: a delete (logout, deactivation), an earlier expiry, or any other change than the sliding
-- expiry (last_seen_at and a later expires_at).
CREATE TRIGGER tumbuh_auth_sessions_update AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (NEW.expires_at < OLD.expires_at
    OR (to_jsonb(OLD) - 'last_seen_at' - 'expires_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at' - 'expires_at'))
  EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER tumbuh_auth_sessions_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER tumbuh_auth_sessions_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_auth_change();
--> statement-breakpoint
ALTER TABLE users ENABLE ALWAYS TRIGGER tumbuh_auth_users_update;
--> statement-breakpoint
ALTER TABLE users ENABLE ALWAYS TRIGGER tumbuh_auth_users_delete;
--> statement-breakpoint
ALTER TABLE users ENABLE ALWAYS TRIGGER tumbuh_auth_users_truncate;
--> statement-breakpoint
ALTER TABLE role_grants ENABLE ALWAYS TRIGGER tumbuh_auth_role_grants_change;
--> statement-breakpoint
ALTER TABLE role_grants ENABLE ALWAYS TRIGGER tumbuh_auth_role_grants_truncate;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ALWAYS TRIGGER tumbuh_auth_sessions_update;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ALWAYS TRIGGER tumbuh_auth_sessions_delete;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ALWAYS TRIGGER tumbuh_auth_sessions_truncate;
