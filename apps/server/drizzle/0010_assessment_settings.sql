CREATE TABLE "assessment_revisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"reason" text NOT NULL,
	"revised_by" uuid NOT NULL,
	"revised_at" timestamp with time zone NOT NULL,
	"previous" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "assessment_revisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_settings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"band_rule" text NOT NULL,
	"year_starts_on" text NOT NULL,
	"formatif_starts_on" text NOT NULL,
	"formatif_ends_on" text NOT NULL,
	"sumatif_starts_on" text NOT NULL,
	"sumatif_ends_on" text NOT NULL,
	"weight_kepala" integer NOT NULL,
	"weight_pengawas" integer NOT NULL,
	"weight_peer" integer NOT NULL,
	"weight_self" integer NOT NULL,
	"show_combined" boolean NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_settings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_settings_band_rule_check" CHECK ("assessment_settings"."band_rule" in ('round-half-up', 'floor', 'exact')),
	CONSTRAINT "assessment_settings_weights_check" CHECK ("assessment_settings"."weight_kepala" between 0 and 100 and "assessment_settings"."weight_pengawas" between 0 and 100 and "assessment_settings"."weight_peer" between 0 and 100 and "assessment_settings"."weight_self" between 0 and 100 and "assessment_settings"."weight_kepala" + "assessment_settings"."weight_pengawas" + "assessment_settings"."weight_peer" + "assessment_settings"."weight_self" = 100)
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_revisions" ADD CONSTRAINT "assessment_revisions_tenant_id_assessment_id_assessments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assessment_id") REFERENCES "public"."assessments"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_revisions" ADD CONSTRAINT "assessment_revisions_tenant_id_revised_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","revised_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_tenant_id_updated_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","updated_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_revisions_version_key" ON "assessment_revisions" USING btree ("tenant_id","assessment_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_settings_madrasah_key" ON "assessment_settings" USING btree ("tenant_id","madrasah_id");