import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { loginBodySchema, updateMeSchema } from './auth.ts';
import { acceptInvitationSchema, createInvitationSchema, updateUserSchema } from './users.ts';

describe('loginBodySchema', () => {
  it('normalises the email to lower case without spaces', () => {
    expect(loginBodySchema.parse({ email: '  Operator@Contoh.SCH.ID ', password: 'x' }).email).toBe('operator@contoh.sch.id');
  });

  it('refuses extra fields, a missing password and a password over the limit', () => {
    expect(loginBodySchema.safeParse({ email: 'a@b.id', password: 'x', remember: true }).success).toBe(false);
    expect(loginBodySchema.safeParse({ email: 'a@b.id' }).success).toBe(false);
    expect(loginBodySchema.safeParse({ email: 'a@b.id', password: 'x'.repeat(LIMITS.passwordMax + 1) }).success).toBe(false);
    expect(loginBodySchema.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false);
  });
});

describe('account schemas', () => {
  it('updateMe takes only a known locale and a name', () => {
    expect(updateMeSchema.parse({ locale: 'en' })).toEqual({ locale: 'en' });
    expect(updateMeSchema.safeParse({ locale: 'fr' }).success).toBe(false);
    expect(updateMeSchema.safeParse({ email: 'x@y.id' }).success).toBe(false);
  });

  it('an invitation names a known role and a madrasah or null', () => {
    const ok = createInvitationSchema.parse({ email: 'Baru@Contoh.sch.id', name: 'Guru Baru', role: 'guru', madrasahId: null });
    expect(ok.email).toBe('baru@contoh.sch.id');
    expect(createInvitationSchema.safeParse({ email: 'a@b.id', name: 'A', role: 'admin', madrasahId: null }).success).toBe(false);
    expect(createInvitationSchema.safeParse({ email: 'a@b.id', name: 'A', role: 'guru' }).success).toBe(false);
  });

  it('a password shorter than the minimum is refused when accepting an invitation', () => {
    expect(acceptInvitationSchema.safeParse({ token: 't'.repeat(43), password: 'x'.repeat(LIMITS.passwordMin - 1) }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ token: 't'.repeat(43), password: 'x'.repeat(LIMITS.passwordMin) }).success).toBe(true);
  });

  it('a user change needs at least one role when roles are given, and knows no other fields', () => {
    expect(updateUserSchema.safeParse({ roles: [] }).success).toBe(false);
    expect(updateUserSchema.safeParse({ email: 'x@y.id' }).success).toBe(false);
    expect(updateUserSchema.safeParse({ roles: [{ role: 'guru', madrasahId: null, extra: 1 }] }).success).toBe(false);
  });
});
