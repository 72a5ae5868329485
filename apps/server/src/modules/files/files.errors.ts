import { LIMITS } from '@tumbuh/shared';
import { defineErrors } from '../../http/app-error.ts';

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const filesErrors = defineErrors({
  'files.not_found': { status: 404, id: 'Berkas tidak ditemukan.', en: 'File not found.' },
  'files.too_large': {
    status: 413,
    id: `Berkas terlalu besar: foto paling besar ${mb(LIMITS.imageFileMaxBytes)}, dokumen paling besar ${mb(LIMITS.documentFileMaxBytes)}.`,
    en: `The file is too large: photos up to ${mb(LIMITS.imageFileMaxBytes)}, documents up to ${mb(LIMITS.documentFileMaxBytes)}.`,
  },
  'files.mislabelled': {
    status: 415,
    id: 'Isi berkas tidak sesuai dengan jenis atau ekstensi namanya. Simpan ulang berkas dengan jenis yang benar.',
    en: 'The file content does not match its declared type or extension. Save it again with the right type.',
  },
  'files.type_not_allowed': {
    status: 415,
    id: 'Jenis berkas ini tidak diterima. Foto: JPEG, PNG, WebP; dokumen: PDF, DOCX, XLSX, PPTX.',
    en: 'This file type is not accepted. Photos: JPEG, PNG, WebP; documents: PDF, DOCX, XLSX, PPTX.',
  },
  'files.empty': { status: 400, id: 'Berkas kosong atau tidak terkirim.', en: 'The file is empty or was not sent.' },
  'files.unreadable_image': { status: 422, id: 'Foto tidak dapat dibaca (rusak atau terlalu besar ukurannya dalam piksel).', en: 'The photo cannot be read (damaged, or too many pixels).' },
  'files.too_many': { status: 409, id: `Paling banyak ${LIMITS.filesPerOwnerMax} berkas per pertemuan atau tindak lanjut.`, en: `At most ${LIMITS.filesPerOwnerMax} files per meeting or follow-up.` },
});
