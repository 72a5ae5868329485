import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { idSchema, listQuerySchema, listResponseSchema, optionalText, requiredText } from './common.ts';

// ---------- Words of the MGMP domain (see docs/GLOSSARY.md) ----------
/** Office in a group: ketua (chair), sekretaris, bendahara (treasurer), anggota (member). */
export const MGMP_MEMBER_ROLES = ['ketua', 'sekretaris', 'bendahara', 'anggota'] as const;
export type MgmpMemberRole = (typeof MGMP_MEMBER_ROLES)[number];
/** Program kerja activity types (Rambu-rambu KKG/MGMP). */
export const MGMP_PROGRAMME_TYPES = ['rutin', 'pengembangan', 'penunjang'] as const;
export type MgmpProgrammeType = (typeof MGMP_PROGRAMME_TYPES)[number];
/** Meeting status: direncanakan → berlangsung → selesai, or dibatalkan. */
export const MGMP_MEETING_STATUSES = ['direncanakan', 'berlangsung', 'selesai', 'dibatalkan'] as const;
export type MgmpMeetingStatus = (typeof MGMP_MEETING_STATUSES)[number];
/** Agenda item kinds; the two review kinds are added by themselves when a meeting is created. */
export const MGMP_AGENDA_KINDS = ['biasa', 'proposal', 'tindak-lanjut-review', 'keputusan-review'] as const;
export type MgmpAgendaKind = (typeof MGMP_AGENDA_KINDS)[number];
/** Daftar hadir codes: H hadir, I izin, S sakit, A alpa. Only H counts as present. */
export const MGMP_ATTENDANCE_CODES = ['H', 'I', 'S', 'A'] as const;
export type MgmpAttendanceCode = (typeof MGMP_ATTENDANCE_CODES)[number];
export const MGMP_MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MgmpMinutesStatus = (typeof MGMP_MINUTES_STATUSES)[number];
export const MGMP_DECISION_STATUSES = ['open', 'closed'] as const;
export type MgmpDecisionStatus = (typeof MGMP_DECISION_STATUSES)[number];
/** How a musyawarah closed: mufakat (consensus, recorded by the ketua) or a vote among present members. */
export const MGMP_DECISION_OUTCOMES = ['mufakat', 'vote'] as const;
export type MgmpDecisionOutcome = (typeof MGMP_DECISION_OUTCOMES)[number];
/** setuju (agree), abstain, tidak_setuju (disagree), blok (keberatan: a block that the outcome must answer). */
export const MGMP_VOTE_CHOICES = ['setuju', 'abstain', 'tidak_setuju', 'blok'] as const;
export type MgmpVoteChoice = (typeof MGMP_VOTE_CHOICES)[number];
/** Follow-up (tindak lanjut) status. */
export const MGMP_FOLLOW_UP_STATUSES = ['belum', 'sedang', 'selesai', 'batal'] as const;
export type MgmpFollowUpStatus = (typeof MGMP_FOLLOW_UP_STATUSES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'invalid_date');
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset');
const academicYear = z.string().regex(/^\d{4}\/\d{4}$/, 'invalid_academic_year').describe("Tahun pelajaran, e.g. '2026/2027'");
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month').describe("'YYYY-MM'");

// ---------- Groups ----------
/** Quorum of a group: more than half of the members present (default), or at least a fraction of them. */
export const mgmpQuorumSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('majority') }),
  z.strictObject({ kind: z.literal('fraction'), numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) }).refine((q) => q.numerator <= q.denominator, 'invalid_fraction'),
]);
export type MgmpQuorum = z.infer<typeof mgmpQuorumSchema>;

/** How much of a group the requester may see: manage (officer / kepala / operator), member (read), exists (name only). */
export const MGMP_ACCESS = ['manage', 'member', 'exists'] as const;
export type MgmpAccess = (typeof MGMP_ACCESS)[number];

