import type { MgmpGroupSummary, MgmpMeeting } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * An officer's attendance save over what members and officers recorded before: a self check-in keeps
 * its source and time when H is set again, the time stays readable under I/S/A, and a note changes
 * only when the entry carries the `note` key. On real PostgreSQL, through the routes.
 */

let ctx: TestContext;
let kepala: Session;
let guru1: Session;
let meeting: MgmpMeeting;
let otherId: string;
interface MgmpAttendance {
  items: { teacherId: string; code: string | null; note: string | null; source: string | null; checkedInAt: string | null }[];
}
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

interface StoredRow {
  code: string;
  note: string | null;
  source: string;
  checked_in_at: Date | null;
}
async function stored(meetingId: string, teacherId: string): Promise<StoredRow | undefined> {
  const r = await ctx.db.pool.query<StoredRow>('select code, note, source, checked_in_at from mgmp_attendance where meeting_id = $1 and teacher_id = $2', [meetingId, teacherId]);
  return r.rows[0];
}
async function putAudits(meetingId: string) {
  const r = await ctx.db.pool.query<{ before: unknown; after: unknown }>(`select before, after from audit_log where action = 'mgmp.attendance.put' and entity_id = $1 order by at, id`, [meetingId]);
  return r.rows;
}
async function put(meetingId: string, entries: unknown[]) {
  const res = await kepala.request('PUT', `/api/v1/mgmp/meetings/${meetingId}/attendance`, { entries });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MgmpAttendance>();
}
async function newMeeting(title: string): Promise<MgmpMeeting> {
  const groups = (await kepala.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: MgmpGroupSummary[] }>().items;
  const pai = groups.find((g) => g.name === 'MGMP Rumpun PAI');
  const res = await kepala.request('POST', `/api/v1/mgmp/groups/${pai?.id}/meetings`, { title, startsAt: inMinutes(-5), endsAt: inMinutes(90) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MgmpMeeting>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  meeting = await newMeeting('Presensi dengan catatan');
  const sheet = (await kepala.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`)).json<MgmpAttendance>();
  otherId = sheet.items.find((i) => i.teacherId !== guru1.me.user.teacherId)?.teacherId ?? '';
  expect(otherId).not.toBe('');
});
afterAll(async () => {
  await ctx.close();
});

describe('an officer saves attendance over a self check-in', () => {
  it('H again keeps the member’s source and check-in time, writes nothing and audits nothing', async () => {
    const teacherId = guru1.me.user.teacherId ?? '';
    const checkIn = await guru1.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const checkedInAt = checkIn.json<{ checkedInAt: string }>().checkedInAt;

    const sheet = await put(meeting.id, [{ teacherId, code: 'H' }]);
    const row = sheet.items.find((i) => i.teacherId === teacherId);
    expect(row).toMatchObject({ code: 'H', source: 'self', checkedInAt, note: null });
    expect((await stored(meeting.id, teacherId))?.checked_in_at?.toISOString()).toBe(checkedInAt);
    expect(await putAudits(meeting.id)).toEqual([]);
  });

  it('a note on that member keeps the self check-in; the audit shows the note before and after', async () => {
    const teacherId = guru1.me.user.teacherId ?? '';
    const checkedInAt = (await stored(meeting.id, teacherId))?.checked_in_at?.toISOString() ?? null;
    await put(meeting.id, [{ teacherId, code: 'H', note: 'datang terlambat' }]);
    expect(await stored(meeting.id, teacherId)).toMatchObject({ code: 'H', note: 'datang terlambat', source: 'self' });
    expect((await stored(meeting.id, teacherId))?.checked_in_at?.toISOString()).toBe(checkedInAt);
    const audits = await putAudits(meeting.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toEqual({
      before: [{ teacherId, code: 'H', note: null, source: 'self', checkedInAt }],
      after: [{ teacherId, code: 'H', note: 'datang terlambat', source: 'self', checkedInAt }],
    });
  });

  it('another code records the officer, keeps the check-in time readable and the note (no note key)', async () => {
    const teacherId = guru1.me.user.teacherId ?? '';
    const checkedInAt = (await stored(meeting.id, teacherId))?.checked_in_at?.toISOString() ?? null;
    const sheet = await put(meeting.id, [{ teacherId, code: 'A' }]);
    expect(sheet.items.find((i) => i.teacherId === teacherId)).toMatchObject({ code: 'A', source: 'sekretaris', checkedInAt, note: 'datang terlambat' });
    const audits = await putAudits(meeting.id);
    expect(audits.at(-1)).toEqual({
      before: [{ teacherId, code: 'H', note: 'datang terlambat', source: 'self', checkedInAt }],
      after: [{ teacherId, code: 'A', note: 'datang terlambat', source: 'sekretaris', checkedInAt }],
    });
    // Back to H by the officer: the officer's H, the time still there.
    await put(meeting.id, [{ teacherId, code: 'H' }]);
    expect(await stored(meeting.id, teacherId)).toMatchObject({ code: 'H', source: 'sekretaris', note: 'datang terlambat' });
    expect((await stored(meeting.id, teacherId))?.checked_in_at?.toISOString()).toBe(checkedInAt);
  });
});

describe('notes', () => {
  it('a note is kept without the key, cleared by null, and shown to members on the daftar hadir', async () => {
    await put(meeting.id, [{ teacherId: otherId, code: 'I', note: 'izin: sakit anak' }]);
    await put(meeting.id, [{ teacherId: otherId, code: 'S' }]);
    expect(await stored(meeting.id, otherId)).toMatchObject({ code: 'S', note: 'izin: sakit anak', source: 'sekretaris', checked_in_at: null });

    const asMember = await guru1.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json<MgmpAttendance>().items.find((i) => i.teacherId === otherId)?.note).toBe('izin: sakit anak');

    await put(meeting.id, [{ teacherId: otherId, code: 'S', note: null }]);
    expect(await stored(meeting.id, otherId)).toMatchObject({ code: 'S', note: null });
    // An empty text clears too (the shared schema turns '' into null).
    await put(meeting.id, [{ teacherId: otherId, code: 'S', note: 'x' }]);
    await put(meeting.id, [{ teacherId: otherId, code: 'S', note: '' }]);
    expect((await stored(meeting.id, otherId))?.note).toBeNull();
  });

  it('a self check-in keeps the officer’s note', async () => {
    const m = await newMeeting('Presensi catatan lalu check-in');
    const teacherId = guru1.me.user.teacherId ?? '';
    await put(m.id, [{ teacherId, code: 'I', note: 'izin: rapat dinas, mungkin menyusul' }]);
    const res = await guru1.request('POST', `/api/v1/mgmp/meetings/${m.id}/check-in`, { code: m.checkInCode });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(m.id, teacherId)).toMatchObject({ code: 'H', source: 'self', note: 'izin: rapat dinas, mungkin menyusul' });
  });

  it('a note longer than the limit is refused', async () => {
    const res = await kepala.request('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [{ teacherId: otherId, code: 'S', note: 'x'.repeat(201) }] });
    expect(res.statusCode).toBe(400);
  });
});

describe('an officer’s save racing a self check-in', () => {
  it('never loses the member’s check-in time (H, self, time) whichever commits first', async () => {
    const m = await newMeeting('Presensi balapan');
    const teacherId = guru1.me.user.teacherId ?? '';
    for (let round = 0; round < 8; round += 1) {
      await ctx.db.pool.query('delete from mgmp_attendance where meeting_id = $1', [m.id]);
      const [putRes, checkIn] = await Promise.all([
        kepala.request('PUT', `/api/v1/mgmp/meetings/${m.id}/attendance`, { entries: [{ teacherId, code: 'H' }] }),
        guru1.request('POST', `/api/v1/mgmp/meetings/${m.id}/check-in`, { code: m.checkInCode }),
      ]);
      expect([putRes.statusCode, checkIn.statusCode], `${putRes.body} ${checkIn.body}`).toEqual([200, 200]);
      const row = await stored(m.id, teacherId);
      expect(row).toMatchObject({ code: 'H', source: 'self' });
      expect(row?.checked_in_at?.toISOString()).toBe(checkIn.json<{ checkedInAt: string }>().checkedInAt);
    }
  });
});
