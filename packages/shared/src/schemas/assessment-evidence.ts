import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * The evidence beside each indicator of an assessment: the classroom-observation notes of the
 * assessed teacher tagged to that indicator (only notes tagged to an indicator of the assessment's
 * own instrument version; a note tagged to another instrument, e.g. the PMM observation sheet, is
 * not mapped), from observations in the academic year of the assessment's period, that the
 * requester may read. Read-only; the rater's own evidence note is on each rating of the assessment.
 */
export const assessmentEvidenceNoteSchema = z.object({
  observationId: idSchema,
  noteId: idSchema,
  at: z.string().describe('When the note was written (ISO time)'),
  text: z.string(),
  observer: z.object({ userId: idSchema, name: z.string() }).describe('The observer of the lesson'),
});
export type AssessmentEvidenceNote = z.infer<typeof assessmentEvidenceNoteSchema>;

export const assessmentEvidenceSchema = z.object({
  assessmentId: idSchema,
  window: z.object({ from: z.string().describe('YYYY-MM-DD'), to: z.string().describe('YYYY-MM-DD') }).describe('The academic year of the period: observations whose lesson falls in it (or linked to the period) count'),
  items: z
    .array(z.object({ indicatorId: idSchema, notes: z.array(assessmentEvidenceNoteSchema).describe('Oldest first') }))
    .describe('Indicators with at least one note, in instrument order'),
});
export type AssessmentEvidence = z.infer<typeof assessmentEvidenceSchema>;
