import type { MgmpAccess, MgmpMemberRole } from '@tumbuh/shared';
import { canSeeMadrasah, hasAnyRole, hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import { isOfficer } from './mgmp.models.ts';

/**
 * Who may do what with an MGMP group. A group of a madrasah belongs to that madrasah's scope; a
 * tenant-level (district) group is visible to everyone of the tenant and managed by tenant-wide
 * kepala madrasah / operator grants. Checked by the use cases before they touch anything; the
 * database isolates tenants again (row-level security).
 */

type GroupScope = { madrasahId: string | null };

/** False when the group is outside the actor's madrasahs: answered as 404, like another tenant's. */
export function canSeeGroup(actor: Pick<Actor, 'roles'>, group: GroupScope): boolean {
  return group.madrasahId === null || canSeeMadrasah(actor, group.madrasahId);
}

/** Kepala madrasah or operator of the group's madrasah (a tenant-wide grant for a tenant-level group). */
function isMadrasahLeadership(actor: Pick<Actor, 'roles'>, group: GroupScope): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'operator'], group.madrasahId);
}

/**
 * manage: officers (ketua, sekretaris, bendahara) and the madrasah's kepala / operator change meetings,
 * minutes, decisions and follow-ups; member: members (and the madrasah's pengawas) read everything;
 * exists: other teachers of the tenant see only the group's name and subject.
 */
export function groupAccess(actor: Pick<Actor, 'roles'>, group: GroupScope, myRole: MgmpMemberRole | null): MgmpAccess {
  if (isOfficer(myRole) || isMadrasahLeadership(actor, group)) return 'manage';
  if (myRole !== null || hasRole(actor, 'pengawas', group.madrasahId)) return 'member';
  return 'exists';
}

/** Creating, archiving a group and setting its officers: kepala madrasah or operator of its madrasah. */
export function canAdministerGroup(actor: Pick<Actor, 'roles'>, group: GroupScope): boolean {
  return isMadrasahLeadership(actor, group);
}

/** Approving minutes and recording a mufakat: the ketua, or the kepala madrasah (who signs "mengetahui"). */
export function canLeadGroup(actor: Pick<Actor, 'roles'>, group: GroupScope, myRole: MgmpMemberRole | null): boolean {
  return myRole === 'ketua' || hasRole(actor, 'kepala_madrasah', group.madrasahId);
}

/** Adding a topic to the list: kepala madrasah or operator (of the madrasah, or tenant-wide for a tenant topic). */
export function canAddTopic(actor: Pick<Actor, 'roles'>, madrasahId: string | null): boolean {
  return isMadrasahLeadership(actor, { madrasahId });
}

/** A follow-up's owners update its status and evidence themselves; managers of the group change everything. */
export function canUpdateFollowUp(access: MgmpAccess, actorTeacherId: string | null, ownerIds: readonly string[]): 'all' | 'own' | 'none' {
  if (access === 'manage') return 'all';
  if (actorTeacherId !== null && ownerIds.includes(actorTeacherId)) return 'own';
  return 'none';
}
