/**
 * The invitation list while it is being edited (plan form, meeting page). Stored as what differs from
 * the default — every member invited — so a draft stays right when the group's members change:
 * `excluded` members (unticked) and `guests` (teachers of the madrasah who are not members).
 */
export interface InviteeDraft {
  excluded: string[];
  guests: { teacherId: string; name: string }[];
}

export const DEFAULT_INVITATION: InviteeDraft = { excluded: [], guests: [] };

/** Every member invited and no guest: the server's default, the body may leave the list out. */
export function isDefaultInvitation(d: InviteeDraft, memberIds: readonly string[]): boolean {
  return d.guests.length === 0 && !memberIds.some((id) => d.excluded.includes(id));
}

/** The ids to send: the ticked members (in the group's order), then the guests. */
export function invitedTeacherIds(d: InviteeDraft, memberIds: readonly string[]): string[] {
  const members = memberIds.filter((id) => !d.excluded.includes(id));
  return [...members, ...d.guests.map((g) => g.teacherId).filter((id) => !members.includes(id))];
}

/** Ticks or unticks a member. */
export function toggleMember(d: InviteeDraft, teacherId: string, invited: boolean): InviteeDraft {
  const excluded = d.excluded.filter((id) => id !== teacherId);
  return { ...d, excluded: invited ? excluded : [...excluded, teacherId] };
}

/** Ticks every member, or none. */
export function setAllMembers(d: InviteeDraft, memberIds: readonly string[], invited: boolean): InviteeDraft {
  return { ...d, excluded: invited ? [] : [...memberIds] };
}

/** Adds a guest once (a member is ticked instead). */
export function addGuest(d: InviteeDraft, memberIds: readonly string[], guest: { teacherId: string; name: string }): InviteeDraft {
  if (memberIds.includes(guest.teacherId)) return toggleMember(d, guest.teacherId, true);
  if (d.guests.some((g) => g.teacherId === guest.teacherId)) return d;
  return { ...d, guests: [...d.guests, guest] };
}

export function removeGuest(d: InviteeDraft, teacherId: string): InviteeDraft {
  return { ...d, guests: d.guests.filter((g) => g.teacherId !== teacherId) };
}

/** The draft of a meeting's current list: members not on it are unticked, invitees who are not members are guests. */
export function draftFromInvitees(memberIds: readonly string[], invitees: readonly { teacherId: string; name: string; role: string | null }[]): InviteeDraft {
  const invited = new Set(invitees.map((i) => i.teacherId));
  return {
    excluded: memberIds.filter((id) => !invited.has(id)),
    guests: invitees.filter((i) => !memberIds.includes(i.teacherId)).map((i) => ({ teacherId: i.teacherId, name: i.name })),
  };
}

/** A draft read back from this device's storage: anything not of the expected shape counts as the default. */
export function normaliseInviteeDraft(value: unknown): InviteeDraft {
  if (typeof value !== 'object' || value === null) return DEFAULT_INVITATION;
  const { excluded, guests } = value as { excluded?: unknown; guests?: unknown };
  return {
    excluded: Array.isArray(excluded) ? excluded.filter((id): id is string => typeof id === 'string') : [],
    guests: Array.isArray(guests)
      ? guests.flatMap((g: unknown) => {
          if (typeof g !== 'object' || g === null) return [];
          const { teacherId, name } = g as { teacherId?: unknown; name?: unknown };
          return typeof teacherId === 'string' && typeof name === 'string' ? [{ teacherId, name }] : [];
        })
      : [],
  };
}
