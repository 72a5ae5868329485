import type { DeepStringRecord } from '../en.ts';
import type { penilaianInstrumenId } from './penilaianInstrumen.id.ts';

/** English texts of assessments with a madrasah-built instrument (choosing it, the per-competency summary). */
export const penilaianInstrumenEn: DeepStringRecord<typeof penilaianInstrumenId> = {
  instrument: 'Assessment instrument',
  pkgOfficial: 'PKG subject teacher (official, Nilai PKG)',
  madrasahOwn: '{title} (v{version}, madrasah instrument)',
  instrumentHint: 'A madrasah instrument is rated on its own scale and gives no Nilai PKG.',
  summaryTitle: 'Summary per competency',
  summaryNote: 'Madrasah instrument: no Nilai PKG or category. Shown are the average level and the number of indicators per level.',
  competency: 'Competency',
  average: 'Average level',
  rated: '{rated}/{count} rated',
  noPkg: 'Madrasah instrument: no Nilai PKG.',
  progress: '{rated} rated',
};
