/** Teks Bahasa Indonesia untuk bukti per indikator di formulir dan hasil penilaian PKG (catatan penilai dan catatan observasi). */
export const buktiId = {
  toggle: 'Bukti',
  toggleAria: 'Catatan bukti indikator {n}',
  hasEvidence: 'ada bukti',
  label: 'Catatan bukti indikator {n}',
  hint: 'Dokumen, pengamatan atau wawancara yang mendasari nilai. Disimpan bersama nilai, juga saat offline.',
  needsScore: 'Bukti dikirim setelah indikator ini diberi nilai.',
  observationNotes: 'Catatan observasi',
  noteMeta: '{date} · {observer}',
  notesLoading: 'Memuat catatan observasi…',
  resultTitle: 'Bukti per indikator',
  resultIntro: 'Catatan bukti penilai dan catatan observasi kelas yang ditandai ke indikator.',
  resultEmpty: 'Belum ada bukti yang dicatat untuk penilaian ini.',
  raterEvidence: 'Bukti penilai',
  indicator: 'Indikator {n}',
  scoreShort: 'nilai {score}',
};
