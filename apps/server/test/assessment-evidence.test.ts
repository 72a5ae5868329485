import type { Assessment, AssessmentEvidence, AssessmentPeriod, ErrorBody, InstrumentDetail, Observation } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * The evidence beside each indicator of a PKG assessment on real PostgreSQL
 * (GET /assessment/assessments/:id/evidence): observation notes of the assessed teacher tagged to
 * the assessment's own instrument indicators, from the academic year of the period, read under the
 * observation rules; and the rater's evidence note saved with the score.
 */

type Method = 'GET' | 'POST' | 'PUT';
const A = '/api/v1/assessment';
const O = '/api/v1/observations';
const YEAR = '2027/2028';
let ctx: TestContext;
let kepala: Session;
let guru: Session; // guru1: Ahmad Fauzi, the assessed teacher
let koordinator: Session; // another guru
let operator: Session;
let pkgIds: string[];
let pmmIds: string[];
let teacherId: string;
let period: AssessmentPeriod;
let kepalaAssessment: Assessment;
let pkgObservation: Observation;

async function call<T>(session: Session, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([method, url, res.statusCode], res.body).toEqual([method, url, status]);
  return res.json<T>();
}

async function observe(instrumentCode: string, scheduledAt: string, notes: { text: string; indicatorIds: string[] }[]): Promise<Observation> {
  const obs = await call<Observation>(kepala, 'POST', O, { teacherId, observerKind: 'kepala', scheduledAt, rombel: 'VII-A', subjectName: 'Akidah Akhlak', topic: 'Adab', instrumentCode }, 201);
  let minute = 0;
  for (const n of notes) {
    minute += 5;
    await call(kepala, 'PUT', `${O}/${obs.id}/notes/${uuidv7()}`, { notedAt: new Date(Date.parse(scheduledAt) + minute * 60_000).toISOString(), ...n });
  }
  return obs;
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  teacherId = guru.me.user.teacherId ?? '';
  const ids = (d: InstrumentDetail) => d.domains.flatMap((x) => x.competencies.flatMap((c) => c.indicators.map((i) => i.id)));
  pkgIds = ids(await call<InstrumentDetail>(kepala, 'GET', '/api/v1/instruments/pkg-2009-guru-mapel'));
  pmmIds = ids(await call<InstrumentDetail>(kepala, 'GET', '/api/v1/instruments/pmm-2024-observasi'));
  const madrasahId = kepala.me.madrasahs[0]?.id ?? '';
  period = await call<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId, academicYear: YEAR, kind: 'formatif' }, 201);
  kepalaAssessment = await call<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId, raterKind: 'kepala' }, 201);
  // In the year (1 Jul 2027 – 30 Jun 2028): a PKG lesson with notes on indicators 1 and 2, a PMM lesson.
  pkgObservation = await observe('pkg-2009-guru-mapel', '2027-08-10T02:00:00.000Z', [
    { text: 'Guru menyapa siswa satu per satu.', indicatorIds: [pkgIds[0] ?? ''] },
    { text: 'Siswa di belakang tidak ditanya.', indicatorIds: [pkgIds[1] ?? '', pkgIds[0] ?? ''] },
  ]);
  await observe('pmm-2024-observasi', '2027-09-01T02:00:00.000Z', [{ text: 'Catatan PMM.', indicatorIds: [pmmIds[0] ?? ''] }]);
  // Outside the year: the day after it ends (WIB) and the year before.
  await observe('pkg-2009-guru-mapel', '2028-06-30T17:30:00.000Z', [{ text: 'Tahun berikutnya.', indicatorIds: [pkgIds[0] ?? ''] }]);
  await observe('pkg-2009-guru-mapel', '2027-06-20T02:00:00.000Z', [{ text: 'Tahun sebelumnya.', indicatorIds: [pkgIds[0] ?? ''] }]);
});
afterAll(async () => ctx?.close());

