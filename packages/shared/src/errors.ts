import { z } from 'zod';

/**
 * Every stable error code the API can answer with. The web client switches on
 * these, never on message text. Codes are `<module>.<reason>`.
 */
export const ERROR_CODES = [
  'common.validation_failed',
  'common.malformed_json',
  'common.not_found',
  'common.payload_too_large',
  'common.unsupported_media_type',
  'common.rate_limited',
  'common.csrf_failed',
  'common.conflict',
  'common.internal',
  'common.unavailable',
  'auth.invalid_credentials',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.account_disabled',
  'auth.invitation_invalid',
  'tenancy.user_not_found',
  'tenancy.email_taken',
  'tenancy.invitation_not_found',
  'tenancy.madrasah_required',
  'tenancy.last_operator',
  'people.madrasah_not_found',
  'people.teacher_not_found',
  'people.subject_not_found',
  'people.cluster_not_found',
  'people.duplicate_identifier',
  'people.code_taken',
  'people.cluster_in_use',
  'people.import_not_found',
  'people.import_rejected',
  'people.import_unreadable',
  'people.import_already_committed',
  'assessment.instrument_not_found',
  'assessment.invalid_ratings',
  'assessment.scoring_not_supported',
  'assessment.invalid_rank_data',
  'mgmp.group_not_found',
  'mgmp.meeting_not_found',
  'mgmp.agenda_item_not_found',
  'mgmp.programme_item_not_found',
  'mgmp.decision_not_found',
  'mgmp.follow_up_not_found',
  'mgmp.topic_not_found',
  'mgmp.minutes_not_found',
  'mgmp.group_archived',
  'mgmp.invalid_members',
  'mgmp.invalid_time',
  'mgmp.invalid_transition',
  'mgmp.meeting_cancelled',
  'mgmp.already_scheduled',
  'mgmp.not_member',
  'mgmp.no_teacher_account',
  'mgmp.wrong_check_in_code',
  'mgmp.check_in_outside_window',
  'mgmp.minutes_locked',
  'mgmp.minutes_not_approved',
  'mgmp.decision_closed',
  'mgmp.already_voted',
  'mgmp.voter_not_present',
  'mgmp.quorum_not_met',
  'mgmp.block_unanswered',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape of the API. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable dotted code, e.g. people.teacher_not_found'),
    message: z.string().describe('Human message in the requested language (Bahasa Indonesia by default)'),
    details: z.unknown().optional().describe('Field-level problems, when the input was invalid'),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
