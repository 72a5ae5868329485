import { defineErrors } from '../../../http/app-error.ts';

/** Errors of the teacher import. Row-level problems are not errors: they are listed in the preview. */
export const importErrors = defineErrors({
  'people.import_not_found': { status: 404, id: 'Impor tidak ditemukan.', en: 'Import not found.' },
  'people.import_rejected': {
    status: 422,
    id: 'Berkas ditolak: ada baris yang salah. Perbaiki lalu unggah lagi; tidak ada data yang disimpan.',
    en: 'File rejected: some rows are wrong. Fix them and upload again; nothing was saved.',
  },
  'people.import_unreadable': {
    status: 422,
    id: 'Berkas tidak dapat dibaca. Unggah .xlsx atau .csv tanpa kata sandi.',
    en: 'The file cannot be read. Upload an .xlsx or .csv without a password.',
  },
  'people.import_already_committed': { status: 409, id: 'Impor ini sudah disimpan sebelumnya.', en: 'This import was already committed.' },
});
