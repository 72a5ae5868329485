import { z } from 'zod';

/**
 * Identifiers schools already use. All are text, never numbers: leading zeros
 * matter. Lengths follow shared/reference/domain-indonesia.md §5; where the
 * reference marks a length UNVERIFIED (NUPTK, NPSN) the rule is lenient.
 */
export const IDENTIFIER_PATTERNS = {
  /** NIK: 16 digits (KTP). */
  nik: /^\d{16}$/,
  /** NIP or NIGNP: 18 digits. */
  nip: /^\d{18}$/,
  /** NUPTK: 16 digits, or EMIS's "ID" + PegID (UNVERIFIED length: lenient). */
  nuptk: /^(\d{8,20}|ID\d{6,20})$/,
  /** PegID (SIMPATIKA): digits. */
  pegId: /^\d{6,20}$/,
  /** NPSN: 8 digits (UNVERIFIED: lenient 8–10). */
  npsn: /^\d{8,10}$/,
  /** NSM: 12 digits. */
  nsm: /^\d{12}$/,
} as const;
export type IdentifierKind = keyof typeof IDENTIFIER_PATTERNS;

/** Removes spaces, dots and dashes that spreadsheets and people put inside numbers. */
export function normaliseIdentifier(raw: string): string {
  return raw.replace(/[\s.\-']/g, '').toUpperCase();
}

/** Optional identifier field: normalised, checked, empty becomes null. */
export const identifierField = (kind: IdentifierKind) =>
  z
    .string()
    .max(40)
    .nullish()
    .transform((v) => (v == null ? v : normaliseIdentifier(v)))
    .refine((v) => v == null || v === '' || IDENTIFIER_PATTERNS[kind].test(v), {
      message: `invalid_${kind}`,
    })
    .transform((v) => (v === undefined ? undefined : v === '' || v === null ? null : v));
