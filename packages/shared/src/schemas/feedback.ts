import { z } from 'zod';
import { FOCUS_DIMENSIONS } from './assessment.ts';
import { idSchema, listResponseSchema } from './common.ts';

/**
 * Anonymous student feedback: rounds a kepala opens for one class and teacher, answered from a
 * public link without an account. See docs/ARCHITECTURE.md ("Student feedback: what is stored").
 */

/** Results are never shown below this many answers, whatever the tenant setting says. */
export const FEEDBACK_MIN_ANSWERS_FLOOR = 5;
/** The free-text answer's maximum length (characters). */
export const FEEDBACK_COMMENT_MAX = 500;
/** The 4-point scale, lowest first: value and words (pictures in the web client). */
export const FEEDBACK_SCALE = [
  { value: 1, id: 'Tidak pernah', en: 'Never' },
  { value: 2, id: 'Kadang-kadang', en: 'Sometimes' },
  { value: 3, id: 'Sering', en: 'Often' },
  { value: 4, id: 'Selalu', en: 'Always' },
] as const;
export const FEEDBACK_ROUND_STATUSES = ['open', 'closed'] as const;
export type FeedbackRoundStatus = (typeof FEEDBACK_ROUND_STATUSES)[number];

/** The public token: ≥ 128 random bits, base64url. Anything else is simply not found. */
export const feedbackTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(100).describe('The round’s public token (from the link or QR code)') });

/** A browser's random per-round value (kept in its localStorage); only a keyed hash of it is stored. */
export const feedbackDeviceKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'invalid_device_key')
  .describe('Random per-round value the browser keeps (≥ 128 bits, base64url); the server stores only HMAC(round secret, value)');

export const feedbackItemSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  focus: z.enum(FOCUS_DIMENSIONS),
  textId: z.string(),
  textEn: z.string(),
});
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;

// ---------- public (no account) ----------
/** What a student's phone receives: nothing but what the form needs. */
export const publicFeedbackRoundSchema = z.object({
  teacherName: z.string(),
  subjectName: z.string().nullable(),
  className: z.string(),
  items: z.array(feedbackItemSchema),
  commentMax: z.number().int(),
});
export type PublicFeedbackRound = z.infer<typeof publicFeedbackRoundSchema>;

export const submitFeedbackAnswerSchema = z.strictObject({
  deviceKey: feedbackDeviceKeySchema,
  /** Every item of the round exactly once, value 1–4 (checked against the round's items). */
  answers: z.array(z.strictObject({ itemId: z.string().max(64), value: z.unknown() })).min(1).max(50),
  comment: z.string().max(FEEDBACK_COMMENT_MAX * 4).nullish(),
});
export type SubmitFeedbackAnswerInput = z.infer<typeof submitFeedbackAnswerSchema>;

// ---------- signed-in ----------
export const feedbackSettingsSchema = z.object({ minAnswers: z.number().int().describe(`Answers a round needs before results are shown (never below ${FEEDBACK_MIN_ANSWERS_FLOOR})`) });
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;
export const updateFeedbackSettingsSchema = z.strictObject({ minAnswers: z.number().int().min(1).max(1000) });

export const createFeedbackRoundSchema = z.strictObject({
  madrasahId: idSchema.optional().describe('Defaults to the teacher’s madrasah'),
  teacherId: idSchema,
  subjectId: idSchema.nullish(),
  className: z.string().trim().min(1).max(40).describe('Rombel, e.g. VIII-B'),
  closesAt: z.iso.datetime({ offset: true }).nullish().describe('Optional closing time; answers are refused after it'),
});
export type CreateFeedbackRoundInput = z.infer<typeof createFeedbackRoundSchema>;

export const feedbackRoundListQuerySchema = z.strictObject({
  madrasahId: idSchema.optional(),
  teacherId: idSchema.optional(),
  status: z.enum(FEEDBACK_ROUND_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FeedbackRoundListQuery = z.infer<typeof feedbackRoundListQuerySchema>;

export const feedbackRoundSchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  teacher: z.object({ id: idSchema, name: z.string() }),
  subject: z.object({ id: idSchema, name: z.string() }).nullable(),
  className: z.string(),
  /** `closed` also once `closesAt` has passed. */
  status: z.enum(FEEDBACK_ROUND_STATUSES),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  answerCount: z.number().int(),
  minAnswers: z.number().int(),
  resultsAvailable: z.boolean().describe('At least minAnswers answers and the requester may read results'),
  /** The public token and path: only for those who manage rounds (kepala, operator). */
  token: z.string().nullable(),
  publicPath: z.string().nullable(),
  publicUrl: z.string().nullable().describe('The full student link when the server has TUMBUH_PUBLIC_URL (otherwise the app joins publicPath to its own address); managers only'),
});
export type FeedbackRound = z.infer<typeof feedbackRoundSchema>;
export const feedbackRoundListSchema = listResponseSchema(feedbackRoundSchema);

export const feedbackItemResultSchema = feedbackItemSchema.extend({
  /** How many answers gave 1, 2, 3, 4. */
  distribution: z.array(z.number().int()).length(4),
  mean: z.number(),
});
export const feedbackResultsSchema = z.object({
  roundId: idSchema,
  answers: z.number().int(),
  minAnswers: z.number().int(),
  items: z.array(feedbackItemResultSchema),
  focus: z.array(z.object({ focus: z.enum(FOCUS_DIMENSIONS), mean: z.number() })),
  /** Free-text answers, in a fixed order unrelated to submission: only for the kepala madrasah; null otherwise. */
  comments: z.array(z.string()).nullable(),
});
export type FeedbackResults = z.infer<typeof feedbackResultsSchema>;