const mgmpGroupBaseSchema = z.object({
  id: idSchema,
  madrasahId: idSchema.nullable().describe('Null: tenant-level (district) group'),
  subjectId: idSchema.nullable(),
  clusterId: idSchema.nullable(),
  name: z.string(),
  archived: z.boolean(),
  access: z.enum(MGMP_ACCESS),
  myRole: z.enum(MGMP_MEMBER_ROLES).nullable().describe("The requester's office in the group; null when not a member (or without a teacher record)"),
});
/** What every teacher of the tenant may see of a group on the list (one request for the whole page). */
export const mgmpGroupSummarySchema = mgmpGroupBaseSchema.extend({
  memberCount: z.number().int().min(0),
  nextMeeting: z
    .object({ id: idSchema, title: z.string(), startsAt: dateTime, status: z.enum(MGMP_MEETING_STATUSES) })
    .nullable()
    .describe('The earliest planned or running meeting that has not ended; null when none, or when the requester may not read the meetings (access exists)'),
  subjectName: z.string().nullable(),
  clusterName: z.string().nullable(),
});
export type MgmpGroupSummary = z.infer<typeof mgmpGroupSummarySchema>;
export const mgmpGroupListSchema = listResponseSchema(mgmpGroupSummarySchema);
export const mgmpGroupListQuerySchema = listQuerySchema.extend({
  madrasahId: idSchema.optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  mine: z.enum(['true', 'false']).optional().describe('Only groups the requester is a member of'),
});

export const mgmpMemberSchema = z.object({ teacherId: idSchema, name: z.string(), role: z.enum(MGMP_MEMBER_ROLES) });
export type MgmpMember = z.infer<typeof mgmpMemberSchema>;
export const mgmpGroupSchema = mgmpGroupBaseSchema.extend({
  termStart: z.string().describe('Periode kepengurusan: first day (YYYY-MM-DD)'),
  termEnd: z.string(),
  quorum: mgmpQuorumSchema,
  archivedAt: z.string().nullable(),
  members: z.array(mgmpMemberSchema),
});
export type MgmpGroup = z.infer<typeof mgmpGroupSchema>;

const memberInput = z.strictObject({ teacherId: idSchema, role: z.enum(MGMP_MEMBER_ROLES) });
export const createMgmpGroupSchema = z
  .strictObject({
    madrasahId: idSchema.nullable().describe('Null for a tenant-level (district) group'),
    subjectId: idSchema.nullable().optional(),
    clusterId: idSchema.nullable().optional(),
    name: requiredText(),
    termStart: isoDate,
    termEnd: isoDate,
    quorum: mgmpQuorumSchema.default({ kind: 'majority' }),
    members: z.array(memberInput).max(500).default([]),
  })
  .refine((g) => g.termEnd >= g.termStart, { message: 'term_end_before_start', path: ['termEnd'] });
export type CreateMgmpGroupInput = z.infer<typeof createMgmpGroupSchema>;
export const updateMgmpGroupSchema = z.strictObject({
  name: requiredText().optional(),
  subjectId: idSchema.nullable().optional(),
  clusterId: idSchema.nullable().optional(),
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  quorum: mgmpQuorumSchema.optional(),
});
export type UpdateMgmpGroupInput = z.infer<typeof updateMgmpGroupSchema>;
export const replaceMgmpMembersSchema = z.strictObject({ members: z.array(memberInput).max(500) });

// ---------- Topics ----------
export const mgmpTopicSchema = z.object({ id: idSchema, madrasahId: idSchema.nullable(), code: z.string().nullable(), name: z.string() });
export type MgmpTopic = z.infer<typeof mgmpTopicSchema>;
export const mgmpTopicListSchema = listResponseSchema(mgmpTopicSchema);
export const mgmpTopicListQuerySchema = listQuerySchema.extend({ madrasahId: idSchema.optional() });
export const createMgmpTopicSchema = z.strictObject({ madrasahId: idSchema.nullable(), name: requiredText() });

