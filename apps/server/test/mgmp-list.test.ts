import type { MgmpGroup, MgmpGroupSummary, MgmpMeetingSummary } from '@tumbuh/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** The group list carries everything the /mgmp page shows, in a fixed number of queries, without leaking meetings. */

let ctx: TestContext;
let kepala: Session;
let operator: Session;
let koordinator: Session; // Khoirul Anam: ketua of MIPA
let guru1: Session; // Ahmad Fauzi: anggota of Rumpun PAI, outside MIPA
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

async function listGroups(s: Session, query = 'limit=200'): Promise<MgmpGroupSummary[]> {
  const res = await s.request('GET', `/api/v1/mgmp/groups?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: MgmpGroupSummary[] }>().items;
}
const named = (items: MgmpGroupSummary[], name: string) => items.find((g) => g.name === name);

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
});
afterAll(async () => {
  await ctx.close();
});

describe('GET /mgmp/groups: the list page in one request', () => {
  it('demo groups: member count, role and next meeting match the group and its meetings', async () => {
    const groups = await listGroups(kepala);
    expect(groups).toHaveLength(4);
    for (const g of groups) {
      const detail = (await kepala.request('GET', `/api/v1/mgmp/groups/${g.id}`)).json<MgmpGroup>();
      expect(g.memberCount, g.name).toBe(detail.members.length);
      const meetings = (await kepala.request('GET', `/api/v1/mgmp/groups/${g.id}/meetings?limit=200`)).json<{ items: MgmpMeetingSummary[] }>().items;
      const upcoming = meetings.find((m) => m.status === 'direncanakan');
      expect(g.nextMeeting, g.name).toEqual({ id: upcoming?.id, title: upcoming?.title, startsAt: upcoming?.startsAt, status: 'direncanakan' });
      expect(g).toMatchObject({ access: 'manage', myRole: null, subjectName: null, clusterName: null });
    }
    expect(groups.map((g) => [g.name, g.memberCount])).toEqual([
      ['MGMP Bahasa', 5],
      ['MGMP IPS', 3],
      ['MGMP MIPA', 5],
      ['MGMP Rumpun PAI', 7],
    ]);
  });

  it('a member sees the next meeting; a teacher outside the group sees only that it exists (nextMeeting null)', async () => {
    const all = await listGroups(kepala);
    const his = await listGroups(guru1);
    const pai = named(his, 'MGMP Rumpun PAI');
    expect(pai).toMatchObject({ access: 'member', myRole: 'anggota', memberCount: 7 });
    expect(pai?.nextMeeting).toEqual(named(all, 'MGMP Rumpun PAI')?.nextMeeting);
    expect(named(all, 'MGMP MIPA')?.nextMeeting).not.toBeNull();
    expect(named(his, 'MGMP MIPA')).toMatchObject({ access: 'exists', myRole: null, nextMeeting: null });
    const chair = named(await listGroups(koordinator, 'mine=true'), 'MGMP MIPA');
    expect(chair).toMatchObject({ access: 'manage', myRole: 'ketua' });
    expect(chair?.nextMeeting).toEqual(named(all, 'MGMP MIPA')?.nextMeeting);
  });

  it('subject and cluster names; the next meeting is the earliest planned or running one not yet ended', async () => {
    const madrasahId = operator.me.madrasahs[0]?.id ?? '';
    const subject = (await operator.request('GET', `/api/v1/subjects?madrasahId=${madrasahId}&limit=1`)).json<{ items: { id: string; name: string; madrasahId: string }[] }>().items[0];
    const cluster = (await operator.request('GET', `/api/v1/clusters?madrasahId=${madrasahId}&limit=1`)).json<{ items: { id: string; name: string; madrasahId: string }[] }>().items[0];
    expect(subject?.madrasahId).toBe(madrasahId);
    expect(cluster?.madrasahId).toBe(madrasahId);
    const res = await operator.request('POST', '/api/v1/mgmp/groups', {
      madrasahId,
      subjectId: subject?.id,
      clusterId: cluster?.id,
      name: 'MGMP Uji Daftar',
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
      members: [
        { teacherId: t['Khoirul Anam'], role: 'ketua' },
        { teacherId: t['Ahmad Fauzi'], role: 'anggota' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const group = res.json<MgmpGroup>();
    const plan = async (title: string, startsIn: number, endsIn: number) => {
      const r = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title, startsAt: iso(startsIn), endsAt: iso(endsIn), place: 'Ruang guru', agenda: [{ title: 'Diskusi' }] });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<MgmpMeetingSummary>();
    };
    const find = async () => named(await listGroups(guru1), 'MGMP Uji Daftar');

    expect(await find()).toMatchObject({ subjectName: subject?.name, clusterName: cluster?.name, memberCount: 2, myRole: 'anggota', nextMeeting: null });
    await plan('Sudah lewat', -240, -180); // still "direncanakan" but over: not next
    const later = await plan('Bulan depan', 30 * 24 * 60, 30 * 24 * 60 + 90);
    const soon = await plan('Minggu depan', 7 * 24 * 60, 7 * 24 * 60 + 90);
    expect((await find())?.nextMeeting).toEqual({ id: soon.id, title: 'Minggu depan', startsAt: soon.startsAt, status: 'direncanakan' });
    const cancelled = await koordinator.request('POST', `/api/v1/mgmp/meetings/${soon.id}/cancel`, { reason: 'Bentrok ujian' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await find())?.nextMeeting?.id).toBe(later.id);
    const running = await plan('Sedang berlangsung', -30, 60);
    const started = await koordinator.request('POST', `/api/v1/mgmp/meetings/${running.id}/transition`, { to: 'berlangsung' });
    expect(started.statusCode, started.body).toBe(200);
    expect((await find())?.nextMeeting).toEqual({ id: running.id, title: 'Sedang berlangsung', startsAt: running.startsAt, status: 'berlangsung' });
  });

  it('another tenant sees none of these groups, and the counts do not cross tenants', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const res = await yayasan.request('GET', '/api/v1/mgmp/groups?archived=all&limit=200');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(0);
  });

  it('the number of queries does not grow with the number of groups on the page', async () => {
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    const queriesFor = async () => {
      spy.mockClear();
      const items = await listGroups(kepala);
      return { queries: spy.mock.calls.length, groups: items.length };
    };
    try {
      const before = await queriesFor();
      const madrasahId = operator.me.madrasahs[0]?.id ?? '';
      for (let i = 0; i < 12; i++) {
        const r = await operator.request('POST', '/api/v1/mgmp/groups', {
          madrasahId,
          name: `MGMP Tambahan ${String(i).padStart(2, '0')}`,
          termStart: '2026-01-01',
          termEnd: '2028-12-31',
          members: [{ teacherId: t['Khoirul Anam'], role: 'ketua' }],
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      const after = await queriesFor();
      expect(after.groups).toBe(before.groups + 12);
      expect(after.queries).toBe(before.queries);
      // session lookup, begin, tenant settings, rows, total, commit
      expect(after.queries).toBeLessThanOrEqual(6);
    } finally {
      spy.mockRestore();
    }
  });
});
