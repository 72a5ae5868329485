import type { MgmpMemberRole, MgmpProgrammeItem } from '@tumbuh/shared';

/** Pure rules of the MGMP administration screens (no React here). */

export interface MemberDraft {
  teacherId: string;
  name: string;
  role: MgmpMemberRole;
}

const OFFICES: readonly MgmpMemberRole[] = ['ketua', 'sekretaris', 'bendahara'];

/** Gives `teacherId` the role; an office held by someone else passes back to anggota (one ketua, sekretaris, bendahara each). */
export function assignRole(members: readonly MemberDraft[], teacherId: string, role: MgmpMemberRole): MemberDraft[] {
  return members.map((m) => (m.teacherId === teacherId ? { ...m, role } : OFFICES.includes(role) && m.role === role ? { ...m, role: 'anggota' } : m));
}

/** Moves the item at `index` one place up (-1) or down (+1); the list comes back unchanged at the ends. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export type ProgrammeState = 'planned' | 'scheduled' | 'held' | 'cancelled';

/** Where a programme activity stands: not scheduled, scheduled (meeting planned or running), held, or its meeting cancelled. */
export function programmeState(item: Pick<MgmpProgrammeItem, 'meetingId' | 'meetingStatus'>): ProgrammeState {
  if (!item.meetingId || !item.meetingStatus) return 'planned';
  switch (item.meetingStatus) {
    case 'selesai':
      return 'held';
    case 'dibatalkan':
      return 'cancelled';
    case 'direncanakan':
    case 'berlangsung':
      return 'scheduled';
  }
}

/** Whether this device keeps an unsent draft under `key` (see useDraft in shared/hooks), so its closed section opens by itself. */
export function hasDraft(key: string): boolean {
  try {
    return localStorage.getItem(`tumbuh.draft.${key}`) !== null;
  } catch {
    return false;
  }
}
