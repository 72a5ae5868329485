import { MGMP_ATTENDANCE_CODES } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { recordAttendanceByOfficer, type AttendanceRecord } from './mgmp.models.ts';

const at = new Date('2026-08-14T00:47:00.000Z');
const selfH: AttendanceRecord = { code: 'H', note: null, source: 'self', checkedInAt: at };

describe('an officer records attendance over what is stored', () => {
  it('nothing recorded yet: the officer’s code, note when given, no check-in time', () => {
    expect(recordAttendanceByOfficer(null, { code: 'I', note: 'izin: sakit anak' })).toEqual({
      next: { code: 'I', note: 'izin: sakit anak', source: 'sekretaris', checkedInAt: null },
      changed: true,
    });
    expect(recordAttendanceByOfficer(null, { code: 'H' })).toEqual({ next: { code: 'H', note: null, source: 'sekretaris', checkedInAt: null }, changed: true });
  });

  it('H again over a self check-in keeps the member’s source and time, and changes nothing', () => {
    expect(recordAttendanceByOfficer(selfH, { code: 'H' })).toEqual({ next: selfH, changed: false });
  });

  it('H again with a note over a self check-in keeps source and time and sets the note', () => {
    expect(recordAttendanceByOfficer(selfH, { code: 'H', note: 'datang terlambat' })).toEqual({
      next: { code: 'H', note: 'datang terlambat', source: 'self', checkedInAt: at },
      changed: true,
    });
  });

  it.each(['I', 'S', 'A'] as const)('%s over a self check-in records the officer and keeps the check-in time readable', (code) => {
    expect(recordAttendanceByOfficer(selfH, { code })).toEqual({ next: { code, note: null, source: 'sekretaris', checkedInAt: at }, changed: true });
  });

  it('H after the officer overrode a self check-in stays the officer’s (the time still kept)', () => {
    const overridden: AttendanceRecord = { code: 'A', note: null, source: 'sekretaris', checkedInAt: at };
    expect(recordAttendanceByOfficer(overridden, { code: 'H' })).toEqual({ next: { code: 'H', note: null, source: 'sekretaris', checkedInAt: at }, changed: true });
  });

  it.each(MGMP_ATTENDANCE_CODES)('a note is kept when the entry has no note key (code %s)', (code) => {
    const stored: AttendanceRecord = { code: 'I', note: 'izin: sakit anak', source: 'sekretaris', checkedInAt: null };
    expect(recordAttendanceByOfficer(stored, { code }).next.note).toBe('izin: sakit anak');
    expect(recordAttendanceByOfficer({ ...selfH, note: 'datang terlambat' }, { code }).next.note).toBe('datang terlambat');
  });

  it('null clears the note; the same note again changes nothing', () => {
    const stored: AttendanceRecord = { code: 'I', note: 'izin: sakit anak', source: 'sekretaris', checkedInAt: null };
    expect(recordAttendanceByOfficer(stored, { code: 'I', note: null })).toEqual({ next: { ...stored, note: null }, changed: true });
    expect(recordAttendanceByOfficer(stored, { code: 'I', note: 'izin: sakit anak' })).toEqual({ next: stored, changed: false });
    expect(recordAttendanceByOfficer(stored, { code: 'I' })).toEqual({ next: stored, changed: false });
  });

  it('the same code over an officer’s row changes nothing; another code does', () => {
    const stored: AttendanceRecord = { code: 'S', note: null, source: 'sekretaris', checkedInAt: null };
    expect(recordAttendanceByOfficer(stored, { code: 'S' }).changed).toBe(false);
    expect(recordAttendanceByOfficer(stored, { code: 'H' })).toEqual({ next: { ...stored, code: 'H' }, changed: true });
  });
});
