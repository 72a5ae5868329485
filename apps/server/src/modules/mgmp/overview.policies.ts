import type { MgmpMemberRole } from '@tumbuh/shared';
import { hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import { groupAccess } from './mgmp.policies.ts';

/**
 * Which groups appear in the madrasah-wide overview (figures per group, no names of members):
 * every group the actor may read under the MGMP rules (members and officers, the madrasah's kepala
 * madrasah / operator / pengawas), plus — read-only, figures only — every group of a madrasah where
 * the actor is peneliti. Other teachers (guru, koordinator MGMP) see only the groups they belong
 * to; a group they only know exists is left out, not refused.
 */
export function canReadGroupOverview(actor: Pick<Actor, 'roles'>, group: { madrasahId: string | null }, myRole: MgmpMemberRole | null): boolean {
  return groupAccess(actor, group, myRole) !== 'exists' || hasRole(actor, 'peneliti', group.madrasahId);
}
