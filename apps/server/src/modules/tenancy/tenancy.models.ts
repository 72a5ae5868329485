import type { Role, RoleGrant } from '@tumbuh/shared';

/** Who is asking: resolved from the session on every request. */
export interface Actor {
  userId: string;
  tenantId: string;
  sessionId: string;
  email: string;
  name: string;
  locale: 'id' | 'en';
  teacherId: string | null;
  roles: RoleGrant[];
}

/** Roles that may see a teacher's restricted data (NIK, NIP, birth data, contact). */
const RESTRICTED_DATA_ROLES: readonly Role[] = ['operator', 'kepala_madrasah', 'pengawas'];

/** True when the actor holds `role` for this madrasah (a tenant-wide grant covers every madrasah). */
export function hasRole(actor: Pick<Actor, 'roles'>, role: Role, madrasahId?: string | null): boolean {
  return actor.roles.some(
    (g) => g.role === role && (g.madrasahId === null || madrasahId === undefined || g.madrasahId === madrasahId),
  );
}

/** True when any of `roles` is held for this madrasah. */
export function hasAnyRole(actor: Pick<Actor, 'roles'>, roles: readonly Role[], madrasahId?: string | null): boolean {
  return roles.some((r) => hasRole(actor, r, madrasahId));
}

/**
 * Madrasahs the actor may see: `'all'` for a tenant-wide grant, else the madrasahs named in
 * their grants (a pengawas sees only the madrasahs assigned).
 */
export function visibleMadrasahIds(actor: Pick<Actor, 'roles'>): 'all' | string[] {
  if (actor.roles.some((g) => g.madrasahId === null)) return 'all';
  return [...new Set(actor.roles.map((g) => g.madrasahId).filter((id): id is string => id !== null))];
}

/** True when the actor may see anything of this madrasah. */
export function canSeeMadrasah(actor: Pick<Actor, 'roles'>, madrasahId: string): boolean {
  const visible = visibleMadrasahIds(actor);
  return visible === 'all' || visible.includes(madrasahId);
}

/** Operators manage teachers, subjects, clusters and imports of their madrasah(s). */
export function canManagePeople(actor: Pick<Actor, 'roles'>, madrasahId: string): boolean {
  return hasRole(actor, 'operator', madrasahId);
}

/** Operators with a tenant-wide grant, or of any madrasah, manage accounts and invitations. */
export function canManageAccounts(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((g) => g.role === 'operator');
}

/** Restricted teacher data: operator / kepala / pengawas of that madrasah, or the teacher themself. */
export function canSeeRestrictedTeacherData(
  actor: Pick<Actor, 'roles' | 'teacherId'>,
  teacher: { id: string; madrasahId: string },
): boolean {
  return actor.teacherId === teacher.id || hasAnyRole(actor, RESTRICTED_DATA_ROLES, teacher.madrasahId);
}

/** An operator may grant only roles within their own scope (a madrasah operator cannot grant tenant-wide roles). */
export function canGrant(actor: Pick<Actor, 'roles'>, grant: RoleGrant): boolean {
  if (grant.madrasahId === null) return hasRole(actor, 'operator', null) && actor.roles.some((g) => g.role === 'operator' && g.madrasahId === null);
  return hasRole(actor, 'operator', grant.madrasahId);
}
