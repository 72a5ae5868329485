import { defineErrors } from '../../http/app-error.ts';

/** Errors of madrasah-built instruments (instrumen buatan madrasah). */
export const instrumentErrors = defineErrors({
  'instruments.not_found': { status: 404, id: 'Instrumen tidak ditemukan.', en: 'Instrument not found.' },
  'instruments.frozen': {
    status: 409,
    id: 'Versi instrumen ini sudah diterbitkan dan tidak dapat diubah; buat versi baru untuk mengubahnya.',
    en: 'This instrument version is published and cannot be changed; make a new version to change it.',
  },
  'instruments.incomplete': {
    status: 422,
    id: 'Instrumen belum lengkap: setiap ranah perlu minimal satu kompetensi dan setiap kompetensi minimal satu indikator.',
    en: 'The instrument is incomplete: every domain needs at least one competency and every competency at least one indicator.',
  },
  'instruments.invalid_scale': {
    status: 422,
    id: 'Skala tidak valid: 2–7 tingkat dengan nilai bilangan bulat 0–100, berbeda dan urut dari yang terendah.',
    en: 'Invalid scale: 2–7 levels with whole values 0–100, distinct and ascending from the lowest.',
  },
  'instruments.unknown_level': { status: 422, id: 'Deskriptor merujuk tingkat yang tidak ada pada skala.', en: 'A descriptor refers to a level that is not on the scale.' },
  'instruments.draft_exists': {
    status: 409,
    id: 'Instrumen ini sudah punya versi draf; selesaikan atau hapus draf itu dulu.',
    en: 'This instrument already has a draft version; finish or delete that draft first.',
  },
  'instruments.not_published': { status: 409, id: 'Versi baru hanya dibuat dari versi yang sudah diterbitkan.', en: 'A new version is made only from a published version.' },
});
