import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { createClusterSchema, createSubjectSchema, createTeacherSchema, teacherListQuerySchema, updateSubjectSchema, updateTeacherSchema } from './people.ts';

const MADRASAH = '0190a000-0000-7000-8000-000000000001';

describe('createTeacherSchema', () => {
  it('keeps identifiers as text with their leading zeros', () => {
    const parsed = createTeacherSchema.parse({ madrasahId: MADRASAH, name: 'Guru Baru', nuptk: '0012345678901234', nik: '0012345678901234', pegId: '000123' });
    expect(parsed.nuptk).toBe('0012345678901234');
    expect(parsed.nik).toBe('0012345678901234');
    expect(parsed.pegId).toBe('000123');
  });

  it.each([
    ['an unknown field', { madrasahId: MADRASAH, name: 'A', salary: 1 }],
    ['a missing name', { madrasahId: MADRASAH }],
    ['a missing madrasah', { name: 'A' }],
    ['a name over the limit', { madrasahId: MADRASAH, name: 'a'.repeat(LIMITS.nameMax + 1) }],
    ['a NIK of 15 digits', { madrasahId: MADRASAH, name: 'A', nik: '123456789012345' }],
    ['a NIP of 17 digits', { madrasahId: MADRASAH, name: 'A', nip: '12345678901234567' }],
    ['an impossible birth date', { madrasahId: MADRASAH, name: 'A', birthDate: '1980-13-45' }],
    ['a birth date in another format', { madrasahId: MADRASAH, name: 'A', birthDate: '01/02/1980' }],
    ['an unknown employment status', { madrasahId: MADRASAH, name: 'A', employmentStatus: 'KONTRAK' }],
    ['a gender other than L/P', { madrasahId: MADRASAH, name: 'A', gender: 'X' }],
    ['an invalid email', { madrasahId: MADRASAH, name: 'A', email: 'not-an-email' }],
    ['a subject id that is not a UUID', { madrasahId: MADRASAH, name: 'A', subjectIds: ['QH'] }],
    ['a name of the wrong type', { madrasahId: MADRASAH, name: 42 }],
  ])('refuses %s', (_name, input) => {
    expect(createTeacherSchema.safeParse(input).success).toBe(false);
  });

  it('an empty email or phone becomes null', () => {
    const parsed = createTeacherSchema.parse({ madrasahId: MADRASAH, name: 'A', email: '', phone: '' });
    expect(parsed.email).toBeNull();
    expect(parsed.phone).toBeNull();
  });
});

describe('updateTeacherSchema', () => {
  it('accepts a partial change, including deactivation', () => {
    expect(updateTeacherSchema.parse({ active: false })).toEqual({ active: false });
  });

  it('refuses an unknown field and a change of madrasah', () => {
    expect(updateTeacherSchema.safeParse({ tenantId: MADRASAH }).success).toBe(false);
    expect(updateTeacherSchema.safeParse({ madrasahId: MADRASAH }).success).toBe(false);
  });
});

describe('subjects and clusters', () => {
  it('a subject defaults to both curricula', () => {
    expect(createSubjectSchema.parse({ madrasahId: MADRASAH, code: 'FIK2', name: 'Fikih Lanjut' }).curriculum).toBe('both');
  });

  it('refuses a code over the limit, an unknown curriculum and unknown fields', () => {
    expect(createSubjectSchema.safeParse({ madrasahId: MADRASAH, code: 'x'.repeat(LIMITS.codeMax + 1), name: 'A' }).success).toBe(false);
    expect(createSubjectSchema.safeParse({ madrasahId: MADRASAH, code: 'A', name: 'A', curriculum: 'ktsp' }).success).toBe(false);
    expect(updateSubjectSchema.safeParse({ tenantId: MADRASAH }).success).toBe(false);
    expect(createClusterSchema.safeParse({ madrasahId: MADRASAH, code: 'A', name: 'A', active: true }).success).toBe(false);
  });
});

describe('teacherListQuerySchema', () => {
  it('lists active teachers by default', () => {
    expect(teacherListQuerySchema.parse({})).toEqual({ limit: LIMITS.pageDefault, offset: 0, active: 'true' });
  });

  it('refuses an unknown status filter and a non-UUID subject', () => {
    expect(teacherListQuerySchema.safeParse({ employmentStatus: 'X' }).success).toBe(false);
    expect(teacherListQuerySchema.safeParse({ subjectId: 'QH' }).success).toBe(false);
    expect(teacherListQuerySchema.safeParse({ active: 'yes' }).success).toBe(false);
  });
});
