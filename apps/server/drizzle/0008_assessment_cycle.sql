CREATE TABLE "assessment_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_periods_dates_check" CHECK ("assessment_periods"."ends_on" >= "assessment_periods"."starts_on"),
	CONSTRAINT "assessment_periods_kind_check" CHECK ("assessment_periods"."kind" in ('formatif', 'sumatif')),
	CONSTRAINT "assessment_periods_status_check" CHECK ("assessment_periods"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "assessment_ratings" (
	"tenant_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"evidence" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_ratings_tenant_id_assessment_id_indicator_id_pk" PRIMARY KEY("tenant_id","assessment_id","indicator_id"),
	CONSTRAINT "assessment_ratings_score_check" CHECK ("assessment_ratings"."score" between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"instrument_code" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"rater_user_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"status" text NOT NULL,
	"finalised_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"teacher_comment" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessments_rater_kind_check" CHECK ("assessments"."rater_kind" in ('kepala', 'pengawas', 'peer', 'self')),
	CONSTRAINT "assessments_status_check" CHECK ("assessments"."status" in ('draft', 'final')),
	CONSTRAINT "assessments_final_check" CHECK (("assessments"."status" = 'final') = ("assessments"."finalised_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_tenant_id_assessment_id_assessments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assessment_id") REFERENCES "public"."assessments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_period_id_assessment_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."assessment_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_tenant_id_rater_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","rater_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_instrument_code_instrument_version_instruments_code_version_fk" FOREIGN KEY ("instrument_code","instrument_version") REFERENCES "public"."instruments"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_periods_kind_key" ON "assessment_periods" USING btree ("tenant_id","madrasah_id","academic_year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_rater_key" ON "assessments" USING btree ("tenant_id","period_id","teacher_id","rater_user_id","instrument_code");--> statement-breakpoint
CREATE INDEX "assessments_period_idx" ON "assessments" USING btree ("tenant_id","period_id","rater_kind","status");--> statement-breakpoint
CREATE INDEX "assessments_teacher_idx" ON "assessments" USING btree ("tenant_id","teacher_id");