import type { MgmpDecision, MgmpFollowUp, MgmpGroupSummary, MgmpMeeting, MgmpMeetingSummary, MgmpMinutes, MgmpOverview } from '@tumbuh/shared';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { seedMgmpDemo } from '../src/demo/mgmp.seed.ts';
import { madrasahs, teachers } from '../src/modules/people/people.tables.ts';
import { tenants } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, createTestDatabase, login, TEST_PASSWORD, type Session, type TestContext } from './helpers.ts';

/** The demo shows the whole MGMP cycle at once: groups, held meetings with minutes, decisions by mufakat and vote, follow-ups in every state. */

let ctx: TestContext;
let kepala: Session;
let groups: MgmpGroupSummary[];
const list = async <T>(s: Session, url: string) => {
  const res = await s.request('GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<{ items: T[]; total: number }>();
};
const groupNamed = (name: string) => groups.find((g) => g.name === name)?.id ?? '';

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  groups = (await list<MgmpGroupSummary>(kepala, '/api/v1/mgmp/groups?limit=200')).items;
});
afterAll(async () => {
  await ctx.close();
});

describe('MGMP demo data', () => {
  it('MTs Contoh has the groups Rumpun PAI, Bahasa, MIPA and IPS; Yayasan Contoh none', async () => {
    expect(groups.map((g) => g.name).sort()).toEqual(['MGMP Bahasa', 'MGMP IPS', 'MGMP MIPA', 'MGMP Rumpun PAI']);
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    expect((await list(yayasan, '/api/v1/mgmp/groups')).total).toBe(0);
  });

  it('Khoirul Anam (koordinator@) chairs MIPA; Ahmad Fauzi (guru1@) is a member of Rumpun PAI', async () => {
    const koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
    const mine = (await list<MgmpGroupSummary>(koordinator, '/api/v1/mgmp/groups?mine=true')).items;
    expect(mine.find((g) => g.name === 'MGMP MIPA')).toMatchObject({ myRole: 'ketua', access: 'manage' });
    const guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
    const his = (await list<MgmpGroupSummary>(guru1, '/api/v1/mgmp/groups')).items;
    expect(his.find((g) => g.name === 'MGMP Rumpun PAI')).toMatchObject({ myRole: 'anggota', access: 'member' });
    expect(his.find((g) => g.name === 'MGMP MIPA')).toMatchObject({ myRole: null, access: 'exists' });
  });

  it('a semester of meetings per group: held ones with attendance and approved minutes, one upcoming', async () => {
    for (const g of groups) {
      const meetings = (await list<MgmpMeetingSummary>(kepala, `/api/v1/mgmp/groups/${g.id}/meetings?limit=200`)).items;
      expect(meetings.filter((m) => m.status === 'selesai').length, g.name).toBeGreaterThanOrEqual(4);
      const upcoming = meetings.filter((m) => m.status === 'direncanakan');
      expect(upcoming.length, g.name).toBe(1);
      expect(Date.parse(upcoming[0]?.startsAt ?? '')).toBeGreaterThan(Date.now());
      expect(meetings.filter((m) => m.status === 'selesai').every((m) => Date.parse(m.endsAt) < Date.now())).toBe(true);
    }
    const mipa = groupNamed('MGMP MIPA');
    const held = (await list<MgmpMeetingSummary>(kepala, `/api/v1/mgmp/groups/${mipa}/meetings?status=selesai`)).items[0];
    const meeting = (await kepala.request('GET', `/api/v1/mgmp/meetings/${held?.id}`)).json<MgmpMeeting>();
    const sheet = (await kepala.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`)).json<{ items: { code: string | null }[]; present: number }>();
    expect(sheet.items.every((r) => r.code !== null)).toBe(true);
    expect(sheet.present).toBeGreaterThan(0);
    const minutes = (await list<MgmpMinutes>(kepala, `/api/v1/mgmp/agenda-items/${meeting.agenda[0]?.id}/minutes`)).items;
    expect(minutes[0]).toMatchObject({ status: 'approved', revision: 1 });
  });

  it('decisions by mufakat and by vote (with votes), one due for review', async () => {
    for (const g of groups) {
      const decisions = (await list<MgmpDecision>(kepala, `/api/v1/mgmp/groups/${g.id}/decisions`)).items;
      expect(decisions.map((d) => d.outcome).sort(), g.name).toEqual(['mufakat', 'vote']);
      const vote = decisions.find((d) => d.outcome === 'vote');
      expect(vote?.votes.length).toBeGreaterThan(0);
      expect(vote?.tally.setuju).toBeGreaterThan(vote?.tally.tidak_setuju ?? 0);
      expect(decisions.some((d) => d.dueForReview)).toBe(true);
    }
  });

  it('follow-ups in every state, one overdue; the owner sees theirs', async () => {
    const mipa = groupNamed('MGMP MIPA');
    const followUps = (await list<MgmpFollowUp>(kepala, `/api/v1/mgmp/groups/${mipa}/follow-ups?limit=200`)).items;
    expect([...new Set(followUps.map((f) => f.status))].sort()).toEqual(['batal', 'belum', 'sedang', 'selesai']);
    expect(followUps.filter((f) => f.overdue)).toHaveLength(1);
    const overdue = (await list<MgmpFollowUp>(kepala, `/api/v1/mgmp/groups/${mipa}/follow-ups?overdue=true`)).items;
    expect(overdue).toHaveLength(1);
    const koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
    expect((await list<MgmpFollowUp>(koordinator, '/api/v1/mgmp/follow-ups/mine')).total).toBeGreaterThan(0);
  });

  it('the programme shows planned vs held, and the overview counts the cycle', async () => {
    const mipa = groupNamed('MGMP MIPA');
    const programme = (await kepala.request('GET', `/api/v1/mgmp/groups/${mipa}/programme-items?limit=200`)).json<{ planned: number; held: number }>();
    expect(programme.planned).toBeGreaterThan(programme.held);
    expect(programme.held).toBeGreaterThanOrEqual(4);
    const res = await kepala.request('GET', `/api/v1/mgmp/groups/${mipa}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json<MgmpOverview>();
    expect(o.meetings.held).toBeGreaterThanOrEqual(4);
    expect(o.meetings.upcoming).toBe(1);
    expect(o.averageAttendance).toBeGreaterThan(0.5);
    expect(o.decisions.made).toBe(2);
    expect(o.followUps.overdue).toBe(1);
    expect(o.topicsCovered.length).toBeGreaterThan(1);
  });

  it('takes well under a second', async () => {
    const database = await createTestDatabase();
    try {
      const db = database.handle.db;
      await seedDemo(db, TEST_PASSWORD);
      // A second MGMP set over MTs Contoh measures the MGMP part alone.
      const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.name, 'MTs Contoh'));
      const [madrasah] = await db.select({ id: madrasahs.id }).from(madrasahs).where(eq(madrasahs.tenantId, tenant?.id ?? ''));
      const teacherIds = (await db.select({ id: teachers.id }).from(teachers).where(eq(teachers.madrasahId, madrasah?.id ?? '')).orderBy(asc(teachers.id))).map((r) => r.id);
      const t0 = performance.now();
      await seedMgmpDemo(db, { tenantId: tenant?.id ?? '', madrasahId: madrasah?.id ?? '', teacherIds });
      expect(performance.now() - t0).toBeLessThan(1000);
    } finally {
      await database.drop();
    }
  });
});
