import { sql } from 'drizzle-orm';
import type { ErrorBody, MgmpDecision, MgmpDecisionRevision, MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * "Approved minutes and closed decisions are immutable except through audited revision": a closed
 * decision's statement, rationale and review date are corrected through POST /decisions/:id/revise
 * (ketua, kepala madrasah, operator), with a reason, audited with the wording before and after; the
 * earlier wording stays readable through GET /decisions/:id/revisions. Outcome and votes stay.
 */

let ctx: TestContext;
let operator: Session;
let kepala: Session;
let koordinator: Session; // Khoirul Anam: ketua
let guru1: Session; // Ahmad Fauzi: sekretaris, later anggota
let yayasan: Session;
let group: MgmpGroup;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();
const members = () => [
  { teacherId: t['Khoirul Anam'], role: 'ketua' },
  { teacherId: t['Ahmad Fauzi'], role: 'sekretaris' },
  { teacherId: t['Lailatul Qadriyah'], role: 'anggota' },
  { teacherId: t['Ainul Yaqin'], role: 'anggota' },
];

/** Everything a refused correction could have touched: the decision, its votes, the audit log, the agendas. */
async function snapshot(decisionId: string): Promise<string> {
  const rows = await ctx.db.db.execute(sql`select
    (select row_to_json(d)::text from mgmp_decisions d where d.id = ${decisionId}) as decision,
    (select count(*) from mgmp_votes where decision_id = ${decisionId}) as votes,
    (select count(*) from audit_log) as audit,
    (select count(*) from mgmp_agenda_items) as agenda`);
  return JSON.stringify(rows.rows);
}

async function expectRefused(session: Session, decisionId: string, body: unknown, status: number, code: string) {
  const before = await snapshot(decisionId);
  const res = await session.request('POST', `/api/v1/mgmp/decisions/${decisionId}/revise`, body);
  expect([res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([status, code]);
  expect(res.json<ErrorBody>().error.message.length).toBeGreaterThan(0);
  expect(await snapshot(decisionId)).toBe(before);
}

async function meetingWithProposal(): Promise<{ meeting: MgmpMeeting; item: string }> {
  const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: iso(-10), endsAt: iso(60), agenda: [{ title: 'Usulan', kind: 'proposal' }] });
  expect(res.statusCode, res.body).toBe(201);
  const meeting = res.json<MgmpMeeting>();
  expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/transition`, { to: 'berlangsung' })).statusCode).toBe(200);
  const att = await koordinator.request('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, {
    entries: [t['Khoirul Anam'], t['Ahmad Fauzi'], t['Lailatul Qadriyah']].map((teacherId) => ({ teacherId, code: 'H' })),
  });
  expect(att.statusCode, att.body).toBe(200);
  return { meeting, item: meeting.agenda.find((a) => a.title === 'Usulan')?.id ?? '' };
}

async function openDecision(item: string, proposal: string): Promise<MgmpDecision> {
  const res = await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${item}/decisions`, { proposal });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MgmpDecision>();
}

let closed: MgmpDecision;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const res = await operator.request('POST', '/api/v1/mgmp/groups', { madrasahId: operator.me.madrasahs[0]?.id, name: 'MGMP Koreksi', termStart: '2026-01-01', termEnd: '2028-12-31', members: members() });
  expect(res.statusCode, res.body).toBe(201);
  group = res.json<MgmpGroup>();
  const { item } = await meetingWithProposal();
  const d = await openDecision(item, 'Ulangan bersama tiap bulan');
  expect((await guru1.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju' })).statusCode).toBe(201);
  const res2 = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'mufakat', statement: 'Ulangan bersama tiap akhir bulan.', rationale: 'Semua sepakat.', reviewDate: '2027-06-01' });
  expect(res2.statusCode, res2.body).toBe(200);
  closed = res2.json<MgmpDecision>();
});
afterAll(async () => {
  await ctx.close();
});

