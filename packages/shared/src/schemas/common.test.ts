import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { idParamsSchema, listQuerySchema, optionalText, requiredText } from './common.ts';

describe('listQuerySchema', () => {
  it('defaults to the first page of 25', () => {
    expect(listQuerySchema.parse({})).toEqual({ limit: LIMITS.pageDefault, offset: 0 });
  });

  it('reads limit and offset from query-string text', () => {
    expect(listQuerySchema.parse({ limit: '10', offset: '20', q: '  fauzi ' })).toEqual({ limit: 10, offset: 20, q: 'fauzi' });
  });

  it.each([
    ['limit 0', { limit: '0' }],
    ['limit above the page maximum', { limit: String(LIMITS.pageMax + 1) }],
    ['a fractional limit', { limit: '2.5' }],
    ['a negative offset', { offset: '-1' }],
    ['a non-numeric limit', { limit: 'ten' }],
    ['an over-long q', { q: 'x'.repeat(LIMITS.nameMax + 1) }],
    ['an unknown parameter', { sort: 'name' }],
  ])('refuses %s', (_name, input) => {
    expect(listQuerySchema.safeParse(input).success).toBe(false);
  });

  it('accepts the largest page', () => {
    expect(listQuerySchema.parse({ limit: String(LIMITS.pageMax) }).limit).toBe(LIMITS.pageMax);
  });
});

describe('idParamsSchema', () => {
  it('accepts a UUID and refuses anything else', () => {
    expect(idParamsSchema.safeParse({ id: '0190a000-0000-7000-8000-000000000001' }).success).toBe(true);
    expect(idParamsSchema.safeParse({ id: '1' }).success).toBe(false);
    expect(idParamsSchema.safeParse({ id: "1' or '1'='1" }).success).toBe(false);
  });
});

describe('text fields', () => {
  it('requiredText trims and refuses empty or over-long text', () => {
    expect(requiredText().parse('  Fikih ')).toBe('Fikih');
    expect(requiredText().safeParse('   ').success).toBe(false);
    expect(requiredText(5).safeParse('abcdef').success).toBe(false);
  });

  it('optionalText turns an empty string into null and keeps absence', () => {
    expect(optionalText().parse('')).toBeNull();
    expect(optionalText().parse(null)).toBeNull();
    expect(optionalText().parse(undefined)).toBeUndefined();
    expect(optionalText().parse(' Pamekasan ')).toBe('Pamekasan');
  });
});