describe('observation notes beside each indicator', () => {
  it('the rater sees the notes of this teacher tagged to each PKG indicator, oldest first, with date and observer; only this academic year', async () => {
    const ev = await call<AssessmentEvidence>(kepala, 'GET', `${A}/assessments/${kepalaAssessment.id}/evidence`);
    expect(ev.window).toEqual({ from: '2027-07-01', to: '2028-06-30' });
    expect(ev.items.map((i) => [i.indicatorId, i.notes.map((n) => n.text)])).toEqual([
      [pkgIds[0], ['Guru menyapa siswa satu per satu.', 'Siswa di belakang tidak ditanya.']],
      [pkgIds[1], ['Siswa di belakang tidak ditanya.']],
    ]);
    expect(ev.items[0]?.notes[0]).toMatchObject({ observationId: pkgObservation.id, at: '2027-08-10T02:05:00.000Z', observer: { userId: kepala.me.user.id } });
    expect(ev.items[0]?.notes[0]?.observer.name).toMatch(/\S/);
  });

  it('notes tagged to the PMM observation sheet are not mapped to PKG indicators', async () => {
    const ev = await call<AssessmentEvidence>(kepala, 'GET', `${A}/assessments/${kepalaAssessment.id}/evidence`);
    const texts = ev.items.flatMap((i) => i.notes.map((n) => n.text));
    expect(texts).not.toContain('Catatan PMM.');
    expect(texts).not.toContain('Tahun berikutnya.');
    expect(texts).not.toContain('Tahun sebelumnya.');
  });

  it('the teacher’s self-assessment shows the notes only once the observation is shared with them', async () => {
    const self = await call<Assessment>(guru, 'POST', `${A}/assessments`, { periodId: period.id, teacherId, raterKind: 'self' }, 201);
    expect((await call<AssessmentEvidence>(guru, 'GET', `${A}/assessments/${self.id}/evidence`)).items).toEqual([]);
    await call(kepala, 'POST', `${O}/${pkgObservation.id}/transition`, { to: 'reflected' });
    const shared = await call<AssessmentEvidence>(guru, 'GET', `${A}/assessments/${self.id}/evidence`);
    expect(shared.items.map((i) => i.indicatorId)).toEqual([pkgIds[0], pkgIds[1]]);
  });

  it('whoever may not read the assessment gets 404: the teacher before it is final, another guru', async () => {
    for (const session of [guru, koordinator]) {
      const res = await session.request('GET', `${A}/assessments/${kepalaAssessment.id}/evidence`);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('assessment.not_found');
    }
  });

  it('the operator, who does not read assessments, gets 404 for their evidence too', async () => {
    const res = await operator.request('GET', `${A}/assessments/${kepalaAssessment.id}/evidence`);
    expect([res.statusCode, res.json<ErrorBody>().error.code]).toEqual([404, 'assessment.not_found']);
  });
});

describe('the rater’s evidence note per indicator', () => {
  it('is saved with the score, kept when a later score is sent alone, cleared with an empty text', async () => {
    const url = `${A}/assessments/${kepalaAssessment.id}/ratings`;
    const first = await call<Assessment>(kepala, 'PUT', url, { ratings: [{ indicatorId: pkgIds[0], score: 1, evidence: 'RPP diperiksa; wawancara siswa' }] });
    expect(first.ratings.find((r) => r.indicatorId === pkgIds[0])?.evidence).toBe('RPP diperiksa; wawancara siswa');
    const scoreOnly = await call<Assessment>(kepala, 'PUT', url, { ratings: [{ indicatorId: pkgIds[0], score: 2 }] });
    expect(scoreOnly.ratings.find((r) => r.indicatorId === pkgIds[0])).toMatchObject({ score: 2, evidence: 'RPP diperiksa; wawancara siswa' });
    const cleared = await call<Assessment>(kepala, 'PUT', url, { ratings: [{ indicatorId: pkgIds[0], score: 2, evidence: '' }] });
    expect(cleared.ratings.find((r) => r.indicatorId === pkgIds[0])?.evidence ?? null).toBeNull();
  });
});
