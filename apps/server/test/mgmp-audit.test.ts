import { eq } from 'drizzle-orm';
import type { MgmpMeeting } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * "Every write is audited (who, what, when, before/after)": a sweep over the MGMP writes of one
 * cycle, in order. Each write leaves exactly one entry of its action (a schedule also the meeting it
 * creates), every entry of the write by the signed-in actor, under the group's madrasah, at the time of the request, on the
 * entity it changed, with the state before (null for a creation) and after.
 */

let ctx: TestContext;
let operator: Session;
let ketua: Session; // koordinator@: Khoirul Anam
let sekretaris: Session; // sekretaris@: Lailatul Qadriyah
let anggota: Session; // guru1@: Ahmad Fauzi
let madrasahId = '';
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

/** Ids made along the sweep. */
const s = { group: '', programmeItem: '', scheduledMeeting: '', meeting: '', checkInCode: '', discussion: '', proposal: '', decision: '', followUp: '', members: [] as { teacherId: string; role: string }[] };

type Method = 'POST' | 'PUT' | 'PATCH';
type Json = Record<string, unknown>;
interface Step {
  /** The write, as named in the rule. */
  write: string;
  by: () => Session;
  send: () => [Method, string, unknown?];
  status: number;
  action: string;
  entityType: string;
  entityId: (body: Json) => string;
  /** Null: a creation (nothing before). Otherwise matched as a subset. Read when the step runs. */
  before: () => unknown;
  after: () => unknown;
  keep?: (body: Json) => void;
}

