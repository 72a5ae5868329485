-- Read-model cache invalidation (modules/cache, see docs/ARCHITECTURE.md "Read-model cache").
-- Every write to a table a cached view reads sends pg_notify('tumbuh_changes', <tenant id>) once per
-- statement and tenant; PostgreSQL delivers notifications only on commit and folds identical ones of a
-- transaction into one. Every server process LISTENs and drops that tenant's cached payloads.
-- TRUNCATE (no rows to name) says '*': every tenant. Hand-written; never edit after it lands.
CREATE OR REPLACE FUNCTION tumbuh_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('tumbuh_changes', '*');
    RETURN NULL;
  END IF;
  FOR t IN SELECT DISTINCT tenant_id::text FROM tumbuh_changed_rows LOOP
    PERFORM pg_notify('tumbuh_changes', t);
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Statement-level triggers (one notification per statement, not per row); a trigger with a transition
-- table takes one event, hence one per INSERT / UPDATE / DELETE. Later migrations call this for new
-- tables a cached view reads.
CREATE OR REPLACE FUNCTION tumbuh_enable_change_notify(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS tumbuh_changes_insert ON %s', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS tumbuh_changes_update ON %s', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS tumbuh_changes_delete ON %s', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS tumbuh_changes_truncate ON %s', tbl);
  EXECUTE format('CREATE TRIGGER tumbuh_changes_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS tumbuh_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_changes()', tbl);
  EXECUTE format('CREATE TRIGGER tumbuh_changes_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS tumbuh_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_changes()', tbl);
  EXECUTE format('CREATE TRIGGER tumbuh_changes_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS tumbuh_changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_changes()', tbl);
  EXECUTE format('CREATE TRIGGER tumbuh_changes_truncate AFTER TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_notify_changes()', tbl);
END
$$;
--> statement-breakpoint
-- The tables the cached views read: the MGMP group overview (groups, members, meetings, attendance,
-- decisions, follow-ups, programme items, topics; teacher names) and a teacher's growth (teachers,
-- periods, final assessments and their stored results, rater names, feedback rounds and answers,
-- shared observation notes), plus what decides who may see them (madrasahs, teachers, members).
SELECT tumbuh_enable_change_notify(t::regclass) FROM unnest(ARRAY[
  'madrasahs', 'teachers', 'users', 'subjects',
  'mgmp_groups', 'mgmp_members', 'mgmp_topics', 'mgmp_programme_items', 'mgmp_meetings', 'mgmp_agenda_items',
  'mgmp_attendance', 'mgmp_minutes', 'mgmp_decisions', 'mgmp_votes', 'mgmp_follow_ups', 'mgmp_follow_up_owners',
  'assessment_periods', 'assessments', 'assessment_results', 'assessment_settings',
  'feedback_settings', 'feedback_rounds', 'feedback_answers', 'feedback_answer_values',
  'observations', 'observation_notes', 'observation_note_indicators'
]) AS t;
