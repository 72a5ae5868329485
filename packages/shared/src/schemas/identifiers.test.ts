import { describe, expect, it } from 'vitest';
import { IDENTIFIER_PATTERNS, identifierField, normaliseIdentifier } from './identifiers.ts';

describe('normaliseIdentifier', () => {
  it('removes the spaces, dots, dashes and apostrophes spreadsheets add, keeping leading zeros', () => {
    expect(normaliseIdentifier("'0012 3456-7890.1234")).toBe('0012345678901234');
  });

  it('upper-cases the EMIS "ID" prefix of a NUPTK', () => {
    expect(normaliseIdentifier('id 00104729')).toBe('ID00104729');
  });
});

describe('identifierField', () => {
  it('keeps an identifier as text with its leading zeros', () => {
    expect(identifierField('nuptk').parse('0012345678901234')).toBe('0012345678901234');
    expect(identifierField('pegId').parse('00104729')).toBe('00104729');
  });

  it('NIK must be exactly 16 digits', () => {
    const nik = identifierField('nik');
    expect(nik.parse('3528 0000 0003 1337')).toBe('3528000000031337');
    expect(nik.safeParse('352800000003133').success).toBe(false);
    expect(nik.safeParse('35280000000313370').success).toBe(false);
    expect(nik.safeParse('352800000003133X').success).toBe(false);
  });

  it('NIP must be exactly 18 digits', () => {
    const nip = identifierField('nip');
    expect(nip.parse('19700101 200501 1 001')).toBe('197001012005011001');
    expect(nip.safeParse('19700101200501100').success).toBe(false);
    expect(nip.safeParse('1970010120050110011').success).toBe(false);
  });

  it('an empty identifier becomes null; an absent one stays absent', () => {
    expect(identifierField('nik').parse('')).toBeNull();
    expect(identifierField('nik').parse('  ')).toBeNull();
    expect(identifierField('nik').parse(null)).toBeNull();
    expect(identifierField('nik').parse(undefined)).toBeUndefined();
  });

  it('refuses a number: identifiers travel as text', () => {
    expect(identifierField('nuptk').safeParse(12345678).success).toBe(false);
  });

  it('refuses an identifier over 40 characters before looking at it', () => {
    expect(identifierField('nuptk').safeParse('1'.repeat(41)).success).toBe(false);
  });

  it.each<[keyof typeof IDENTIFIER_PATTERNS, string, boolean]>([
    ['nuptk', 'ID00104729', true],
    ['nuptk', '1234567', false],
    ['npsn', '99999001', true],
    ['npsn', '9999900', false],
    ['nsm', '121235280001', true],
    ['nsm', '12123528000', false],
    ['pegId', '00104729', true],
    ['pegId', 'A0104729', false],
  ])('%s %j valid: %s', (kind, value, valid) => {
    expect(IDENTIFIER_PATTERNS[kind].test(value)).toBe(valid);
  });
});
