import { describe, expect, it } from 'vitest';
import { assignRole, moved, programmeState, type MemberDraft } from './admin.models.ts';

const members: MemberDraft[] = [
  { teacherId: 'a', name: 'A', role: 'ketua' },
  { teacherId: 'b', name: 'B', role: 'sekretaris' },
  { teacherId: 'c', name: 'C', role: 'anggota' },
];
const roles = (list: MemberDraft[]) => list.map((m) => `${m.teacherId}:${m.role}`);

describe('one ketua, sekretaris and bendahara: giving an office takes it from its holder', () => {
  it.each([
    ['c', 'ketua', ['a:anggota', 'b:sekretaris', 'c:ketua']],
    ['c', 'sekretaris', ['a:ketua', 'b:anggota', 'c:sekretaris']],
    ['c', 'bendahara', ['a:ketua', 'b:sekretaris', 'c:bendahara']],
    ['a', 'anggota', ['a:anggota', 'b:sekretaris', 'c:anggota']],
    ['b', 'ketua', ['a:anggota', 'b:ketua', 'c:anggota']],
  ] as const)('%s becomes %s', (id, role, expected) => {
    expect(roles(assignRole(members, id, role))).toEqual(expected);
  });
});

describe('moving an agenda item up or down', () => {
  it.each([
    [0, 1, ['y', 'x', 'z']],
    [1, -1, ['y', 'x', 'z']],
    [1, 1, ['x', 'z', 'y']],
    [0, -1, ['x', 'y', 'z']],
    [2, 1, ['x', 'y', 'z']],
    [5, -1, ['x', 'y', 'z']],
  ] as const)('item %i by %i', (index, step, expected) => {
    expect(moved(['x', 'y', 'z'], index, step)).toEqual(expected);
  });
});

describe('programme activity state (planned vs held)', () => {
  it.each([
    [null, null, 'planned'],
    ['m', 'direncanakan', 'scheduled'],
    ['m', 'berlangsung', 'scheduled'],
    ['m', 'selesai', 'held'],
    ['m', 'dibatalkan', 'cancelled'],
  ] as const)('meeting %s %s → %s', (meetingId, meetingStatus, expected) => {
    expect(programmeState({ meetingId, meetingStatus })).toBe(expected);
  });
});
