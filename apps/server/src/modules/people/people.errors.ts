import { defineErrors } from '../../http/app-error.ts';

export const peopleErrors = defineErrors({
  'people.madrasah_not_found': { status: 404, id: 'Madrasah tidak ditemukan.', en: 'Madrasah not found.' },
  'people.teacher_not_found': { status: 404, id: 'Guru tidak ditemukan.', en: 'Teacher not found.' },
  'people.subject_not_found': { status: 404, id: 'Mata pelajaran tidak ditemukan.', en: 'Subject not found.' },
  'people.cluster_not_found': { status: 404, id: 'Rumpun tidak ditemukan.', en: 'Cluster not found.' },
  'people.duplicate_identifier': { status: 409, id: 'NUPTK, NIP, PegID atau NIK ini sudah dipakai guru lain.', en: 'This NUPTK, NIP, PegID or NIK already belongs to another teacher.' },
  'people.code_taken': { status: 409, id: 'Kode ini sudah dipakai di madrasah ini.', en: 'This code is already used in this madrasah.' },
});
