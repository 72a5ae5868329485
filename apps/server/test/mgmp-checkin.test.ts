import type { MgmpGroupSummary, MgmpMeeting } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** Self check-in on the one-statement path: idempotent, one row per member, one audit entry per change, also under concurrency. */

let ctx: TestContext;
let kepala: Session;
let guru1: Session;
let meeting: MgmpMeeting;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function rows(teacherId: string) {
  const r = await ctx.db.pool.query<{ n: string; audits: string }>(
    `select (select count(*) from mgmp_attendance where meeting_id = $1 and teacher_id = $2) as n,
            (select count(*) from audit_log where action = 'mgmp.attendance.check_in' and entity_id = $1 and after->>'teacherId' = $2::text) as audits`,
    [meeting.id, teacherId],
  );
  return { rows: Number(r.rows[0]?.n), audits: Number(r.rows[0]?.audits) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  const groups = (await kepala.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: MgmpGroupSummary[] }>().items;
  const pai = groups.find((g) => g.name === 'MGMP Rumpun PAI');
  const res = await kepala.request('POST', `/api/v1/mgmp/groups/${pai?.id}/meetings`, { title: 'Presensi uji', startsAt: inMinutes(-5), endsAt: inMinutes(90) });
  expect(res.statusCode, res.body).toBe(201);
  meeting = res.json<MgmpMeeting>();
});
afterAll(async () => {
  await ctx.close();
});

describe('self check-in', () => {
  it('a repeated check-in answers the first time, keeps one row and audits only the first', async () => {
    const teacherId = guru1.me.user.teacherId ?? '';
    const first = await guru1.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    expect(first.statusCode, first.body).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const again = await guru1.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ checkedInAt: string }>().checkedInAt).toBe(first.json<{ checkedInAt: string }>().checkedInAt);
    expect(await rows(teacherId)).toEqual({ rows: 1, audits: 1 });
  });

  it('turns a sekretaris-recorded absence into a self check-in (audited with the code before)', async () => {
    const sheet = (await kepala.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`)).json<{ items: { teacherId: string }[] }>();
    const other = sheet.items.find((i) => i.teacherId !== guru1.me.user.teacherId)?.teacherId ?? '';
    expect((await kepala.request('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [{ teacherId: guru1.me.user.teacherId, code: 'A' }, { teacherId: other, code: 'I' }] })).statusCode).toBe(200);
    const res = await guru1.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    expect(res.statusCode).toBe(200);
    const row = (await ctx.db.pool.query<{ code: string; source: string }>('select code, source from mgmp_attendance where meeting_id = $1 and teacher_id = $2', [meeting.id, guru1.me.user.teacherId])).rows[0];
    expect(row).toEqual({ code: 'H', source: 'self' });
    const audit = (await ctx.db.pool.query<{ before: unknown }>(`select before from audit_log where action = 'mgmp.attendance.check_in' and entity_id = $1 order by at desc, id desc limit 1`, [meeting.id])).rows[0];
    expect(audit?.before).toEqual({ code: 'A' });
  });

  it('twenty concurrent check-ins of one member leave one row and answer 200 each', async () => {
    const koordinatorMeeting = await (async () => {
      const groups = (await kepala.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: MgmpGroupSummary[] }>().items;
      const mipa = groups.find((g) => g.name === 'MGMP MIPA');
      return (await kepala.request('POST', `/api/v1/mgmp/groups/${mipa?.id}/meetings`, { title: 'Presensi serentak', startsAt: inMinutes(-5), endsAt: inMinutes(90) })).json<MgmpMeeting>();
    })();
    const koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
    const answers = await Promise.all(Array.from({ length: 20 }, () => koordinator.request('POST', `/api/v1/mgmp/meetings/${koordinatorMeeting.id}/check-in`, { code: koordinatorMeeting.checkInCode })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const r = await ctx.db.pool.query<{ n: string; audits: string }>(
      `select (select count(*) from mgmp_attendance where meeting_id = $1) as n, (select count(*) from audit_log where action = 'mgmp.attendance.check_in' and entity_id = $1) as audits`,
      [koordinatorMeeting.id],
    );
    expect([Number(r.rows[0]?.n), Number(r.rows[0]?.audits)]).toEqual([1, 1]);
    expect(new Set(answers.map((a) => a.json<{ checkedInAt: string }>().checkedInAt)).size).toBe(1);
  });

  it('a check-in the rules refuse after the one statement already wrote it leaves no row and no audit entry (the write rolls back)', async () => {
    // The statement's own guard checks office, code, status and window; whether the member may see the
    // group's madrasah is decided only by the rules afterwards. Move the group to a madrasah the guru
    // has no grant for: the guard passes and writes, the rules answer 404, and nothing may remain.
    const groups = (await kepala.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: MgmpGroupSummary[] }>().items;
    const pai = groups.find((g) => g.name === 'MGMP Rumpun PAI');
    const other = await kepala.request('POST', `/api/v1/mgmp/groups/${pai?.id}/meetings`, { title: 'Presensi madrasah lain', startsAt: inMinutes(-5), endsAt: inMinutes(90) });
    expect(other.statusCode, other.body).toBe(201);
    const otherMeeting = other.json<MgmpMeeting>();
    const tenantId = guru1.me.tenant.id;
    const { rows: before } = await ctx.db.pool.query<{ madrasah_id: string }>('select madrasah_id from mgmp_groups where tenant_id = $1 and id = $2', [tenantId, pai?.id]);
    const elsewhere = '019a0000-0000-7000-8000-00000000c0de';
    await ctx.db.pool.query(`insert into madrasahs (tenant_id, id, name) values ($1, $2, 'MTs Lain')`, [tenantId, elsewhere]);
    await ctx.db.pool.query('update mgmp_groups set madrasah_id = $3 where tenant_id = $1 and id = $2', [tenantId, pai?.id, elsewhere]);
    try {
      const res = await guru1.request('POST', `/api/v1/mgmp/meetings/${otherMeeting.id}/check-in`, { code: otherMeeting.checkInCode });
      expect(res.statusCode).toBe(404);
      const r = await ctx.db.pool.query<{ n: string; audits: string }>(
        `select (select count(*) from mgmp_attendance where meeting_id = $1 and code = 'H') as n, (select count(*) from audit_log where action = 'mgmp.attendance.check_in' and entity_id = $1) as audits`,
        [otherMeeting.id],
      );
      expect([Number(r.rows[0]?.n), Number(r.rows[0]?.audits)]).toEqual([0, 0]);
    } finally {
      await ctx.db.pool.query('update mgmp_groups set madrasah_id = $3 where tenant_id = $1 and id = $2', [tenantId, pai?.id, before[0]?.madrasah_id]);
    }
  });
});
