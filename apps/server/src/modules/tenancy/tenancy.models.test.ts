import type { Role, RoleGrant } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { canGrant, canManageAccounts, canManagePeople, canSeeMadrasah, canSeeRestrictedTeacherData, hasAnyRole, hasRole, visibleMadrasahIds } from './tenancy.models.ts';

const M1 = '0190a000-0000-7000-8000-000000000001';
const M2 = '0190a000-0000-7000-8000-000000000002';
const T1 = '0190a000-0000-7000-8000-0000000000a1';
const T2 = '0190a000-0000-7000-8000-0000000000a2';

const actor = (...roles: RoleGrant[]) => ({ roles, teacherId: null as string | null });
const grant = (role: Role, madrasahId: string | null): RoleGrant => ({ role, madrasahId });

describe('hasRole', () => {
  it('a tenant-wide grant covers every madrasah of the tenant', () => {
    const a = actor(grant('operator', null));
    expect(hasRole(a, 'operator', M1)).toBe(true);
    expect(hasRole(a, 'operator', M2)).toBe(true);
    expect(hasRole(a, 'operator', null)).toBe(true);
    expect(hasRole(a, 'operator')).toBe(true);
  });

  it('a madrasah grant covers only its own madrasah, never the tenant as a whole', () => {
    const a = actor(grant('operator', M1));
    expect(hasRole(a, 'operator', M1)).toBe(true);
    expect(hasRole(a, 'operator', M2)).toBe(false);
    expect(hasRole(a, 'operator', null)).toBe(false);
  });

  it('holding one role does not grant another', () => {
    const a = actor(grant('guru', M1));
    expect(hasRole(a, 'operator', M1)).toBe(false);
    expect(hasRole(a, 'kepala_madrasah')).toBe(false);
  });

  it('without a madrasah asked, any grant of the role counts', () => {
    expect(hasRole(actor(grant('kepala_madrasah', M2)), 'kepala_madrasah')).toBe(true);
  });

  it('an actor without grants holds nothing', () => {
    expect(hasRole(actor(), 'guru')).toBe(false);
    expect(hasAnyRole(actor(), ['guru', 'operator'], M1)).toBe(false);
  });

  it('hasAnyRole is true when one of the roles is held for that madrasah', () => {
    const a = actor(grant('guru', M1), grant('kepala_madrasah', M2));
    expect(hasAnyRole(a, ['operator', 'kepala_madrasah'], M2)).toBe(true);
    expect(hasAnyRole(a, ['operator', 'kepala_madrasah'], M1)).toBe(false);
  });
});

describe('visibleMadrasahIds', () => {
  it.each<[string, RoleGrant[], 'all' | string[]]>([
    ['a tenant-wide operator sees all madrasahs', [grant('operator', null)], 'all'],
    ['a pengawas sees only the madrasah assigned', [grant('pengawas', M1)], [M1]],
    ['a pengawas of two madrasahs sees both, each once', [grant('pengawas', M1), grant('pengawas', M2), grant('guru', M1)], [M1, M2]],
    ['any tenant-wide grant widens the scope to all', [grant('guru', M1), grant('peneliti', null)], 'all'],
    ['no grant, no madrasah', [], []],
  ])('%s', (_name, roles, expected) => {
    expect(visibleMadrasahIds(actor(...roles))).toEqual(expected);
  });

  it('canSeeMadrasah follows the visible madrasahs', () => {
    expect(canSeeMadrasah(actor(grant('pengawas', M1)), M1)).toBe(true);
    expect(canSeeMadrasah(actor(grant('pengawas', M1)), M2)).toBe(false);
    expect(canSeeMadrasah(actor(grant('kepala_madrasah', null)), M2)).toBe(true);
  });
});

describe('canSeeRestrictedTeacherData', () => {
  const teacher = { id: T1, madrasahId: M1 };

  it.each<[string, RoleGrant[], boolean]>([
    ['an operator of the madrasah sees it', [grant('operator', M1)], true],
    ['a tenant-wide operator sees it', [grant('operator', null)], true],
    ['the kepala madrasah sees it', [grant('kepala_madrasah', M1)], true],
    ['the pengawas of the madrasah sees it', [grant('pengawas', M1)], true],
    ['a pengawas of another madrasah does not', [grant('pengawas', M2)], false],
    ['a kepala of another madrasah does not', [grant('kepala_madrasah', M2)], false],
    ['a guru colleague does not', [grant('guru', M1)], false],
    ['a koordinator MGMP does not', [grant('koordinator_mgmp', M1), grant('guru', M1)], false],
    ['a peneliti does not', [grant('peneliti', M1)], false],
  ])('%s', (_name, roles, expected) => {
    expect(canSeeRestrictedTeacherData(actor(...roles), teacher)).toBe(expected);
  });

  it('a guru sees their own record in full, not a colleague’s', () => {
    const guru = { roles: [grant('guru', M1)], teacherId: T1 };
    expect(canSeeRestrictedTeacherData(guru, { id: T1, madrasahId: M1 })).toBe(true);
    expect(canSeeRestrictedTeacherData(guru, { id: T2, madrasahId: M1 })).toBe(false);
  });
});

describe('managing people and accounts', () => {
  it('only an operator of the madrasah manages its people', () => {
    expect(canManagePeople(actor(grant('operator', M1)), M1)).toBe(true);
    expect(canManagePeople(actor(grant('operator', M1)), M2)).toBe(false);
    expect(canManagePeople(actor(grant('operator', null)), M2)).toBe(true);
    expect(canManagePeople(actor(grant('kepala_madrasah', M1)), M1)).toBe(false);
    expect(canManagePeople(actor(grant('guru', M1)), M1)).toBe(false);
  });

  it('any operator manages accounts; other roles do not', () => {
    expect(canManageAccounts(actor(grant('operator', M1)))).toBe(true);
    expect(canManageAccounts(actor(grant('operator', null)))).toBe(true);
    expect(canManageAccounts(actor(grant('kepala_madrasah', null)))).toBe(false);
    expect(canManageAccounts(actor(grant('pengawas', M1), grant('guru', M1)))).toBe(false);
  });
});

describe('canGrant', () => {
  it('a tenant-wide operator grants any role, tenant-wide or for any madrasah', () => {
    const op = actor(grant('operator', null));
    expect(canGrant(op, grant('operator', null))).toBe(true);
    expect(canGrant(op, grant('pengawas', M2))).toBe(true);
    expect(canGrant(op, grant('guru', M1))).toBe(true);
  });

  it('a madrasah operator grants roles of their own madrasah only', () => {
    const op = actor(grant('operator', M1));
    expect(canGrant(op, grant('guru', M1))).toBe(true);
    expect(canGrant(op, grant('operator', M1))).toBe(true);
    expect(canGrant(op, grant('guru', M2))).toBe(false);
  });

  it('a madrasah operator cannot grant a tenant-wide role', () => {
    expect(canGrant(actor(grant('operator', M1)), grant('guru', null))).toBe(false);
    expect(canGrant(actor(grant('operator', M1), grant('operator', M2)), grant('operator', null))).toBe(false);
  });

  it('a tenant-wide non-operator grants nothing', () => {
    const kepala = actor(grant('kepala_madrasah', null));
    expect(canGrant(kepala, grant('guru', M1))).toBe(false);
    expect(canGrant(kepala, grant('guru', null))).toBe(false);
  });
});