const steps: Step[] = [
  {
    write: 'group create',
    by: () => operator,
    send: () => ['POST', '/api/v1/mgmp/groups', { madrasahId, name: 'MGMP Uji Audit', termStart: '2026-01-01', termEnd: '2028-12-31', members: s.members }],
    status: 201,
    action: 'mgmp.group.create',
    entityType: 'mgmp_group',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ name: 'MGMP Uji Audit' }),
    keep: (b) => (s.group = String(b.id)),
  },
  {
    write: 'programme item create',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/groups/${s.group}/programme-items`, { academicYear: '2026/2027', type: 'rutin', title: 'Bedah modul ajar', targetMonth: '2026-09' }],
    status: 201,
    action: 'mgmp.programme.create',
    entityType: 'mgmp_programme_item',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ title: 'Bedah modul ajar', type: 'rutin' }),
    keep: (b) => (s.programmeItem = String(b.id)),
  },
  {
    write: 'programme item schedule',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/programme-items/${s.programmeItem}/schedule`, { startsAt: iso(60 * 24 * 7), endsAt: iso(60 * 24 * 7 + 90) }],
    status: 201,
    action: 'mgmp.programme.schedule',
    entityType: 'mgmp_programme_item',
    entityId: () => s.programmeItem,
    before: () => null,
    after: () => ({ meetingId: expect.any(String) }),
    keep: (b) => (s.scheduledMeeting = String(b.id)),
  },
  {
    write: 'meeting create',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/groups/${s.group}/meetings`, { title: 'Pertemuan audit', startsAt: iso(-10), endsAt: iso(60), place: 'Ruang guru', agenda: [{ title: 'Diskusi' }, { title: 'Usulan', kind: 'proposal' }] }],
    status: 201,
    action: 'mgmp.meeting.create',
    entityType: 'mgmp_meeting',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ title: 'Pertemuan audit', status: 'direncanakan', place: 'Ruang guru', checkInCode: null }),
    keep: (b) => {
      const m = b as unknown as MgmpMeeting;
      s.meeting = m.id;
      s.checkInCode = m.checkInCode ?? '';
      s.discussion = m.agenda.find((a) => a.title === 'Diskusi')?.id ?? '';
      s.proposal = m.agenda.find((a) => a.title === 'Usulan')?.id ?? '';
    },
  },
  {
    write: 'meeting update',
    by: () => ketua,
    send: () => ['PATCH', `/api/v1/mgmp/meetings/${s.meeting}`, { place: 'Lab IPA' }],
    status: 200,
    action: 'mgmp.meeting.update',
    entityType: 'mgmp_meeting',
    entityId: () => s.meeting,
    before: () => ({ place: 'Ruang guru' }),
    after: () => ({ place: 'Lab IPA' }),
  },
  {
    write: 'meeting start',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/meetings/${s.meeting}/transition`, { to: 'berlangsung' }],
    status: 200,
    action: 'mgmp.meeting.berlangsung',
    entityType: 'mgmp_meeting',
    entityId: () => s.meeting,
    before: () => ({ status: 'direncanakan' }),
    after: () => ({ status: 'berlangsung' }),
  },
  {
    write: 'attendance entry',
    by: () => sekretaris,
    send: () => ['PUT', `/api/v1/mgmp/meetings/${s.meeting}/attendance`, { entries: [{ teacherId: t['Khoirul Anam'], code: 'H' }, { teacherId: t['Lailatul Qadriyah'], code: 'H' }, { teacherId: t['Ainul Yaqin'], code: 'H' }] }],
    status: 200,
    action: 'mgmp.attendance.put',
    entityType: 'mgmp_meeting',
    entityId: () => s.meeting,
    // Nothing was recorded for them before (an empty list, or rows without a code).
    before: () => expect.not.arrayContaining([expect.objectContaining({ code: expect.any(String) })]),
    after: () => [{ teacherId: t['Khoirul Anam'], code: 'H' }, { teacherId: t['Lailatul Qadriyah'], code: 'H' }, { teacherId: t['Ainul Yaqin'], code: 'H' }],
  },
  {
    write: 'check-in',
    by: () => anggota,
    send: () => ['POST', `/api/v1/mgmp/meetings/${s.meeting}/check-in`, { code: s.checkInCode }],
    status: 200,
    action: 'mgmp.attendance.check_in',
    entityType: 'mgmp_meeting',
    entityId: () => s.meeting,
    before: () => null,
    after: () => ({ teacherId: t['Ahmad Fauzi'], code: 'H' }),
  },
  {
    write: 'minutes save',
    by: () => sekretaris,
    send: () => ['PUT', `/api/v1/mgmp/agenda-items/${s.discussion}/minutes`, { summary: 'Dibahas modul ajar.' }],
    status: 200,
    action: 'mgmp.minutes.save',
    entityType: 'mgmp_minutes',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ revision: 1, status: 'draft', summary: 'Dibahas modul ajar.' }),
  },
  {
    write: 'minutes approve',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/agenda-items/${s.discussion}/minutes/approve`],
    status: 200,
    action: 'mgmp.minutes.approve',
    entityType: 'mgmp_minutes',
    entityId: (b) => String(b.id),
    before: () => ({ revision: 1, status: 'draft' }),
    after: () => ({ revision: 1, status: 'approved' }),
  },
  {
    write: 'minutes revise',
    by: () => sekretaris,
    send: () => ['POST', `/api/v1/mgmp/agenda-items/${s.discussion}/minutes/revisions`, { summary: 'Dibahas modul ajar dan asesmen.', reason: 'Ada butir yang terlewat' }],
    status: 201,
    action: 'mgmp.minutes.revise',
    entityType: 'mgmp_minutes',
    entityId: (b) => String(b.id),
    before: () => ({ revision: 1, status: 'approved', summary: 'Dibahas modul ajar.' }),
    after: () => ({ revision: 2, status: 'draft', summary: 'Dibahas modul ajar dan asesmen.' }),
  },
  {
    write: 'decision open',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/agenda-items/${s.proposal}/decisions`, { proposal: 'Bank soal bersama' }],
    status: 201,
    action: 'mgmp.decision.open',
    entityType: 'mgmp_decision',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ proposal: 'Bank soal bersama', status: 'open' }),
    keep: (b) => (s.decision = String(b.id)),
  },
  {
    write: 'decision vote',
    by: () => anggota,
    send: () => ['POST', `/api/v1/mgmp/decisions/${s.decision}/votes`, { choice: 'setuju' }],
    status: 201,
    action: 'mgmp.decision.vote',
    entityType: 'mgmp_decision',
    entityId: () => s.decision,
    before: () => null,
    after: () => ({ teacherId: t['Ahmad Fauzi'], choice: 'setuju' }),
  },
  {
    write: 'decision close',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/decisions/${s.decision}/close`, { outcome: 'vote', statement: 'Bank soal bersama disusun', reviewDate: '2026-01-01' }],
    status: 200,
    action: 'mgmp.decision.close',
    entityType: 'mgmp_decision',
    entityId: () => s.decision,
    before: () => ({ status: 'open', statement: null }),
    after: () => ({ status: 'closed', outcome: 'vote', statement: 'Bank soal bersama disusun', tally: { setuju: 1 } }),
  },
  {
    write: 'decision review',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/decisions/${s.decision}/review`, { note: 'Sudah berjalan' }],
    status: 200,
    action: 'mgmp.decision.review',
    entityType: 'mgmp_decision',
    entityId: () => s.decision,
    before: () => ({ reviewedAt: null, reviewNote: null }),
    after: () => ({ reviewedAt: expect.any(String), reviewNote: 'Sudah berjalan' }),
  },
  {
    write: 'follow-up create',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/groups/${s.group}/follow-ups`, { what: 'Susun bank soal', dueDate: '2030-01-01', ownerIds: [t['Ahmad Fauzi']], decisionId: s.decision }],
    status: 201,
    action: 'mgmp.follow_up.create',
    entityType: 'mgmp_follow_up',
    entityId: (b) => String(b.id),
    before: () => null,
    after: () => ({ what: 'Susun bank soal', status: 'belum' }),
    keep: (b) => (s.followUp = String(b.id)),
  },
  {
    write: 'follow-up update (by its owner)',
    by: () => anggota,
    send: () => ['PATCH', `/api/v1/mgmp/follow-ups/${s.followUp}`, { status: 'sedang', evidence: 'Draf bank soal' }],
    status: 200,
    action: 'mgmp.follow_up.update',
    entityType: 'mgmp_follow_up',
    entityId: () => s.followUp,
    before: () => ({ status: 'belum' }),
    after: () => ({ status: 'sedang', evidence: 'Draf bank soal' }),
  },
  {
    write: 'meeting finish',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/meetings/${s.meeting}/transition`, { to: 'selesai' }],
    status: 200,
    action: 'mgmp.meeting.selesai',
    entityType: 'mgmp_meeting',
    entityId: () => s.meeting,
    before: () => ({ status: 'berlangsung' }),
    after: () => ({ status: 'selesai' }),
  },
  {
    write: 'meeting cancel',
    by: () => ketua,
    send: () => ['POST', `/api/v1/mgmp/meetings/${s.scheduledMeeting}/cancel`, { reason: 'Bentrok ujian' }],
    status: 200,
    action: 'mgmp.meeting.dibatalkan',
    entityType: 'mgmp_meeting',
    entityId: () => s.scheduledMeeting,
    before: () => ({ status: 'direncanakan' }),
    after: () => ({ status: 'dibatalkan', cancelReason: 'Bentrok ujian' }),
  },
  {
    write: 'member replace',
    by: () => operator,
    send: () => ['PUT', `/api/v1/mgmp/groups/${s.group}/members`, { members: s.members.filter((m) => m.teacherId !== t['Ainul Yaqin']) }],
    status: 200,
    action: 'mgmp.group.members',
    entityType: 'mgmp_group',
    entityId: () => s.group,
    before: () => ({ members: expect.arrayContaining([expect.objectContaining({ teacherId: t['Ainul Yaqin'] })]) }),
    after: () => ({ members: expect.not.arrayContaining([expect.objectContaining({ teacherId: t['Ainul Yaqin'] })]) }),
  },
  {
    write: 'group archive',
    by: () => operator,
    send: () => ['POST', `/api/v1/mgmp/groups/${s.group}/archive`],
    status: 200,
    action: 'mgmp.group.archive',
    entityType: 'mgmp_group',
    entityId: () => s.group,
    before: () => ({ archivedAt: null }),
    after: () => ({ archivedAt: expect.any(String) }),
  },
  {
    write: 'group unarchive',
    by: () => operator,
    send: () => ['POST', `/api/v1/mgmp/groups/${s.group}/unarchive`],
    status: 200,
    action: 'mgmp.group.unarchive',
    entityType: 'mgmp_group',
    entityId: () => s.group,
    before: () => ({ archivedAt: expect.any(String) }),
    after: () => ({ archivedAt: null }),
  },
];

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  ketua = await login(ctx.app, 'koordinator@contoh.sch.id');
  sekretaris = await login(ctx.app, 'sekretaris@contoh.sch.id');
  anggota = await login(ctx.app, 'guru1@contoh.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  s.members = [
    { teacherId: t['Khoirul Anam'] ?? '', role: 'ketua' },
    { teacherId: t['Lailatul Qadriyah'] ?? '', role: 'sekretaris' },
    { teacherId: t['Ainul Yaqin'] ?? '', role: 'bendahara' },
    { teacherId: t['Ahmad Fauzi'] ?? '', role: 'anggota' },
  ];
});
afterAll(async () => {
  await ctx.close();
});

