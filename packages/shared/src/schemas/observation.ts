import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { FOCUS_DIMENSIONS } from './assessment.ts';
import { idSchema, listQuerySchema, listResponseSchema, optionalText, requiredText } from './common.ts';

// ---------- enums ----------
/** planned → in_progress → reflected (shared with the teacher) → closed (immutable). */
export const OBSERVATION_STATUSES = ['planned', 'in_progress', 'reflected', 'closed'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
/** kepala madrasah, pengawas of the madrasah, or a peer (guru) named by the kepala. */
export const OBSERVER_KINDS = ['kepala', 'pengawas', 'peer'] as const;
export type ObserverKind = (typeof OBSERVER_KINDS)[number];
/** Who wrote a turn of the reflection conversation. */
export const REFLECTION_ROLES = ['teacher', 'observer'] as const;
export type ReflectionRole = (typeof REFLECTION_ROLES)[number];
/** The instrument an observation uses when none is named. */
export const DEFAULT_OBSERVATION_INSTRUMENT = 'pmm-2024-observasi';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'invalid_date');
const dateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with offset');
const uniqueIds = (max: number) =>
  z
    .array(idSchema)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'duplicate_ids');
const focusList = z
  .array(z.enum(FOCUS_DIMENSIONS))
  .max(FOCUS_DIMENSIONS.length)
  .refine((f) => new Set(f).size === f.length, 'duplicate_focus');
const instrumentCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

// ---------- requests ----------
export const createObservationSchema = z.strictObject({
  teacherId: idSchema,
  observerKind: z.enum(OBSERVER_KINDS).describe('kepala / pengawas observe in their own name; peer: the kepala names observerUserId'),
  observerUserId: idSchema.optional().describe('Only for a peer observer (another guru of the madrasah)'),
  scheduledAt: dateTime,
  rombel: requiredText(LIMITS.codeMax).describe('Class (rombongan belajar), e.g. VIII-B'),
  subjectName: requiredText(),
  topic: requiredText(),
  focus: focusList.default([]),
  focusIndicatorIds: uniqueIds(100).default([]).describe('Indicators of the chosen instrument version to focus on'),
  instrumentCode: instrumentCode.default(DEFAULT_OBSERVATION_INSTRUMENT),
  instrumentVersion: z.number().int().min(1).max(10_000).optional().describe('The newest published when omitted'),
  periodId: idSchema.nullish().describe('Optional assessment period'),
});
export type CreateObservationInput = z.infer<typeof createObservationSchema>;

export const updateObservationSchema = z.strictObject({
  scheduledAt: dateTime.optional(),
  rombel: requiredText(LIMITS.codeMax).optional(),
  subjectName: requiredText().optional(),
  topic: requiredText().optional(),
  focus: focusList.optional(),
  focusIndicatorIds: uniqueIds(100).optional(),
  periodId: idSchema.nullish(),
});
export type UpdateObservationInput = z.infer<typeof updateObservationSchema>;

export const transitionObservationSchema = z.strictObject({ to: z.enum(['in_progress', 'reflected', 'closed']) });
export type TransitionObservationInput = z.infer<typeof transitionObservationSchema>;

export const observationNoteParamsSchema = z.strictObject({ id: idSchema, noteId: idSchema.describe('Generated on the device (UUID): resending the same note changes nothing') });
export const observationGoalParamsSchema = z.strictObject({ id: idSchema, goalId: idSchema });

export const putObservationNoteSchema = z.strictObject({
  notedAt: dateTime.describe('When it was noted, by the device clock'),
  text: requiredText(LIMITS.textMax),
  indicatorIds: uniqueIds(20).default([]).describe('Indicators of the observation’s instrument version'),
});
export type PutObservationNoteInput = z.infer<typeof putObservationNoteSchema>;

export const putObservationRatingsSchema = z.strictObject({
  ratings: z
    .array(z.strictObject({ indicatorId: idSchema, value: z.number().int().min(-100).max(100), comment: optionalText(1000) }))
    .min(1)
    .max(200)
    .refine((r) => new Set(r.map((x) => x.indicatorId)).size === r.length, 'duplicate_indicator'),
});
export type PutObservationRatingsInput = z.infer<typeof putObservationRatingsSchema>;