// ---------- Programme (program kerja) ----------
export const mgmpProgrammeItemSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  academicYear: z.string(),
  type: z.enum(MGMP_PROGRAMME_TYPES),
  topicId: idSchema.nullable(),
  topicName: z.string().nullable(),
  title: z.string(),
  targetMonth: z.string(),
  personInChargeId: idSchema.nullable(),
  personInChargeName: z.string().nullable(),
  meetingId: idSchema.nullable().describe('Set once the activity became a meeting'),
  meetingStatus: z.enum(MGMP_MEETING_STATUSES).nullable(),
});
export type MgmpProgrammeItem = z.infer<typeof mgmpProgrammeItemSchema>;
export const mgmpProgrammeListSchema = z.object({
  items: z.array(mgmpProgrammeItemSchema),
  total: z.number().int(),
  planned: z.number().int().describe('Activities in the programme (of this page filter)'),
  held: z.number().int().describe('Of those, realised as a meeting that was held (selesai)'),
});
export const mgmpProgrammeListQuerySchema = listQuerySchema.extend({ academicYear: academicYear.optional() });
export const createMgmpProgrammeItemSchema = z.strictObject({
  academicYear,
  type: z.enum(MGMP_PROGRAMME_TYPES),
  topicId: idSchema.nullable().optional(),
  title: requiredText(),
  targetMonth: yearMonth,
  personInChargeId: idSchema.nullable().optional(),
});
export const updateMgmpProgrammeItemSchema = createMgmpProgrammeItemSchema.partial();

// ---------- Meetings ----------
export const mgmpAgendaItemSchema = z.object({
  id: idSchema,
  meetingId: idSchema,
  ordinal: z.number().int(),
  title: z.string(),
  kind: z.enum(MGMP_AGENDA_KINDS),
  followUpId: idSchema.nullable(),
  decisionId: idSchema.nullable(),
});
export type MgmpAgendaItem = z.infer<typeof mgmpAgendaItemSchema>;
export const mgmpMeetingSummarySchema = z.object({
  id: idSchema,
  groupId: idSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(MGMP_MEETING_STATUSES),
  cancelReason: z.string().nullable(),
});
export type MgmpMeetingSummary = z.infer<typeof mgmpMeetingSummarySchema>;
/** One invited teacher of a meeting: a member of the group (role) or a guest (role null, e.g. a narasumber). */
export const mgmpInviteeSchema = z.object({
  teacherId: idSchema,
  name: z.string(),
  role: z.enum(MGMP_MEMBER_ROLES).nullable().describe("The teacher's office in the group; null: a guest (not a member of the group)"),
});
export type MgmpInvitee = z.infer<typeof mgmpInviteeSchema>;
export const mgmpMeetingSchema = mgmpMeetingSummarySchema.extend({
  checkInCode: z.string().nullable().describe('Shown to officers only (for the screen members scan or type from)'),
  checkInOpensAt: z.string(),
  checkInClosesAt: z.string(),
  agenda: z.array(mgmpAgendaItemSchema),
  invitees: z.array(mgmpInviteeSchema).describe('Who is invited (members first by office, then guests; by name)'),
});
export type MgmpMeeting = z.infer<typeof mgmpMeetingSchema>;
export const mgmpMeetingListSchema = listResponseSchema(mgmpMeetingSummarySchema);
export const mgmpMeetingListQuerySchema = listQuerySchema.extend({ status: z.enum(MGMP_MEETING_STATUSES).optional() });

const agendaInput = z.strictObject({ title: requiredText(), kind: z.enum(['biasa', 'proposal']).default('biasa') });
const meetingFields = {
  title: requiredText(),
  startsAt: dateTime,
  endsAt: dateTime,
  place: optionalText(),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(LIMITS.nameMax).nullish(),
};
/**
 * The invited teachers: members of the group and, as guests, teachers of the group's madrasah (any
 * teacher of the tenant the requester sees, for a tenant-level group). Omitted on create: every member.
 * Each at most once, at least one. Changed only while the meeting is planned.
 */
const invitedTeacherIds = z
  .array(idSchema)
  .max(500)
  .describe("Invited teachers: members of the group and guests (teachers of the group's madrasah); omitted on create = every member; changed only while planned")
  .optional();
export const createMgmpMeetingSchema = z
  .strictObject({ ...meetingFields, agenda: z.array(agendaInput).max(50).default([]), invitedTeacherIds })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: 'ends_before_start', path: ['endsAt'] });
