CREATE TABLE "observation_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"what" text NOT NULL,
	"due_date" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mgmp_group_id" uuid,
	"mgmp_meeting_id" uuid,
	"mgmp_agenda_item_id" uuid,
	"mgmp_follow_up_id" uuid,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	CONSTRAINT "observation_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "observation_goals_sent_check" CHECK (("observation_goals"."sent_at" is null) = ("observation_goals"."mgmp_group_id" is null))
);
--> statement-breakpoint
CREATE TABLE "observation_note_indicators" (
	"tenant_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "observation_note_indicators_tenant_id_note_id_indicator_id_pk" PRIMARY KEY("tenant_id","note_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "observation_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"noted_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "observation_ratings" (
	"tenant_id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" integer NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_ratings_tenant_id_observation_id_indicator_id_pk" PRIMARY KEY("tenant_id","observation_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "observation_reflections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"observation_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observation_reflections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "observation_reflections_role_check" CHECK ("observation_reflections"."author_role" in ('teacher', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"observer_user_id" uuid NOT NULL,
	"observer_kind" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"rombel" text NOT NULL,
	"subject_name" text NOT NULL,
	"topic" text NOT NULL,
	"focus" jsonb NOT NULL,
	"focus_indicator_ids" jsonb NOT NULL,
	"instrument_code" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"period_id" uuid,
	"status" text NOT NULL,
	"started_at" timestamp with time zone,
	"reflected_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "observations_observer_kind_check" CHECK ("observations"."observer_kind" in ('kepala', 'pengawas', 'peer')),
	CONSTRAINT "observations_status_check" CHECK ("observations"."status" in ('planned', 'in_progress', 'reflected', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "observation_goals" ADD CONSTRAINT "observation_goals_tenant_id_observation_id_observations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","observation_id") REFERENCES "public"."observations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_goals" ADD CONSTRAINT "observation_goals_tenant_id_mgmp_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","mgmp_group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_note_indicators" ADD CONSTRAINT "observation_note_indicators_tenant_id_note_id_observation_notes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","note_id") REFERENCES "public"."observation_notes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_note_indicators" ADD CONSTRAINT "observation_note_indicators_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_tenant_id_observation_id_observations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","observation_id") REFERENCES "public"."observations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_notes" ADD CONSTRAINT "observation_notes_tenant_id_author_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_ratings" ADD CONSTRAINT "observation_ratings_tenant_id_observation_id_observations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","observation_id") REFERENCES "public"."observations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_ratings" ADD CONSTRAINT "observation_ratings_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_reflections" ADD CONSTRAINT "observation_reflections_tenant_id_observation_id_observations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","observation_id") REFERENCES "public"."observations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_reflections" ADD CONSTRAINT "observation_reflections_tenant_id_author_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_tenant_id_observer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","observer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_tenant_id_period_id_assessment_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."assessment_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_instrument_code_instrument_version_instruments_code_version_fk" FOREIGN KEY ("instrument_code","instrument_version") REFERENCES "public"."instruments"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observation_goals_observation_idx" ON "observation_goals" USING btree ("tenant_id","observation_id");--> statement-breakpoint
CREATE INDEX "observation_note_indicators_indicator_idx" ON "observation_note_indicators" USING btree ("tenant_id","indicator_id");--> statement-breakpoint
CREATE INDEX "observation_notes_observation_idx" ON "observation_notes" USING btree ("tenant_id","observation_id","noted_at");--> statement-breakpoint
CREATE INDEX "observation_reflections_observation_idx" ON "observation_reflections" USING btree ("tenant_id","observation_id","created_at");--> statement-breakpoint
CREATE INDEX "observations_teacher_idx" ON "observations" USING btree ("tenant_id","teacher_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "observations_madrasah_idx" ON "observations" USING btree ("tenant_id","madrasah_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "observations_observer_idx" ON "observations" USING btree ("tenant_id","observer_user_id");