import type { DeepStringRecord } from '../en.ts';
import type { buktiId } from './bukti.id.ts';

/** English texts of the evidence per indicator in the PKG rating form and result (the rater's notes and observation notes). */
export const buktiEn: DeepStringRecord<typeof buktiId> = {
  toggle: 'Evidence',
  toggleAria: 'Evidence note for indicator {n}',
  hasEvidence: 'has evidence',
  label: 'Evidence note for indicator {n}',
  hint: 'Documents, observation or interviews behind the score. Saved with the score, also offline.',
  needsScore: 'The evidence is sent once this indicator has a score.',
  observationNotes: 'Observation notes',
  noteMeta: '{date} · {observer}',
  notesLoading: 'Loading observation notes…',
  resultTitle: 'Evidence per indicator',
  resultIntro: 'The rater’s evidence notes and the classroom-observation notes tagged to each indicator.',
  resultEmpty: 'No evidence has been noted for this assessment yet.',
  raterEvidence: 'Rater’s evidence',
  indicator: 'Indicator {n}',
  scoreShort: 'score {score}',
};