export type CreateMgmpMeetingInput = z.infer<typeof createMgmpMeetingSchema>;
export const scheduleMgmpProgrammeItemSchema = z
  .strictObject({ title: requiredText().optional(), startsAt: dateTime, endsAt: dateTime, place: optionalText(), onlineUrl: meetingFields.onlineUrl, invitedTeacherIds })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: 'ends_before_start', path: ['endsAt'] });
export const updateMgmpMeetingSchema = z.strictObject({
  title: requiredText().optional(),
  startsAt: dateTime.optional(),
  endsAt: dateTime.optional(),
  place: optionalText(),
  onlineUrl: meetingFields.onlineUrl,
  invitedTeacherIds,
});
export const transitionMgmpMeetingSchema = z.strictObject({ to: z.enum(['berlangsung', 'selesai']) });
export const cancelMgmpMeetingSchema = z.strictObject({ reason: requiredText(LIMITS.textMax) });
export const createMgmpAgendaItemSchema = agendaInput;
export const updateMgmpAgendaItemSchema = z.strictObject({ title: requiredText() });
export const reorderMgmpAgendaSchema = z.strictObject({ ids: z.array(idSchema).min(1).max(100) });

// ---------- Attendance ----------
export const mgmpAttendanceRowSchema = z.object({
  teacherId: idSchema,
  name: z.string(),
  role: z.enum(MGMP_MEMBER_ROLES).nullable().describe('Null when no longer a member'),
  code: z.enum(MGMP_ATTENDANCE_CODES).nullable().describe('Null: not recorded yet'),
  note: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  source: z.enum(['sekretaris', 'self']).nullable(),
  invited: z.boolean().describe('On the invitation list; false: a member who checked in uninvited, or a record kept from before'),
});
export const mgmpAttendanceSchema = z.object({
  items: z.array(mgmpAttendanceRowSchema),
  total: z.number().int(),
  present: z.number().int().describe('Members marked H'),
  members: z.number().int(),
  invited: z.number().int().describe('Teachers on the invitation list'),
  quorumMet: z.boolean(),
});
export const putMgmpAttendanceSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        teacherId: idSchema,
        code: z.enum(MGMP_ATTENDANCE_CODES),
        note: optionalText(LIMITS.attendanceNoteMax).describe('Absent: the stored note is kept; null or empty: cleared'),
      }),
    )
    .min(1)
    .max(500)
    .describe("H again over a member's self check-in keeps its source and time; the check-in time is never cleared by an officer"),
});
export const mgmpCheckInSchema = z.strictObject({ code: z.string().trim().min(4).max(12) });
export const mgmpCheckInResultSchema = z.object({ meetingId: idSchema, teacherId: idSchema, code: z.literal('H'), checkedInAt: z.string() });

