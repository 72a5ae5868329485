import { defineErrors } from '../../http/app-error.ts';

export const observationErrors = defineErrors({
  'observation.not_found': { status: 404, id: 'Observasi kelas tidak ditemukan.', en: 'Classroom observation not found.' },
  'observation.note_not_found': { status: 404, id: 'Catatan observasi tidak ditemukan.', en: 'Observation note not found.' },
  'observation.goal_not_found': { status: 404, id: 'Tujuan tindak lanjut tidak ditemukan.', en: 'Follow-up goal not found.' },
  'observation.observer_not_allowed': {
    status: 403,
    id: 'Anda tidak berwenang menjadi pengamat jenis ini untuk guru ini (kepala madrasah, pengawas madrasah itu, atau teman sejawat yang ditunjuk kepala).',
    en: 'You may not be this kind of observer for this teacher (the kepala madrasah, a pengawas of the madrasah, or a peer named by the kepala).',
  },
  'observation.invalid_peer_observer': { status: 422, id: 'Pengamat teman sejawat harus akun aktif guru lain di madrasah yang sama.', en: 'A peer observer must be the active account of another guru of the same madrasah.' },
  'observation.unknown_indicator': { status: 422, id: 'Indikator tidak termasuk versi instrumen observasi ini.', en: 'The indicator is not part of this observation’s instrument version.' },
  'observation.invalid_rating_value': { status: 422, id: 'Nilai tidak ada pada skala instrumen ini.', en: 'The value is not on this instrument’s scale.' },
  'observation.invalid_transition': { status: 409, id: 'Perubahan status observasi ini tidak diperbolehkan.', en: 'This observation cannot move to that status.' },
  'observation.closed': { status: 409, id: 'Observasi sudah ditutup dan tidak dapat diubah.', en: 'The observation is closed and cannot be changed.' },
  'observation.not_shared': { status: 409, id: 'Refleksi dibuka setelah pengamat membagikan hasil observasi.', en: 'Reflection opens once the observer shares the observation.' },
  'observation.note_conflict': { status: 409, id: 'Nomor catatan ini sudah dipakai untuk observasi lain.', en: 'This note id is already used by another observation.' },
  'observation.teacher_not_in_group': { status: 422, id: 'Guru yang diamati bukan anggota kelompok MGMP ini.', en: 'The observed teacher is not a member of this MGMP group.' },
  'observation.goal_already_sent': { status: 409, id: 'Tujuan ini sudah dikirim ke MGMP.', en: 'This goal has already been sent to the MGMP.' },
});