export const createObservationReflectionSchema = z.strictObject({ text: requiredText(LIMITS.textMax) });
export const createObservationGoalSchema = z.strictObject({ what: requiredText(500), dueDate: isoDate });
export type CreateObservationGoalInput = z.infer<typeof createObservationGoalSchema>;
export const sendObservationGoalSchema = z.strictObject({ groupId: idSchema.describe('An MGMP group the observed teacher is a member of') });

export const observationListQuerySchema = listQuerySchema.extend({
  teacherId: idSchema.optional(),
  periodId: idSchema.optional(),
  status: z.enum(OBSERVATION_STATUSES).optional(),
});
export const observationGoalListQuerySchema = z.strictObject({ teacherId: idSchema });
export const observationPeerQuerySchema = z.strictObject({ teacherId: idSchema.describe('The teacher to be observed') });
export const observationPeerListSchema = listResponseSchema(z.object({ userId: idSchema, name: z.string() }));

// ---------- responses ----------
const person = z.object({ id: idSchema, name: z.string() });

export const observationSummarySchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  teacher: person,
  observer: z.object({ userId: idSchema, name: z.string(), kind: z.enum(OBSERVER_KINDS) }),
  scheduledAt: dateTime,
  rombel: z.string(),
  subjectName: z.string(),
  topic: z.string(),
  focus: z.array(z.enum(FOCUS_DIMENSIONS)),
  instrument: z.object({ code: z.string(), version: z.number().int() }),
  periodId: idSchema.nullable(),
  status: z.enum(OBSERVATION_STATUSES),
  noteCount: z.number().int(),
  createdAt: dateTime,
});
export type ObservationSummary = z.infer<typeof observationSummarySchema>;
export const observationListSchema = listResponseSchema(observationSummarySchema);

export const observationNoteSchema = z.object({
  id: idSchema,
  notedAt: dateTime,
  text: z.string(),
  indicatorIds: z.array(idSchema),
  author: z.object({ userId: idSchema, name: z.string() }),
  updatedAt: dateTime,
});
export type ObservationNote = z.infer<typeof observationNoteSchema>;

export const observationRatingSchema = z.object({ indicatorId: idSchema, value: z.number().int(), comment: z.string().nullable() });
export const observationReflectionSchema = z.object({
  id: idSchema,
  role: z.enum(REFLECTION_ROLES),
  author: z.object({ userId: idSchema, name: z.string() }),
  text: z.string(),
  createdAt: dateTime,
});
export const observationGoalSchema = z.object({
  id: idSchema,
  observationId: idSchema,
  what: z.string(),
  dueDate: z.string(),
  createdAt: dateTime,
  sent: z
    .object({
      groupId: idSchema,
      groupName: z.string(),
      /** 'agenda': an agenda item of the group's next planned meeting; 'follow-up': a follow-up of the group (no meeting was planned). */
      as: z.enum(['agenda', 'follow-up']),
      meetingId: idSchema.nullable(),
      agendaItemId: idSchema.nullable(),
      followUpId: idSchema.nullable(),
      sentAt: dateTime,
    })
    .nullable(),
});
export type ObservationGoal = z.infer<typeof observationGoalSchema>;
export const observationGoalListSchema = listResponseSchema(observationGoalSchema.extend({ scheduledAt: dateTime, observerName: z.string() }));

export const observationSchema = observationSummarySchema.extend({
  focusIndicatorIds: z.array(idSchema),
  startedAt: dateTime.nullable(),
  reflectedAt: dateTime.nullable(),
  closedAt: dateTime.nullable(),
  updatedAt: dateTime,
  /** What the requester may do: edit (observer, kepala), reflect (teacher or editor, once shared). */
  can: z.object({ edit: z.boolean(), reflect: z.boolean() }),
  /** False for the observed teacher before the observation is shared (reflected): notes and ratings are then withheld. */
  evidenceVisible: z.boolean(),
  notes: z.array(observationNoteSchema),
  ratings: z.array(observationRatingSchema),
  reflections: z.array(observationReflectionSchema),
  goals: z.array(observationGoalSchema),
});
export type Observation = z.infer<typeof observationSchema>;

export const observationMgmpGroupsSchema = listResponseSchema(
  z.object({
    id: idSchema,
    name: z.string(),
    nextMeeting: z.object({ id: idSchema, title: z.string(), startsAt: dateTime }).nullable(),
  }),
);
export type ObservationMgmpGroups = z.infer<typeof observationMgmpGroupsSchema>;
