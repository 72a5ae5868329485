import type { Locale } from '@tumbuh/shared';
import { AppError, defineErrors } from '../../http/app-error.ts';
import type { RatingProblem } from './pkg-scoring.models.ts';

export const assessmentErrors = defineErrors({
  'assessment.instrument_not_found': { status: 404, id: 'Instrumen penilaian tidak ditemukan.', en: 'Assessment instrument not found.' },
  'assessment.invalid_ratings': { status: 422, id: 'Penilaian tidak valid.', en: 'The ratings are invalid.' },
  'assessment.scoring_not_supported': {
    status: 422,
    id: 'Instrumen ini tidak menghasilkan nilai PKG (hanya diberi kategori per indikator).',
    en: 'This instrument has no PKG score (it is rated per indicator only).',
  },
  'assessment.invalid_rank_data': {
    status: 422,
    id: 'Data pangkat tidak valid: AKPKB + AKP tidak boleh melebihi AKK.',
    en: 'Invalid rank data: AKPKB + AKP must not exceed AKK.',
  },
});

/** Problems shown in the message; all of them (up to DETAILS_MAX) are in `details`. */
const MESSAGE_MAX = 3;
const DETAILS_MAX = 50;

function showValue(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 20 ? `${text.slice(0, 17)}...` : text;
}

/** One rating problem as a sentence naming the competency, in the given language. */
export function describeRatingProblem(problem: RatingProblem, locale: Locale): string {
  const id = locale === 'id';
  switch (problem.kind) {
    case 'missing_competency':
      return id ? `kompetensi ${problem.competency} tidak ada nilainya` : `competency ${problem.competency} is missing`;
    case 'wrong_indicator_count':
      return id
        ? `kompetensi ${problem.competency} harus berisi ${problem.expected} nilai indikator, diterima ${problem.actual}`
        : `competency ${problem.competency} needs ${problem.expected} indicator ratings, got ${problem.actual}`;
    case 'invalid_value':
      return id
        ? `kompetensi ${problem.competency}, indikator ${problem.indicator}: nilai ${showValue(problem.value)} tidak sah (hanya 0, 1 atau 2)`
        : `competency ${problem.competency}, indicator ${problem.indicator}: ${showValue(problem.value)} is not allowed (only 0, 1 or 2)`;
    case 'unknown_competency':
      return id
        ? `kompetensi "${problem.key.slice(0, 8)}" tidak ada di instrumen ini`
        : `competency "${problem.key.slice(0, 8)}" is not in this instrument`;
    default: {
      const unknown: never = problem;
      throw new Error(`unknown rating problem ${JSON.stringify(unknown)}`);
    }
  }
}

/** The whole list as one message: the first few problems, then how many more. */
export function describeRatingProblems(problems: readonly RatingProblem[], locale: Locale): string {
  const shown = problems.slice(0, MESSAGE_MAX).map((p) => describeRatingProblem(p, locale));
  const more = problems.length - shown.length;
  const head = locale === 'id' ? 'Penilaian tidak valid: ' : 'Invalid ratings: ';
  const tail = more > 0 ? (locale === 'id' ? `; dan ${more} masalah lain` : `; and ${more} more`) : '';
  return `${head}${shown.join('; ')}${tail}.`;
}

/** HTTP 422 `assessment.invalid_ratings` whose message names the competencies at fault. */
export function invalidRatingsError(problems: readonly RatingProblem[]): AppError {
  return new AppError(
    'assessment.invalid_ratings',
    422,
    { id: describeRatingProblems(problems, 'id'), en: describeRatingProblems(problems, 'en') },
    // A refused value is echoed as short JSON text, never as the (possibly large) value itself.
    problems.slice(0, DETAILS_MAX).map((p) => (p.kind === 'invalid_value' ? { ...p, value: showValue(p.value) } : p)),
  );
}
