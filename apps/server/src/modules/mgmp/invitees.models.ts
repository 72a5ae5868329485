import type { MgmpMeetingStatus } from '@tumbuh/shared';

/**
 * Who may be invited to a meeting (pure rules; see docs/ARCHITECTURE.md "MGMP meeting invitees").
 * Default: every member of the group when the meeting is planned. The officer may narrow the list
 * and add guests: active teachers of the group's madrasah who are not members (for a tenant-level
 * group: any active teacher of a madrasah the officer sees). The list changes only while the
 * meeting is planned (direncanakan).
 */

/** A teacher named in the list, as found in the tenant (undefined: no such teacher here). */
export interface InviteeCandidate {
  id: string;
  madrasahId: string;
  active: boolean;
}

export type InviteeRefusal = 'empty' | 'duplicate' | 'not_invitable';

/**
 * Why a list of invited teacher ids is refused, or null when it is acceptable: empty, a teacher named
 * twice, or one who is neither a member nor an invitable guest (unknown, of another tenant — RLS hides
 * it —, of another madrasah, of a madrasah the actor does not see, or inactive).
 */
export function inviteeRefusal(
  ids: readonly string[],
  memberIds: ReadonlySet<string>,
  found: ReadonlyMap<string, InviteeCandidate>,
  guestAllowed: (teacher: InviteeCandidate) => boolean,
): InviteeRefusal | null {
  if (ids.length === 0) return 'empty';
  if (new Set(ids).size !== ids.length) return 'duplicate';
  for (const id of ids) {
    if (memberIds.has(id)) continue;
    const teacher = found.get(id);
    if (!teacher || !teacher.active || !guestAllowed(teacher)) return 'not_invitable';
  }
  return null;
}

/** A guest's madrasah fits the group: the group's own madrasah, or (tenant-level group) one the actor sees. */
export function guestFitsGroup(groupMadrasahId: string | null, teacherMadrasahId: string, actorSees: (madrasahId: string) => boolean): boolean {
  return groupMadrasahId === null ? actorSees(teacherMadrasahId) : teacherMadrasahId === groupMadrasahId;
}

/** The invitation list changes only while the meeting is planned. */
export function inviteesEditable(status: MgmpMeetingStatus): boolean {
  return status === 'direncanakan';
}

/** Same set of teachers, whatever the order. */
export function sameInvitees(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
