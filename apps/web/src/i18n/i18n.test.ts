import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { id } from './id.ts';
import { flatten, translate } from './translate.ts';

const placeholders = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  const idEntries = flatten(id);
  const enEntries = new Map(flatten(en));

  it('English covers every Indonesian key and adds none', () => {
    expect([...enEntries.keys()].sort()).toEqual(idEntries.map(([k]) => k).sort());
  });

  it('has no empty or non-string texts in either language', () => {
    for (const [key, text] of [...idEntries, ...enEntries]) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of idEntries) {
      expect(placeholders(enEntries.get(key)), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders and falls back to the key path only for unknown keys', () => {
    expect(translate('id', 'common.pageInfo', { from: 1, to: 25, total: 30 })).toBe('1–25 dari 30');
    expect(translate('en', 'teachers.title')).toBe('Teachers');
  });
});
