CREATE TABLE "mgmp_meeting_invitees" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mgmp_meeting_invitees_tenant_id_meeting_id_teacher_id_pk" PRIMARY KEY("tenant_id","meeting_id","teacher_id")
);
--> statement-breakpoint
ALTER TABLE "mgmp_meeting_invitees" ADD CONSTRAINT "mgmp_meeting_invitees_tenant_id_meeting_id_mgmp_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."mgmp_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mgmp_meeting_invitees" ADD CONSTRAINT "mgmp_meeting_invitees_tenant_id_teacher_id_teachers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","teacher_id") REFERENCES "public"."teachers"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mgmp_meeting_invitees_teacher_idx" ON "mgmp_meeting_invitees" USING btree ("tenant_id","teacher_id");--> statement-breakpoint
-- Hand-written below (never edit after it lands). Row-level security like every tenant table (0001),
-- and change notifications for the read-model cache (0022): the meeting views read the invitees.
SELECT tumbuh_enable_tenant_rls('mgmp_meeting_invitees'::regclass);
--> statement-breakpoint
SELECT tumbuh_enable_change_notify('mgmp_meeting_invitees'::regclass);
--> statement-breakpoint
-- Meetings planned before invitations existed: invited = the group's current members plus anyone
-- already recorded in the meeting's daftar hadir, so their attendance sheets read as before.
INSERT INTO mgmp_meeting_invitees (tenant_id, meeting_id, teacher_id)
SELECT m.tenant_id, m.id, mm.teacher_id FROM mgmp_meetings m
  JOIN mgmp_members mm ON mm.tenant_id = m.tenant_id AND mm.group_id = m.group_id
UNION
SELECT a.tenant_id, a.meeting_id, a.teacher_id FROM mgmp_attendance a
ON CONFLICT DO NOTHING;