// ---------- Minutes (notulen) ----------
export const mgmpContributionSchema = z.strictObject({ teacherId: idSchema, text: requiredText(LIMITS.textMax) });
export const mgmpMinutesSchema = z.object({
  id: idSchema,
  agendaItemId: idSchema,
  revision: z.number().int(),
  summary: z.string(),
  problems: z.string().nullable(),
  contributions: z.array(z.object({ teacherId: idSchema, text: z.string() })),
  status: z.enum(MGMP_MINUTES_STATUSES),
  correctionReason: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MgmpMinutes = z.infer<typeof mgmpMinutesSchema>;
export const mgmpMinutesHistorySchema = listResponseSchema(mgmpMinutesSchema).describe('All revisions, newest first');
export const putMgmpMinutesSchema = z.strictObject({
  summary: requiredText(LIMITS.textMax),
  problems: optionalText(LIMITS.textMax),
  contributions: z.array(mgmpContributionSchema).max(100).default([]),
});
export const reviseMgmpMinutesSchema = putMgmpMinutesSchema.extend({ reason: requiredText(LIMITS.textMax) });

// ---------- Decisions (musyawarah) ----------
export const mgmpVoteTallySchema = z.object({ setuju: z.number().int(), abstain: z.number().int(), tidak_setuju: z.number().int(), blok: z.number().int() });
export const mgmpDecisionSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  meetingId: idSchema,
  agendaItemId: idSchema,
  proposal: z.string(),
  status: z.enum(MGMP_DECISION_STATUSES),
  outcome: z.enum(MGMP_DECISION_OUTCOMES).nullable(),
  adopted: z.boolean().nullable(),
  statement: z.string().nullable(),
  rationale: z.string().nullable(),
  reviewDate: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable().describe('What the group found when it reviewed the decision'),
  dueForReview: z.boolean(),
  closedAt: z.string().nullable(),
  tally: mgmpVoteTallySchema,
  votes: z.array(z.object({ teacherId: idSchema, name: z.string(), choice: z.enum(MGMP_VOTE_CHOICES) })),
});
export type MgmpDecision = z.infer<typeof mgmpDecisionSchema>;
export const mgmpDecisionListSchema = listResponseSchema(mgmpDecisionSchema);
export const mgmpDecisionListQuerySchema = listQuerySchema.extend({
  status: z.enum(MGMP_DECISION_STATUSES).optional(),
  dueForReview: z.enum(['true']).optional(),
});
export const createMgmpDecisionSchema = z.strictObject({ proposal: requiredText(LIMITS.textMax) });
export const castMgmpVoteSchema = z.strictObject({
  choice: z.enum(MGMP_VOTE_CHOICES),
  teacherId: idSchema.optional().describe('Recorded by an officer for a present member; default: the requester'),
});
export const closeMgmpDecisionSchema = z.strictObject({
  outcome: z.enum(MGMP_DECISION_OUTCOMES),
  statement: requiredText(LIMITS.textMax),
  rationale: optionalText(LIMITS.textMax),
  reviewDate: isoDate.nullish(),
});
export const reviewMgmpDecisionSchema = z.strictObject({ note: optionalText(LIMITS.textMax) });
/**
 * Corrects a closed decision's wording (an audited revision): the statement, the rationale and the
 * review date. The outcome and the votes are records of what the members did and are not revisable.
 */
export const reviseMgmpDecisionSchema = z.strictObject({
  statement: requiredText(LIMITS.textMax).optional(),
  rationale: optionalText(LIMITS.textMax),
  reviewDate: isoDate.nullish(),
  reason: requiredText(LIMITS.textMax).describe('Why the decision is corrected (kept with the earlier wording)'),
});
export type ReviseMgmpDecisionInput = z.infer<typeof reviseMgmpDecisionSchema>;
/** The revisable wording of a closed decision. */
export const mgmpDecisionWordingSchema = z.object({ statement: z.string().nullable(), rationale: z.string().nullable(), reviewDate: z.string().nullable() });
/** One correction of a closed decision, read from the audit log: the wording before and after it. */
export const mgmpDecisionRevisionSchema = z.object({
  revision: z.number().int().describe('1 = the first correction after closing'),
  reason: z.string(),
  revisedAt: z.string(),
  revisedBy: z.string().describe('Name of the account that made the correction'),
  before: mgmpDecisionWordingSchema,
  after: mgmpDecisionWordingSchema,
});
export type MgmpDecisionRevision = z.infer<typeof mgmpDecisionRevisionSchema>;
export const mgmpDecisionRevisionListSchema = listResponseSchema(mgmpDecisionRevisionSchema).describe('Every correction, newest first (the earliest `before` is the wording as closed)');

