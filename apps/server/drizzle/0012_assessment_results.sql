CREATE TABLE "assessment_results" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"total" integer NOT NULL,
	"max_total" integer NOT NULL,
	"nilai" numeric(5, 2) NOT NULL,
	"category" text NOT NULL,
	"credit_percent" integer NOT NULL,
	"band_rule" text NOT NULL,
	"competency_values" smallint[] NOT NULL,
	"competency_scores" smallint[] NOT NULL,
	"focus_scores" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_results_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_results_category_check" CHECK ("assessment_results"."category" in ('Amat baik', 'Baik', 'Cukup', 'Sedang', 'Kurang')),
	CONSTRAINT "assessment_results_rater_kind_check" CHECK ("assessment_results"."rater_kind" in ('kepala', 'pengawas', 'peer', 'self'))
);
--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_id_assessments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","id") REFERENCES "public"."assessments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_period_id_assessment_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."assessment_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_results_period_idx" ON "assessment_results" USING btree ("tenant_id","period_id","rater_kind","category");--> statement-breakpoint
CREATE INDEX "assessment_results_teacher_idx" ON "assessment_results" USING btree ("tenant_id","teacher_id");