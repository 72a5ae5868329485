import { describe, expect, it } from 'vitest';
import { escapeLike, teacherSearchText } from './people.models.ts';

describe('teacherSearchText', () => {
  it('joins the lower-cased name and identifiers, leading zeros kept', () => {
    expect(teacherSearchText({ name: 'Ahmad FAUZI, S.Pd.I', nuptk: '0012345678901234', nip: '197001012005011001', pegId: '00104729' })).toBe(
      'ahmad fauzi, s.pd.i 0012345678901234 197001012005011001 00104729',
    );
  });

  it('treats missing identifiers as empty, so a name-only teacher is still found by name', () => {
    const text = teacherSearchText({ name: 'Siti Aminah', nuptk: null });
    expect(text).toBe('siti aminah   ');
    expect(text.includes('aminah')).toBe(true);
  });

  it('does not include restricted data (NIK), so search cannot reveal it', () => {
    const input = { name: 'Nur Hasanah', nik: '3528000000031337' };
    expect(teacherSearchText(input)).not.toContain('3528000000031337');
  });
});

describe('escapeLike', () => {
  it.each([
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });
});