// ---------- Follow-ups (tindak lanjut) ----------
export const mgmpFollowUpSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  decisionId: idSchema.nullable(),
  agendaItemId: idSchema.nullable(),
  what: z.string(),
  dueDate: z.string(),
  status: z.enum(MGMP_FOLLOW_UP_STATUSES),
  evidence: z.string().nullable(),
  overdue: z.boolean(),
  owners: z.array(z.object({ teacherId: idSchema, name: z.string() })),
  completedAt: z.string().nullable(),
});
export type MgmpFollowUp = z.infer<typeof mgmpFollowUpSchema>;
export const mgmpFollowUpListSchema = listResponseSchema(mgmpFollowUpSchema);
export const mgmpFollowUpListQuerySchema = listQuerySchema.extend({
  status: z.enum(MGMP_FOLLOW_UP_STATUSES).optional(),
  overdue: z.enum(['true']).optional(),
});
export const createMgmpFollowUpSchema = z.strictObject({
  what: requiredText(LIMITS.textMax),
  dueDate: isoDate,
  ownerIds: z.array(idSchema).min(1, 'owner_required').max(50),
  decisionId: idSchema.nullable().optional(),
  agendaItemId: idSchema.nullable().optional(),
});
export const updateMgmpFollowUpSchema = z.strictObject({
  status: z.enum(MGMP_FOLLOW_UP_STATUSES).optional(),
  evidence: optionalText(LIMITS.textMax),
  what: requiredText(LIMITS.textMax).optional(),
  dueDate: isoDate.optional(),
  ownerIds: z.array(idSchema).min(1, 'owner_required').max(50).optional(),
});
export type UpdateMgmpFollowUpInput = z.infer<typeof updateMgmpFollowUpSchema>;

// ---------- Overview ----------
export const mgmpOverviewQuerySchema = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const mgmpOverviewSchema = z.object({
  groupId: idSchema,
  from: z.string(),
  to: z.string(),
  meetings: z.object({ planned: z.number().int(), held: z.number().int(), cancelled: z.number().int(), upcoming: z.number().int() }),
  averageAttendance: z.number().nullable().describe('Mean share of members marked H over held meetings, 0–1'),
  decisions: z.object({ made: z.number().int(), reviewed: z.number().int(), dueForReview: z.number().int(), open: z.number().int() }),
  followUps: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int(), open: z.number().int() }),
  topicsCovered: z.array(z.object({ topicId: idSchema, name: z.string(), meetings: z.number().int() })),
  memberAttendance: z.array(z.object({ teacherId: idSchema, name: z.string(), present: z.number().int(), recorded: z.number().int(), rate: z.number().nullable() })),
});
export type MgmpOverview = z.infer<typeof mgmpOverviewSchema>;

// ---------- Madrasah-wide overview (all groups the requester may read) ----------
export const mgmpMadrasahOverviewQuerySchema = z.strictObject({
  madrasahId: idSchema.optional().describe('Only the groups of this madrasah; without it every group the requester may read (tenant-level groups included)'),
  from: isoDate.optional().describe('First day (inclusive); default: the first day of the current semester'),
  to: isoDate.optional().describe('Last day (inclusive); default: the last day of the current semester'),
});
const overviewCounts = {
  meetings: z.object({ planned: z.number().int(), held: z.number().int(), cancelled: z.number().int(), upcoming: z.number().int() }),
  averageAttendance: z.number().nullable().describe('Mean share of members marked H over held meetings, 0–1 (null without held meetings)'),
  decisions: z.object({ made: z.number().int(), reviewed: z.number().int(), dueForReview: z.number().int(), open: z.number().int() }),
  followUps: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int(), open: z.number().int() }),
  topicsCovered: z.array(z.object({ topicId: idSchema, name: z.string(), meetings: z.number().int() })),
};
export const mgmpMadrasahOverviewGroupSchema = z.object({
  groupId: idSchema,
  name: z.string(),
  madrasahId: idSchema.nullable(),
  archived: z.boolean(),
  memberCount: z.number().int(),
  ...overviewCounts,
});
export const mgmpMadrasahOverviewSchema = z.object({
  madrasahId: idSchema.nullable(),
  from: z.string(),
  to: z.string(),
  /** 'ganjil' (July–December) or 'genap' (January–June) when the period is exactly one semester, else null. */
  semester: z.object({ academicYear: z.string(), half: z.enum(['ganjil', 'genap']) }).nullable(),
  groups: z.array(mgmpMadrasahOverviewGroupSchema),
  totals: z.object({ groups: z.number().int(), ...overviewCounts }),
});
export type MgmpMadrasahOverview = z.infer<typeof mgmpMadrasahOverviewSchema>;
export type MgmpMadrasahOverviewGroup = z.infer<typeof mgmpMadrasahOverviewGroupSchema>;
