ALTER TABLE "assessment_ratings" DROP CONSTRAINT "assessment_ratings_score_check";--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_score_range_check" CHECK ("assessment_ratings"."score" between 0 and 100);--> statement-breakpoint
-- A rating's score must be a level of its assessment's instrument version scale (PKG: 0, 1, 2; a
-- madrasah instrument: its own levels). The use cases check this first (422 assessment.invalid_score);
-- this trigger is the database's guard. A backup restore (system connection) reloads rows as they were.
CREATE OR REPLACE FUNCTION tumbuh_assessment_rating_on_scale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tumbuh.restoring', true) = 'on' AND current_user <> 'tumbuh_app' THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM assessments a
      JOIN instruments i ON i.code = a.instrument_code AND i.version = a.instrument_version
      CROSS JOIN LATERAL jsonb_array_elements(i.scale -> 'levels') AS l(level)
    WHERE a.tenant_id = NEW.tenant_id AND a.id = NEW.assessment_id AND (l.level ->> 'value')::int = NEW.score
  ) THEN
    RAISE EXCEPTION 'score % is not a level of the assessment''s instrument scale', NEW.score
      USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_ratings_score_check';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessment_ratings_on_scale BEFORE INSERT OR UPDATE OF score ON assessment_ratings
  FOR EACH ROW EXECUTE FUNCTION tumbuh_assessment_rating_on_scale();
