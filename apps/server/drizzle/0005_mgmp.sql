CREATE TABLE "mgmp_agenda_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"follow_up_id" uuid,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_agenda_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_attendance" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"code" text NOT NULL,
	"note" text,
	"checked_in_at" timestamp with time zone,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_attendance_tenant_id_meeting_id_teacher_id_pk" PRIMARY KEY("tenant_id","meeting_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"proposal" text NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"adopted" boolean,
	"statement" text,
	"rationale" text,
	"review_date" date,
	"reviewed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_follow_up_owners" (
	"tenant_id" uuid NOT NULL,
	"follow_up_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "mgmp_follow_up_owners_tenant_id_follow_up_id_teacher_id_pk" PRIMARY KEY("tenant_id","follow_up_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"decision_id" uuid,
	"agenda_item_id" uuid,
	"what" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"evidence" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid,
	"subject_id" uuid,
	"cluster_id" uuid,
	"name" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"quorum" jsonb DEFAULT '{"kind":"majority"}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "mgmp_groups_term_check" CHECK ("mgmp_groups"."term_end" >= "mgmp_groups"."term_start")
);
--> statement-breakpoint
CREATE TABLE "mgmp_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"status" text NOT NULL,
	"cancel_reason" text,
	"check_in_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "mgmp_meetings_time_check" CHECK ("mgmp_meetings"."ends_at" > "mgmp_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "mgmp_members" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_members_tenant_id_group_id_teacher_id_pk" PRIMARY KEY("tenant_id","group_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_minutes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"summary" text NOT NULL,
	"problems" text,
	"contributions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"correction_reason" text,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_minutes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_programme_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"academic_year" text NOT NULL,
	"type" text NOT NULL,
	"topic_id" uuid,
	"title" text NOT NULL,
	"target_month" text NOT NULL,
	"person_in_charge_id" uuid,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_programme_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_topics" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"madrasah_id" uuid,
	"code" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_topics_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mgmp_votes" (
	"tenant_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_votes_tenant_id_decision_id_teacher_id_pk" PRIMARY KEY("tenant_id","decision_id","teacher_id")
);
--> statement-breakpoint
ALTER TABLE "mgmp_agenda_items" ADD CONSTRAINT "mgmp_agenda_items_tenant_id_meeting_id_mgmp_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."mgmp_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_attendance" ADD CONSTRAINT "mgmp_attendance_tenant_id_meeting_id_mgmp_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."mgmp_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_attendance" ADD CONSTRAINT "mgmp_attendance_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_decisions" ADD CONSTRAINT "mgmp_decisions_tenant_id_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_decisions" ADD CONSTRAINT "mgmp_decisions_tenant_id_meeting_id_mgmp_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."mgmp_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_decisions" ADD CONSTRAINT "mgmp_decisions_tenant_id_agenda_item_id_mgmp_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."mgmp_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_follow_up_owners" ADD CONSTRAINT "mgmp_follow_up_owners_tenant_id_follow_up_id_mgmp_follow_ups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","follow_up_id") REFERENCES "public"."mgmp_follow_ups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_follow_up_owners" ADD CONSTRAINT "mgmp_follow_up_owners_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_follow_ups" ADD CONSTRAINT "mgmp_follow_ups_tenant_id_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_follow_ups" ADD CONSTRAINT "mgmp_follow_ups_tenant_id_decision_id_mgmp_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."mgmp_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_follow_ups" ADD CONSTRAINT "mgmp_follow_ups_tenant_id_agenda_item_id_mgmp_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."mgmp_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_groups" ADD CONSTRAINT "mgmp_groups_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_groups" ADD CONSTRAINT "mgmp_groups_tenant_id_subject_id_subjects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subject_id") REFERENCES "public"."subjects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_groups" ADD CONSTRAINT "mgmp_groups_tenant_id_cluster_id_clusters_tenant_id_id_fk" FOREIGN KEY ("tenant_id","cluster_id") REFERENCES "public"."clusters"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_meetings" ADD CONSTRAINT "mgmp_meetings_tenant_id_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_members" ADD CONSTRAINT "mgmp_members_tenant_id_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_members" ADD CONSTRAINT "mgmp_members_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_minutes" ADD CONSTRAINT "mgmp_minutes_tenant_id_agenda_item_id_mgmp_agenda_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","agenda_item_id") REFERENCES "public"."mgmp_agenda_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_programme_items" ADD CONSTRAINT "mgmp_programme_items_tenant_id_group_id_mgmp_groups_tenant_id_id_fk" FOREIGN KEY ("tenant_id","group_id") REFERENCES "public"."mgmp_groups"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_programme_items" ADD CONSTRAINT "mgmp_programme_items_tenant_id_topic_id_mgmp_topics_tenant_id_id_fk" FOREIGN KEY ("tenant_id","topic_id") REFERENCES "public"."mgmp_topics"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_programme_items" ADD CONSTRAINT "mgmp_programme_items_tenant_id_person_in_charge_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_in_charge_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_programme_items" ADD CONSTRAINT "mgmp_programme_items_tenant_id_meeting_id_mgmp_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."mgmp_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_topics" ADD CONSTRAINT "mgmp_topics_tenant_id_madrasah_id_madrasahs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","madrasah_id") REFERENCES "public"."madrasahs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_votes" ADD CONSTRAINT "mgmp_votes_tenant_id_decision_id_mgmp_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."mgmp_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_votes" ADD CONSTRAINT "mgmp_votes_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mgmp_agenda_meeting_idx" ON "mgmp_agenda_items" USING btree ("tenant_id","meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "mgmp_attendance_teacher_idx" ON "mgmp_attendance" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
CREATE INDEX "mgmp_decisions_group_idx" ON "mgmp_decisions" USING btree ("tenant_id","group_id","status","review_date");--> statement-breakpoint
CREATE INDEX "mgmp_follow_up_owners_teacher_idx" ON "mgmp_follow_up_owners" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
CREATE INDEX "mgmp_follow_ups_group_idx" ON "mgmp_follow_ups" USING btree ("tenant_id","group_id","status","due_date");--> statement-breakpoint
CREATE INDEX "mgmp_groups_madrasah_idx" ON "mgmp_groups" USING btree ("tenant_id","madrasah_id","name");--> statement-breakpoint
CREATE INDEX "mgmp_meetings_group_idx" ON "mgmp_meetings" USING btree ("tenant_id","group_id","starts_at");--> statement-breakpoint
CREATE INDEX "mgmp_members_teacher_idx" ON "mgmp_members" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mgmp_minutes_revision_key" ON "mgmp_minutes" USING btree ("tenant_id","agenda_item_id","revision");--> statement-breakpoint
CREATE INDEX "mgmp_programme_group_idx" ON "mgmp_programme_items" USING btree ("tenant_id","group_id","academic_year","target_month");--> statement-breakpoint
CREATE UNIQUE INDEX "mgmp_topics_code_key" ON "mgmp_topics" USING btree ("tenant_id","code");