/** Koreksi keputusan musyawarah yang sudah ditutup (revisi yang diaudit) dan riwayat revisinya. */
export const koreksiId = {
  correct: 'Koreksi keputusan',
  hint: 'Hasil musyawarah dan suara anggota tidak dapat diubah. Yang dapat dikoreksi: pernyataan, pertimbangan, dan tanggal tinjau ulang. Rumusan sebelumnya tetap tersimpan di riwayat revisi.',
  reason: 'Alasan koreksi',
  reasonHint: 'Wajib diisi: mengapa keputusan ini dikoreksi.',
  save: 'Simpan koreksi',
  saved: 'Koreksi tersimpan; rumusan sebelumnya ada di riwayat revisi.',
  history: 'Riwayat revisi ({count})',
  revision: 'Revisi {n}',
  byOn: '{date} · {name}',
  reasonText: 'Alasan: {reason}',
  earlier: 'Rumusan sebelumnya',
  noRationale: '(tanpa pertimbangan)',
  noReviewDate: '(tanpa tanggal tinjau ulang)',
  reviewDate: 'Tinjau ulang: {date}',
} as const;
