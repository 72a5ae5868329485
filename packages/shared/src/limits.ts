/** Limits shared by the server (validation) and the web client (form hints). */
export const LIMITS = {
  /** Longest free-text name (person, madrasah, subject). */
  nameMax: 200,
  /** Longest short text (codes, identifiers). */
  codeMax: 40,
  /** Longest note or description. */
  textMax: 4000,
  /** Longest note on one member's attendance ("izin: sakit anak"): it is printed in the daftar hadir's keterangan column. */
  attendanceNoteMax: 200,
  /** Largest page a list endpoint returns. */
  pageMax: 200,
  /** Default page size of a list endpoint. */
  pageDefault: 25,
  /** Largest teacher import file, in bytes. */
  importFileMaxBytes: 15 * 1024 * 1024,
  /** Most rows one teacher import may hold. */
  importRowsMax: 20_000,
  /** Largest uploaded image (JPEG, PNG, WebP), in bytes, before it is resized. */
  imageFileMaxBytes: 10 * 1024 * 1024,
  /** Largest uploaded document (PDF, DOCX, XLSX, PPTX), in bytes. */
  documentFileMaxBytes: 20 * 1024 * 1024,
  /** Long side of a stored image, in pixels (phone size). */
  imageMaxPixels: 1600,
  /** Long side of an image's thumbnail, in pixels. */
  thumbMaxPixels: 320,
  /** Long side of the madrasah logo as handed to the letterhead (kop), in pixels. */
  logoMaxPixels: 300,
  /** Most files one meeting or follow-up may carry. */
  filesPerOwnerMax: 60,
  /** Longest caption of a photo. */
  captionMax: 500,
  /** Shortest password accepted. */
  passwordMin: 8,
  /** Longest password accepted (argon2 input guard). */
  passwordMax: 200,
} as const;
