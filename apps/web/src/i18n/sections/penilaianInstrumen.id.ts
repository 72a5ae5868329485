/** Teks penilaian dengan instrumen buatan madrasah (pilih instrumen, ringkasan per kompetensi). */
export const penilaianInstrumenId = {
  instrument: 'Instrumen penilaian',
  pkgOfficial: 'PKG Guru Mapel (resmi, Nilai PKG)',
  madrasahOwn: '{title} (v{version}, instrumen madrasah)',
  instrumentHint: 'Instrumen madrasah dinilai dengan skalanya sendiri dan tidak menghasilkan Nilai PKG.',
  summaryTitle: 'Ringkasan per kompetensi',
  summaryNote: 'Instrumen madrasah: tidak ada Nilai PKG atau kategori. Ditampilkan rata-rata tingkat dan jumlah indikator per tingkat.',
  competency: 'Kompetensi',
  average: 'Rata-rata tingkat',
  rated: '{rated}/{count} dinilai',
  noPkg: 'Instrumen madrasah: tanpa Nilai PKG.',
  progress: '{rated} dinilai',
};