/** A subset match, or an asymmetric matcher (expect.not.arrayContaining …) as it is. */
function matches(actual: unknown, expected: unknown): void {
  if (typeof (expected as { asymmetricMatch?: unknown }).asymmetricMatch === 'function') expect(actual).toEqual(expected);
  else expect(actual).toMatchObject(expected as object);
}

async function auditEntries() {
  return ctx.db.db.select().from(auditLog).where(eq(auditLog.tenantId, operator.me.tenant.id));
}

describe('every MGMP write is audited: who, what, when, before and after', () => {
  it.each(steps.map((step) => [step.write, step] as const))('%s', async (_write, step) => {
    const known = new Set((await auditEntries()).map((e) => e.id));
    const session = step.by();
    const [method, url, body] = step.send();
    const startedAt = Date.now();
    const res = await session.request(method, url, body);
    const finishedAt = Date.now();
    expect(res.statusCode, res.body).toBe(step.status);
    const resBody = res.json<Json>();
    step.keep?.(resBody);

    // One entry of the write's action (a write may make others too: a schedule also creates its meeting).
    const fresh = (await auditEntries()).filter((e) => !known.has(e.id));
    expect(fresh.filter((e) => e.action === step.action)).toHaveLength(1);
    for (const e of fresh) {
      // Who, and under which madrasah (who may read the entry).
      expect([e.actorUserId, e.actorLabel, e.madrasahId]).toEqual([session.me.user.id, (session.me.user as { email?: string }).email, madrasahId]);
      // When: during the request (the database clock, a little slack for the two clocks).
      expect(e.at.getTime()).toBeGreaterThanOrEqual(startedAt - 2_000);
      expect(e.at.getTime()).toBeLessThanOrEqual(finishedAt + 2_000);
    }
    const entry = fresh.find((e) => e.action === step.action);
    // What: the entity it changed.
    expect([entry?.entityType, entry?.entityId]).toEqual([step.entityType, step.entityId(resBody)]);
    // Before and after.
    const before = step.before();
    if (before === null) expect(entry?.before).toBeNull();
    else matches(entry?.before, before);
    matches(entry?.after, step.after());
  });

  it('the sweep covered every write of the rule', () => {
    expect(steps.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'mgmp.meeting.create', 'mgmp.meeting.update', 'mgmp.meeting.berlangsung', 'mgmp.meeting.selesai', 'mgmp.meeting.dibatalkan',
        'mgmp.attendance.put', 'mgmp.attendance.check_in',
        'mgmp.minutes.save', 'mgmp.minutes.approve', 'mgmp.minutes.revise',
        'mgmp.decision.open', 'mgmp.decision.vote', 'mgmp.decision.close', 'mgmp.decision.review',
        'mgmp.follow_up.create', 'mgmp.follow_up.update',
        'mgmp.programme.create', 'mgmp.programme.schedule',
        'mgmp.group.archive', 'mgmp.group.unarchive', 'mgmp.group.members',
      ]),
    );
  });
});
