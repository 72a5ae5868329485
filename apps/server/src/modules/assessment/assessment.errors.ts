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
  'assessment.period_not_found': { status: 404, id: 'Periode penilaian tidak ditemukan.', en: 'Assessment period not found.' },
  'assessment.period_exists': { status: 409, id: 'Periode ini (tahun pelajaran dan jenis) sudah ada di madrasah ini.', en: 'This period (academic year and kind) already exists in this madrasah.' },
  'assessment.period_closed': { status: 409, id: 'Periode penilaian sudah ditutup: tidak ada penilaian atau nilai baru.', en: 'The assessment period is closed: no new assessments or ratings.' },
  'assessment.period_in_use': { status: 409, id: 'Periode ini sudah berisi penilaian dan tidak dapat dihapus.', en: 'This period already has assessments and cannot be deleted.' },
  'assessment.invalid_period_dates': {
    status: 400,
    id: 'Tanggal periode tidak valid: tahun pelajaran harus berurutan (mis. 2026/2027), tanggal selesai tidak boleh sebelum tanggal mulai, dan keduanya di dalam tahun pelajaran itu (mulai tanggal awal tahun pelajaran di pengaturan, bawaan 1 Juli).',
    en: 'Invalid period dates: the academic year must be consecutive (e.g. 2026/2027), the end may not precede the start, and both must fall within that academic year (from the year start in the settings, 1 July by default).',
  },
  'assessment.not_found': { status: 404, id: 'Penilaian tidak ditemukan.', en: 'Assessment not found.' },
  'assessment.already_exists': { status: 409, id: 'Penilai ini sudah menilai guru ini dengan instrumen ini pada periode ini.', en: 'This rater already assesses this teacher with this instrument in this period.' },
  'assessment.rater_not_allowed': { status: 403, id: 'Anda tidak berwenang menjadi penilai jenis ini untuk guru ini.', en: 'You may not be this kind of rater for this teacher.' },
  'assessment.invalid_peer_rater': { status: 422, id: 'Penilai teman sejawat harus akun aktif guru lain di madrasah yang sama.', en: 'A peer rater must be the active account of another guru of the same madrasah.' },
  'assessment.frozen': {
    status: 409,
    id: 'Penilaian sudah final dan tidak dapat diubah; perbaikan hanya melalui revisi dengan alasan (tercatat).',
    en: 'The assessment is final and cannot be changed; a correction is made only by a revision with a reason (audited).',
  },
  'assessment.unknown_indicator': { status: 422, id: 'Indikator tidak termasuk versi instrumen penilaian ini.', en: 'The indicator is not part of this assessment’s instrument version.' },
  'assessment.invalid_score': {
    status: 422,
    id: 'Nilai indikator harus salah satu tingkat skala instrumen ini (PKG: 0, 1 atau 2).',
    en: 'An indicator score must be a level of this instrument’s scale (PKG: 0, 1 or 2).',
  },
  'assessment.incomplete': { status: 409, id: 'Semua indikator harus dinilai sebelum penilaian difinalkan.', en: 'Every indicator must be rated before the assessment is finalised.' },
  'assessment.not_final': { status: 409, id: 'Penilaian ini belum final.', en: 'This assessment is not final yet.' },
  'assessment.already_acknowledged': { status: 409, id: 'Penilaian ini sudah Anda tanggapi.', en: 'You have already acknowledged this assessment.' },
  'assessment.invalid_settings': {
    status: 422,
    id: 'Pengaturan penilaian tidak valid: bobot penilai harus berjumlah 100, tanggal harus ada di setiap tahun (bukan 29 Februari), dan akhir jendela periode tidak boleh sebelum awalnya.',
    en: 'Invalid assessment settings: rater weights must sum to 100, days must exist in every year (not 29 February), and a period window may not end before it starts.',
  },
  'assessment.revision_no_change': { status: 422, id: 'Revisi tidak mengubah nilai atau bukti indikator mana pun.', en: 'The revision changes no indicator score or evidence.' },
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
