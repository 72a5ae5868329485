CREATE TABLE "feedback_answer_values" (
	"tenant_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"value" smallint NOT NULL,
	CONSTRAINT "feedback_answer_values_tenant_id_answer_id_item_id_pk" PRIMARY KEY("tenant_id","answer_id","item_id"),
	CONSTRAINT "feedback_answer_values_value_check" CHECK ("feedback_answer_values"."value" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "feedback_answers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"comment" text,
	CONSTRAINT "feedback_answers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "feedback_answers_comment_check" CHECK (char_length("feedback_answers"."comment") <= 500)
);
--> statement-breakpoint
CREATE TABLE "feedback_item_sets" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_item_sets_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"set_code" text NOT NULL,
	"set_version" integer NOT NULL,
	"number" integer NOT NULL,
	"focus" text NOT NULL,
	"text_id" text NOT NULL,
	"text_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_rounds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"subject_id" uuid,
	"class_name" text NOT NULL,
	"item_set_code" text NOT NULL,
	"item_set_version" integer NOT NULL,
	"token" text NOT NULL,
	"device_secret" "bytea",
	"status" text NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "feedback_rounds_status_check" CHECK ("feedback_rounds"."status" in ('open', 'closed')),
	CONSTRAINT "feedback_rounds_closed_check" CHECK (("feedback_rounds"."status" = 'closed') = ("feedback_rounds"."closed_at" is not null)),
	CONSTRAINT "feedback_rounds_class_check" CHECK (char_length("feedback_rounds"."class_name") between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"tenant_id" uuid NOT NULL,
	"min_answers" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_settings_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "feedback_settings_min_answers_check" CHECK ("feedback_settings"."min_answers" between 5 and 1000)
);
--> statement-breakpoint
ALTER TABLE "feedback_answer_values" ADD CONSTRAINT "feedback_answer_values_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answer_values" ADD CONSTRAINT "feedback_answer_values_tenant_id_answer_id_feedback_answers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","answer_id") REFERENCES "public"."feedback_answers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_tenant_id_round_id_feedback_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."feedback_rounds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_focus_focus_dimensions_code_fk" FOREIGN KEY ("focus") REFERENCES "public"."focus_dimensions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_set_code_set_version_feedback_item_sets_code_version_fk" FOREIGN KEY ("set_code","set_version") REFERENCES "public"."feedback_item_sets"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_tenant_id_subject_id_subjects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subject_id") REFERENCES "public"."subjects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rounds" ADD CONSTRAINT "feedback_rounds_item_set_code_item_set_version_feedback_item_sets_code_version_fk" FOREIGN KEY ("item_set_code","item_set_version") REFERENCES "public"."feedback_item_sets"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_answers_device_key" ON "feedback_answers" USING btree ("tenant_id","round_id","device_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_number_key" ON "feedback_items" USING btree ("set_code","set_version","number");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_rounds_token_key" ON "feedback_rounds" USING btree ("token");--> statement-breakpoint
CREATE INDEX "feedback_rounds_teacher_idx" ON "feedback_rounds" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
CREATE INDEX "feedback_rounds_madrasah_idx" ON "feedback_rounds" USING btree ("tenant_id","madrasah_id","created_at");