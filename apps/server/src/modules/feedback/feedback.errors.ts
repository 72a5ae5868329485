import { AppError, defineErrors } from '../../http/app-error.ts';
import type { AnswerProblem } from './feedback.models.ts';

export const feedbackErrors = defineErrors({
  'feedback.round_not_found': { status: 404, id: 'Putaran umpan balik tidak ditemukan. Periksa tautannya.', en: 'Feedback round not found. Check the link.' },
  'feedback.round_closed': { status: 409, id: 'Putaran umpan balik ini sudah ditutup. Terima kasih.', en: 'This feedback round is closed. Thank you.' },
  'feedback.already_answered': { status: 409, id: 'Jawaban dari perangkat ini sudah diterima. Terima kasih.', en: 'An answer from this device has already been received. Thank you.' },
  'feedback.invalid_answers': { status: 422, id: 'Jawaban tidak valid.', en: 'The answers are invalid.' },
  'feedback.not_enough_answers': { status: 409, id: 'Belum cukup jawaban untuk menampilkan hasil.', en: 'Not enough answers to show results yet.' },
  'feedback.threshold_too_low': { status: 422, id: 'Batas minimal jawaban tidak boleh kurang dari 5 (agar siswa tidak dapat dikenali).', en: 'The minimum number of answers may not be below 5 (so students cannot be recognised).' },
  'feedback.invalid_closing_time': { status: 422, id: 'Waktu penutupan harus di masa depan.', en: 'The closing time must be in the future.' },
});

function describe(p: AnswerProblem, id: boolean): string {
  switch (p.kind) {
    case 'unknown_item':
      return id ? `pernyataan "${p.itemId}" bukan bagian dari putaran ini` : `statement "${p.itemId}" is not part of this round`;
    case 'duplicate_item':
      return id ? 'satu pernyataan dijawab dua kali' : 'a statement is answered twice';
    case 'missing_item':
      return id ? `pernyataan ${p.number} belum dijawab` : `statement ${p.number} is not answered`;
    case 'invalid_value':
      return id ? `jawaban pernyataan ${p.number} harus 1, 2, 3 atau 4` : `the answer to statement ${p.number} must be 1, 2, 3 or 4`;
    case 'comment_too_long':
      return id ? `tulisan paling banyak ${p.max} huruf` : `the comment may have at most ${p.max} characters`;
    default: {
      const never: never = p;
      throw new Error(`unknown problem ${JSON.stringify(never)}`);
    }
  }
}

/** HTTP 422 `feedback.invalid_answers` naming the first problems. */
export function invalidAnswersError(problems: readonly AnswerProblem[]): AppError {
  const text = (id: boolean) => `${id ? 'Jawaban tidak valid: ' : 'Invalid answers: '}${problems.slice(0, 3).map((p) => describe(p, id)).join('; ')}${problems.length > 3 ? (id ? `; dan ${problems.length - 3} lagi` : `; and ${problems.length - 3} more`) : ''}.`;
  return new AppError('feedback.invalid_answers', 422, { id: text(true), en: text(false) }, problems.slice(0, 50));
}

/** HTTP 409 `feedback.not_enough_answers` with the count and the threshold. */
export function notEnoughAnswersError(answers: number, minAnswers: number): AppError {
  return new AppError(
    'feedback.not_enough_answers',
    409,
    { id: `Belum cukup jawaban: ${answers} dari minimal ${minAnswers}. Hasil ditampilkan setelah ${minAnswers} siswa menjawab.`, en: `Not enough answers yet: ${answers} of at least ${minAnswers}. Results are shown once ${minAnswers} students have answered.` },
    { answers, minAnswers },
  );
}
