/** Teks daftar hadir MGMP: catatan per anggota dan waktu check-in. */
export const hadirId = {
  noteToggle: 'Catatan untuk {name}',
  noteLabel: 'Catatan untuk {name}',
  notePlaceholder: 'mis. izin: sakit anak, datang terlambat',
  noteHint: 'Paling banyak {max} karakter. Tersimpan di ponsel ini sampai terkirim.',
  noteSave: 'Simpan catatan',
  noteCancel: 'Batal',
  noteClear: 'Hapus catatan',
  noteWaitsForCode: 'catatan dikirim setelah kode H/I/S/A dipilih',
  noteShown: 'Catatan: {note}',
  checkedInSelf: 'check-in sendiri {time}',
  checkedInOverridden: 'check-in {time}, kode diubah pengurus',
};
