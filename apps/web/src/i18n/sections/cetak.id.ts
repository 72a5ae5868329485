/** Texts of the printed records (PDF and XLSX downloads) on the MGMP pages. */
export const cetakId = {
  meetingTitle: 'Cetak dokumen rapat',
  meetingHint: 'PDF dengan kop madrasah dan kolom tanda tangan, siap dicetak dan diarsipkan.',
  daftarHadir: 'Daftar hadir (PDF)',
  notulen: 'Notulen rapat (PDF)',
  laporan: 'Laporan kegiatan (PDF)',
  groupTitle: 'Cetak dan unduh',
  groupHint: 'Program kerja sebagai PDF; rekap kehadiran dan tindak lanjut sebagai XLSX (Excel).',
  academicYear: 'Tahun pelajaran program kerja',
  programKerja: 'Program kerja {year} (PDF)',
  attendance: 'Rekap kehadiran (XLSX)',
  followUps: 'Tindak lanjut (XLSX)',
} as const;
