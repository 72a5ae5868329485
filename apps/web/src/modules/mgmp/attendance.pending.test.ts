import { describe, expect, it } from 'vitest';
import { cleanNote, entriesToSend, forgetSent, parsePending, pendingCount, withCode, withNote } from './attendance.pending.ts';

describe('pending attendance on the device', () => {
  it('reads the earlier format (teacher → code) and the current one, dropping anything else', () => {
    expect(parsePending({ a: 'H', b: { code: 'I', note: 'izin: sakit anak' }, c: { note: null }, d: 'X', e: { code: 'Z' }, f: 3 })).toEqual({
      a: { code: 'H' },
      b: { code: 'I', note: 'izin: sakit anak' },
      c: { note: null },
    });
    expect(parsePending(null)).toEqual({});
    expect(parsePending('H')).toEqual({});
  });

  it('a tap keeps a pending note; a note keeps a pending tap', () => {
    let p = withNote({}, 'a', '  datang terlambat ', null);
    expect(p).toEqual({ a: { note: 'datang terlambat' } });
    p = withCode(p, 'a', 'H');
    expect(p).toEqual({ a: { note: 'datang terlambat', code: 'H' } });
    expect(withNote(withCode({}, 'b', 'I'), 'b', 'izin', null)).toEqual({ b: { code: 'I', note: 'izin' } });
  });

  it('an empty note clears (null); writing back the stored note leaves nothing to send', () => {
    expect(withNote({}, 'a', '   ', 'lama')).toEqual({ a: { note: null } });
    expect(withNote({ a: { note: 'baru' } }, 'a', 'lama', 'lama')).toEqual({});
    expect(withNote({ a: { code: 'S', note: 'baru' } }, 'a', 'lama', 'lama')).toEqual({ a: { code: 'S' } });
  });

  it('notes are cut to the server’s limit', () => {
    expect(cleanNote('x'.repeat(250))).toHaveLength(200);
    expect(cleanNote(null)).toBeNull();
  });

  it('sends the code tapped here or the one stored; the note only when changed here; waits without any code', () => {
    const stored = [
      { teacherId: 'a', code: 'H' as const },
      { teacherId: 'b', code: null },
      { teacherId: 'c', code: null },
    ];
    const p = { a: { note: 'datang terlambat' }, b: { note: 'izin' }, c: { code: 'A' as const } };
    expect(entriesToSend(p, stored)).toEqual([
      { teacherId: 'a', code: 'H', note: 'datang terlambat' },
      { teacherId: 'c', code: 'A' },
    ]);
    expect(entriesToSend({ a: { note: null } }, stored)).toEqual([{ teacherId: 'a', code: 'H', note: null }]);
  });

  it('forgets what was accepted, keeps what changed meanwhile', () => {
    const sent = [
      { teacherId: 'a', code: 'H' as const, note: 'datang terlambat' },
      { teacherId: 'b', code: 'I' as const },
    ];
    expect(forgetSent({ a: { note: 'datang terlambat' }, b: { code: 'I' } }, sent)).toEqual({});
    expect(forgetSent({ a: { note: 'datang terlambat sekali' }, b: { code: 'S' }, c: { code: 'A' } }, sent)).toEqual({
      a: { note: 'datang terlambat sekali' },
      b: { code: 'S' },
      c: { code: 'A' },
    });
    // A code sent along with a note (the stored one) does not drop a tap made meanwhile.
    expect(forgetSent({ a: { code: 'A', note: 'datang terlambat' } }, sent)).toEqual({ a: { code: 'A' } });
    expect(pendingCount({ a: {}, b: { code: 'H' } })).toBe(2);
  });
});
