import { describe, expect, it } from 'vitest';
import { guestFitsGroup, inviteeRefusal, inviteesEditable, sameInvitees, type InviteeCandidate } from './invitees.models.ts';

const members = new Set(['m1', 'm2']);
const found = new Map<string, InviteeCandidate>([
  ['m1', { id: 'm1', madrasahId: 'A', active: true }],
  ['m2', { id: 'm2', madrasahId: 'A', active: false }],
  ['g1', { id: 'g1', madrasahId: 'A', active: true }],
  ['g2', { id: 'g2', madrasahId: 'B', active: true }],
  ['g3', { id: 'g3', madrasahId: 'A', active: false }],
]);
const sameMadrasah = (t: InviteeCandidate) => guestFitsGroup('A', t.madrasahId, () => false);

describe('invitee list rules', () => {
  it.each([
    [['m1', 'm2'], null],
    [['m1'], null],
    [['m2', 'g1'], null],
    [[], 'empty'],
    [['m1', 'm1'], 'duplicate'],
    [['g1', 'g1'], 'duplicate'],
    [['m1', 'unknown'], 'not_invitable'],
    [['g2'], 'not_invitable'],
    [['g3'], 'not_invitable'],
  ] as const)('%j → %s', (ids, expected) => {
    expect(inviteeRefusal(ids, members, found, sameMadrasah)).toBe(expected);
  });

  it('a member stays invitable even when inactive; a guest must be active', () => {
    expect(inviteeRefusal(['m2'], members, found, sameMadrasah)).toBeNull();
    expect(inviteeRefusal(['g3'], members, found, sameMadrasah)).toBe('not_invitable');
  });

  it('a tenant-level group takes guests of any madrasah the actor sees', () => {
    expect(guestFitsGroup(null, 'B', (id) => id === 'B')).toBe(true);
    expect(guestFitsGroup(null, 'C', (id) => id === 'B')).toBe(false);
    expect(guestFitsGroup('A', 'B', () => true)).toBe(false);
  });

  it('changes only while planned', () => {
    expect(inviteesEditable('direncanakan')).toBe(true);
    expect(['berlangsung', 'selesai', 'dibatalkan'].map((s) => inviteesEditable(s as 'selesai'))).toEqual([false, false, false]);
  });

  it('compares lists as sets', () => {
    expect(sameInvitees(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameInvitees(['a'], ['a', 'b'])).toBe(false);
    expect(sameInvitees(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
