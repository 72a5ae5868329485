import { describe, expect, it } from 'vitest';
import { addGuest, DEFAULT_INVITATION, draftFromInvitees, invitedTeacherIds, isDefaultInvitation, normaliseInviteeDraft, removeGuest, setAllMembers, toggleMember } from './invitees.models.ts';

const members = ['k', 's', 'a1', 'a2'];
const narasumber = { teacherId: 'g', name: 'Narasumber' };

describe('invitation draft', () => {
  it('starts with every member invited: the default, the body may leave the list out', () => {
    expect(invitedTeacherIds(DEFAULT_INVITATION, members)).toEqual(members);
    expect(isDefaultInvitation(DEFAULT_INVITATION, members)).toBe(true);
  });

  it('narrows by unticking, and ticks again', () => {
    const d = toggleMember(toggleMember(DEFAULT_INVITATION, 's', false), 'a2', false);
    expect(invitedTeacherIds(d, members)).toEqual(['k', 'a1']);
    expect(isDefaultInvitation(d, members)).toBe(false);
    expect(invitedTeacherIds(toggleMember(d, 's', true), members)).toEqual(['k', 's', 'a1']);
  });

  it('all / none', () => {
    expect(invitedTeacherIds(setAllMembers(DEFAULT_INVITATION, members, false), members)).toEqual([]);
    expect(invitedTeacherIds(setAllMembers(setAllMembers(DEFAULT_INVITATION, members, false), members, true), members)).toEqual(members);
  });

  it('adds a guest once, after the members; a member searched for is ticked instead', () => {
    const d = addGuest(addGuest(DEFAULT_INVITATION, members, narasumber), members, narasumber);
    expect(d.guests).toEqual([narasumber]);
    expect(invitedTeacherIds(d, members)).toEqual([...members, 'g']);
    expect(isDefaultInvitation(d, members)).toBe(false);
    const ticked = addGuest(toggleMember(DEFAULT_INVITATION, 'a1', false), members, { teacherId: 'a1', name: 'A1' });
    expect(ticked).toEqual(DEFAULT_INVITATION);
    expect(invitedTeacherIds(removeGuest(d, 'g'), members)).toEqual(members);
  });

  it('a member who left the group no longer counts as unticked', () => {
    expect(isDefaultInvitation({ excluded: ['gone'], guests: [] }, members)).toBe(true);
  });

  it('reads a meeting’s list back', () => {
    const d = draftFromInvitees(members, [
      { teacherId: 'k', name: 'K', role: 'ketua' },
      { teacherId: 'a1', name: 'A1', role: 'anggota' },
      { teacherId: 'g', name: 'Narasumber', role: null },
    ]);
    expect(d).toEqual({ excluded: ['s', 'a2'], guests: [narasumber] });
    expect(invitedTeacherIds(d, members)).toEqual(['k', 'a1', 'g']);
  });

  it('a stored draft of another shape counts as the default', () => {
    expect(normaliseInviteeDraft(null)).toEqual(DEFAULT_INVITATION);
    expect(normaliseInviteeDraft({})).toEqual(DEFAULT_INVITATION);
    expect(normaliseInviteeDraft({ excluded: ['s', 3], guests: [narasumber, { teacherId: 1 }] })).toEqual({ excluded: ['s'], guests: [narasumber] });
  });
});