describe('correcting a closed decision', () => {
  it('is refused on an open decision (409 mgmp.decision_open), nothing written', async () => {
    const { item } = await meetingWithProposal();
    const open = await openDecision(item, 'Usulan yang masih dibahas');
    await expectRefused(koordinator, open.id, { statement: 'Diubah', reason: 'Koreksi' }, 409, 'mgmp.decision_open');
  });

  it('is refused to a sekretaris and to an anggota (403), nothing written', async () => {
    await expectRefused(guru1, closed.id, { statement: 'Diubah sekretaris', reason: 'Koreksi' }, 403, 'auth.forbidden');
    const asAnggota = members().map((m) => (m.teacherId === t['Ahmad Fauzi'] ? { ...m, role: 'anggota' } : m.teacherId === t['Lailatul Qadriyah'] ? { ...m, role: 'sekretaris' } : m));
    expect((await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: asAnggota })).statusCode).toBe(200);
    try {
      await expectRefused(guru1, closed.id, { statement: 'Diubah anggota', reason: 'Koreksi' }, 403, 'auth.forbidden');
      // an anggota still reads the history
      expect((await guru1.request('GET', `/api/v1/mgmp/decisions/${closed.id}/revisions`)).statusCode).toBe(200);
    } finally {
      expect((await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: members() })).statusCode).toBe(200);
    }
  });

  it('needs a reason (400), takes no outcome or votes (400), and must change something (422); nothing written', async () => {
    await expectRefused(koordinator, closed.id, { statement: 'Tanpa alasan' }, 400, 'common.validation_failed');
    await expectRefused(koordinator, closed.id, { statement: 'Alasan kosong', reason: '   ' }, 400, 'common.validation_failed');
    await expectRefused(koordinator, closed.id, { statement: 'Hasil lain', outcome: 'vote', reason: 'Koreksi' }, 400, 'common.validation_failed');
    await expectRefused(koordinator, closed.id, { votes: [], reason: 'Koreksi' }, 400, 'common.validation_failed');
    await expectRefused(koordinator, closed.id, { statement: '', reason: 'Koreksi' }, 400, 'common.validation_failed');
    await expectRefused(koordinator, closed.id, { reason: 'Tidak ada yang diubah' }, 422, 'mgmp.revision_no_change');
    await expectRefused(koordinator, closed.id, { statement: closed.statement, reviewDate: closed.reviewDate, reason: 'Sama saja' }, 422, 'mgmp.revision_no_change');
  });

  it('answers 404 to another tenant (revise and history), nothing written', async () => {
    await expectRefused(yayasan, closed.id, { statement: 'Dibajak', reason: 'X' }, 404, 'mgmp.decision_not_found');
    const res = await yayasan.request('GET', `/api/v1/mgmp/decisions/${closed.id}/revisions`);
    expect([res.statusCode, res.json<ErrorBody>().error.code]).toEqual([404, 'mgmp.decision_not_found']);
  });

  it('by the ketua: the wording changes, outcome and votes stay, the audit keeps before/after and the reason, the history shows the earlier wording', async () => {
    const empty = (await guru1.request('GET', `/api/v1/mgmp/decisions/${closed.id}/revisions`)).json<{ items: MgmpDecisionRevision[]; total: number }>();
    expect(empty).toEqual({ items: [], total: 0 });
    const res = await koordinator.request('POST', `/api/v1/mgmp/decisions/${closed.id}/revise`, { statement: 'Ulangan bersama tiap akhir semester.', reason: 'Salah tulis: yang disepakati per semester' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<MgmpDecision>();
    expect(after).toMatchObject({ status: 'closed', outcome: 'mufakat', adopted: true, statement: 'Ulangan bersama tiap akhir semester.', rationale: 'Semua sepakat.', reviewDate: '2027-06-01', closedAt: closed.closedAt });
    expect(after.votes).toEqual(closed.votes);
    expect((await guru1.request('GET', `/api/v1/mgmp/decisions/${closed.id}`)).json<MgmpDecision>().statement).toBe('Ulangan bersama tiap akhir semester.');
    const audit = await ctx.db.db.execute<{ before: unknown; after: unknown; actor_user_id: string }>(sql`select before, after, actor_user_id from audit_log where action = 'mgmp.decision.revise' and entity_id = ${closed.id}`);
    expect(audit.rows).toEqual([
      {
        actor_user_id: koordinator.me.user.id,
        before: { revision: 0, statement: 'Ulangan bersama tiap akhir bulan.', rationale: 'Semua sepakat.', reviewDate: '2027-06-01' },
        after: { revision: 1, statement: 'Ulangan bersama tiap akhir semester.', rationale: 'Semua sepakat.', reviewDate: '2027-06-01', reason: 'Salah tulis: yang disepakati per semester' },
      },
    ]);
    const history = (await guru1.request('GET', `/api/v1/mgmp/decisions/${closed.id}/revisions`)).json<{ items: MgmpDecisionRevision[]; total: number }>();
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({
      revision: 1,
      reason: 'Salah tulis: yang disepakati per semester',
      revisedBy: expect.stringMatching(/^Khoirul Anam/),
      before: { statement: 'Ulangan bersama tiap akhir bulan.', rationale: 'Semua sepakat.', reviewDate: '2027-06-01' },
      after: { statement: 'Ulangan bersama tiap akhir semester.' },
    });
  });

  it('by the kepala madrasah and the operator: later revisions are numbered and listed newest first; the rationale and review date can be cleared', async () => {
    const k = await kepala.request('POST', `/api/v1/mgmp/decisions/${closed.id}/revise`, { reviewDate: '2027-01-15', reason: 'Tinjauan dimajukan' });
    expect(k.statusCode, k.body).toBe(200);
    const o = await operator.request('POST', `/api/v1/mgmp/decisions/${closed.id}/revise`, { rationale: null, reviewDate: null, reason: 'Alasan dan tinjauan tidak pernah disepakati' });
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json<MgmpDecision>()).toMatchObject({ statement: 'Ulangan bersama tiap akhir semester.', rationale: null, reviewDate: null });
    const history = (await koordinator.request('GET', `/api/v1/mgmp/decisions/${closed.id}/revisions`)).json<{ items: MgmpDecisionRevision[]; total: number }>();
    expect(history.items.map((r) => [r.revision, r.reason, r.before.reviewDate, r.after.reviewDate])).toEqual([
      [3, 'Alasan dan tinjauan tidak pernah disepakati', '2027-01-15', null],
      [2, 'Tinjauan dimajukan', '2027-06-01', '2027-01-15'],
      [1, 'Salah tulis: yang disepakati per semester', '2027-06-01', '2027-06-01'],
    ]);
    expect(history.items[2]?.before.statement).toBe('Ulangan bersama tiap akhir bulan.');
  });

  it('the notulen PDF prints the corrected wording and says the decision was corrected (the earlier wording stays in the history)', async () => {
    const res = await koordinator.request('GET', `/api/v1/mgmp/meetings/${closed.meetingId}/notulen.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Ulangan bersama tiap akhir semester.');
    expect(flat).not.toContain('tiap akhir bulan');
    expect(flat).toContain('Dikoreksi 3 kali; rumusan sebelumnya tersimpan dalam riwayat revisi');
  });

  it('a vote closed over a blok keeps an answer to it in the rationale (422), nothing written', async () => {
    const { item } = await meetingWithProposal();
    const d = await openDecision(item, 'Rapat pindah ke Jumat');
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju' })).statusCode).toBe(201);
    expect((await guru1.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'blok' })).statusCode).toBe(201);
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju', teacherId: t['Lailatul Qadriyah'] })).statusCode).toBe(201);
    const c = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'vote', statement: 'Rapat hari Jumat.', rationale: 'Keberatan dijawab: jam dimundurkan.' });
    expect(c.statusCode, c.body).toBe(200);
    await expectRefused(koordinator, d.id, { rationale: null, reason: 'Hapus alasan' }, 422, 'mgmp.block_unanswered');
    const ok = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/revise`, { rationale: 'Keberatan dijawab: jam dimundurkan ke 14.00.', reason: 'Jam yang benar' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<MgmpDecision>()).toMatchObject({ outcome: 'vote', adopted: true, tally: { setuju: 2, blok: 1 } });
  });

  it('is refused in an archived group (409), nothing written', async () => {
    expect((await operator.request('POST', `/api/v1/mgmp/groups/${group.id}/archive`)).statusCode).toBe(200);
    try {
      await expectRefused(koordinator, closed.id, { statement: 'Setelah arsip', reason: 'Koreksi' }, 409, 'mgmp.group_archived');
    } finally {
      expect((await operator.request('POST', `/api/v1/mgmp/groups/${group.id}/unarchive`)).statusCode).toBe(200);
    }
  });
});
