CREATE TABLE "focus_dimensions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_competencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_domains" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_indicator_focus" (
	"indicator_id" uuid NOT NULL,
	"focus" text NOT NULL,
	CONSTRAINT "instrument_indicator_focus_indicator_id_focus_pk" PRIMARY KEY("indicator_id","focus")
);
--> statement-breakpoint
CREATE TABLE "instrument_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"scoring_method" text NOT NULL,
	"source" text NOT NULL,
	"scale" jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "instrument_competencies" ADD CONSTRAINT "instrument_competencies_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_competencies" ADD CONSTRAINT "instrument_competencies_domain_id_instrument_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."instrument_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_domains" ADD CONSTRAINT "instrument_domains_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicator_focus" ADD CONSTRAINT "instrument_indicator_focus_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicator_focus" ADD CONSTRAINT "instrument_indicator_focus_focus_focus_dimensions_code_fk" FOREIGN KEY ("focus") REFERENCES "public"."focus_dimensions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicators" ADD CONSTRAINT "instrument_indicators_instrument_id_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicators" ADD CONSTRAINT "instrument_indicators_competency_id_instrument_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."instrument_competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_competencies_number_key" ON "instrument_competencies" USING btree ("instrument_id","number");--> statement-breakpoint
CREATE INDEX "instrument_competencies_domain_idx" ON "instrument_competencies" USING btree ("domain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_domains_code_key" ON "instrument_domains" USING btree ("instrument_id","code");--> statement-breakpoint
CREATE INDEX "instrument_indicator_focus_focus_idx" ON "instrument_indicator_focus" USING btree ("focus");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_indicators_number_key" ON "instrument_indicators" USING btree ("competency_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_indicators_order_key" ON "instrument_indicators" USING btree ("instrument_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "instruments_code_version_key" ON "instruments" USING btree ("code","version");