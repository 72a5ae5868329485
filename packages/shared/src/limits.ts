/** Limits shared by the server (validation) and the web client (form hints). */
export const LIMITS = {
  /** Longest free-text name (person, madrasah, subject). */
  nameMax: 200,
  /** Longest short text (codes, identifiers). */
  codeMax: 40,
  /** Longest note or description. */
  textMax: 4000,
  /** Largest page a list endpoint returns. */
  pageMax: 200,
  /** Default page size of a list endpoint. */
  pageDefault: 25,
  /** Largest teacher import file, in bytes. */
  importFileMaxBytes: 15 * 1024 * 1024,
  /** Most rows one teacher import may hold. */
  importRowsMax: 20_000,
  /** Shortest password accepted. */
  passwordMin: 8,
  /** Longest password accepted (argon2 input guard). */
  passwordMax: 200,
} as const;
