import type { Me, Role } from '@tumbuh/shared';

/** What the interface offers, and which roles see it. The server enforces the same rules. */
const CAPABILITIES = {
  manageTeachers: ['operator'],
  importTeachers: ['operator'],
  manageSubjects: ['operator'],
  manageUsers: ['operator'],
  seeDistribution: ['kepala_madrasah', 'operator', 'pengawas'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Whether the user holds the role, anywhere in the tenant or (given a madrasah) for that madrasah. */
export function hasRole(me: Me, role: Role, madrasahId?: string): boolean {
  return me.roles.some(
    (grant) => grant.role === role && (madrasahId === undefined || grant.madrasahId === null || grant.madrasahId === madrasahId),
  );
}

/** Whether the interface should offer a capability to this user. */
export function can(me: Me, capability: Capability, madrasahId?: string): boolean {
  const roles: readonly Role[] = CAPABILITIES[capability];
  return roles.some((role) => hasRole(me, role, madrasahId));
}
