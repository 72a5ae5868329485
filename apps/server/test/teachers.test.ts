import { eq } from 'drizzle-orm';
import type { ErrorBody, Subject, Cluster, TeacherDetail, TeacherSummary } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

interface Page<T> {
  items: T[];
  total: number;
}

let ctx: TestContext;
let operator: Session;
let guru: Session;
let madrasahId: string;
let subjectByCode: Map<string, Subject>;
let clusterByCode: Map<string, Cluster>;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
  const subjects = (await operator.request('GET', '/api/v1/subjects?limit=200')).json<Page<Subject>>();
  subjectByCode = new Map(subjects.items.map((s) => [s.code, s]));
  const clusters = (await operator.request('GET', '/api/v1/clusters?limit=200')).json<Page<Cluster>>();
  clusterByCode = new Map(clusters.items.map((c) => [c.code, c]));
});
afterAll(async () => {
  await ctx.close();
});

async function list(s: Session, query = ''): Promise<Page<TeacherSummary>> {
  const res = await s.request('GET', `/api/v1/teachers${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page<TeacherSummary>>();
}

const names = (page: Page<TeacherSummary>) => page.items.map((t) => t.name);
const idOf = (s: Subject | Cluster | undefined) => s?.id ?? 'missing';

async function teacherByName(name: string): Promise<TeacherSummary> {
  const found = (await list(operator, `?q=${encodeURIComponent(name)}`)).items.find((t) => t.name === name);
  if (!found) throw new Error(`no teacher ${name}`);
  return found;
}

describe('teacher list', () => {
  it('answers {items,total} with the 25 demo teachers, names only and no restricted data', async () => {
    const page = await list(operator);
    expect(page.total).toBe(25);
    expect(page.items).toHaveLength(25);
    const first = page.items[0];
    expect(first && Object.keys(first).sort()).toEqual(['active', 'employmentStatus', 'gender', 'id', 'madrasahId', 'name', 'subjects']);
  });

  it('is sorted by name and pages with limit and offset without overlap', async () => {
    const all = names(await list(operator, '?limit=25'));
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const p1 = await list(operator, '?limit=10&offset=0');
    const p3 = await list(operator, '?limit=10&offset=20');
    expect(p1.items).toHaveLength(10);
    expect(p3.items).toHaveLength(5);
    expect(p3.total).toBe(25);
    expect(names(p1)).toEqual(all.slice(0, 10));
    expect(names(p3)).toEqual(all.slice(20));
    expect((await list(operator, '?offset=1000')).items).toEqual([]);
  });

  it('q finds a teacher by part of the name, whatever the case', async () => {
    expect(names(await list(operator, '?q=FAUZI'))).toEqual(['Ahmad Fauzi, S.Pd.I']);
  });

  it('q finds a teacher by NUPTK, leading zeros included', async () => {
    // Demo teacher 1 has NUPTK 0000000000007919.
    expect(names(await list(operator, '?q=0000000000007919'))).toEqual(['Ahmad Fauzi, S.Pd.I']);
  });

  it('q treats % and _ literally', async () => {
    expect((await list(operator, '?q=%25')).total).toBe(0);
    expect((await list(operator, '?q=_')).total).toBe(0);
  });

  it('filters by subject', async () => {
    expect(names(await list(operator, `?subjectId=${idOf(subjectByCode.get('IPA'))}`))).toEqual(['Ainul Yaqin, S.Pd', "Imam Syafi'i, S.Si", 'Ummu Kultsum, S.Pd']);
  });

  it('filters by cluster (any subject of the rumpun)', async () => {
    const pai = await list(operator, `?clusterId=${idOf(clusterByCode.get('PAI'))}`);
    expect(pai.total).toBe(6);
    expect(names(pai)).toContain('Sholehuddin, S.Ag');
    expect(pai.items.every((t) => t.subjects.some((s) => s.clusterId === clusterByCode.get('PAI')?.id))).toBe(true);
  });

  it('filters by employment status and combines filters', async () => {
    const pns = await list(operator, '?employmentStatus=PNS');
    expect(pns.total).toBe(5);
    expect(pns.items.every((t) => t.employmentStatus === 'PNS')).toBe(true);
    expect(names(await list(operator, `?employmentStatus=PNS&subjectId=${idOf(subjectByCode.get('MAT'))}`))).toEqual(['Khoirul Anam, S.Pd']);
  });

  it('lists each teacher’s subjects', async () => {
    const t = (await list(operator, '?q=Eko')).items[0];
    expect(t?.subjects.map((s) => s.name).sort()).toEqual(['Informatika', 'Prakarya']);
  });
});

describe('creating and changing teachers', () => {
  let created: TeacherDetail;

  it('an operator adds a teacher; identifiers stay text with their leading zeros', async () => {
    const res = await operator.request('POST', '/api/v1/teachers', {
      madrasahId,
      name: 'Guru Baru, S.Pd',
      gender: 'P',
      employmentStatus: 'GTT',
      nuptk: '0012 3456 7890 1234',
      nip: '001234567890123456',
      pegId: '000123456',
      nik: '0012345678901234',
      birthPlace: 'Sumenep',
      birthDate: '1990-02-03',
      phone: '081234567890',
      email: 'guru.baru@contoh.sch.id',
      subjectIds: [idOf(subjectByCode.get('BAR'))],
    });
    expect(res.statusCode).toBe(201);
    created = res.json<TeacherDetail>();
    expect(created).toMatchObject({
      name: 'Guru Baru, S.Pd',
      nuptk: '0012345678901234',
      nip: '001234567890123456',
      pegId: '000123456',
      nik: '0012345678901234',
      birthDate: '1990-02-03',
      active: true,
      restricted: false,
      subjects: [{ name: 'Bahasa Arab' }],
    });
    const [row] = await ctx.db.db.select().from(teachers).where(eq(teachers.id, created.id));
    expect(row?.nuptk).toBe('0012345678901234');
    expect(row?.nik).toBe('0012345678901234');
    expect((await list(operator)).total).toBe(26);
  });

  it('a second teacher with the same NUPTK is refused with 409 people.duplicate_identifier', async () => {
    const res = await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Kembar', nuptk: '0012345678901234' });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('people.duplicate_identifier');
    expect((await list(operator, '?q=Kembar')).total).toBe(0);
  });

  it('two simultaneous creates with the same NUPTK: one is created, the other is a 409, never a 500', async () => {
    const body = (name: string) => ({ madrasahId, name, nuptk: '0099887766554433' });
    const results = await Promise.all([1, 2, 3].map((i) => operator.request('POST', '/api/v1/teachers', body(`Serentak ${i}`))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await list(operator, '?q=0099887766554433')).total).toBe(1);
    // Removed again so the counts of the tests below stay those of the demo.
    await ctx.db.db.delete(teachers).where(eq(teachers.nuptk, '0099887766554433'));
  });

  it('the same NIK or NIP is a duplicate too', async () => {
    expect((await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Kembar', nik: '0012345678901234' })).statusCode).toBe(409);
    expect((await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Kembar', nip: '001234567890123456' })).statusCode).toBe(409);
  });

  it('an operator changes a teacher, and the list search follows the new name', async () => {
    const res = await operator.request('PATCH', `/api/v1/teachers/${created.id}`, { name: 'Guru Berganti Nama', subjectIds: [idOf(subjectByCode.get('BAR')), idOf(subjectByCode.get('BIN'))] });
    expect(res.statusCode).toBe(200);
    expect(res.json<TeacherDetail>()).toMatchObject({ name: 'Guru Berganti Nama', nuptk: '0012345678901234' });
    expect(res.json<TeacherDetail>().subjects.map((s) => s.name).sort()).toEqual(['Bahasa Arab', 'Bahasa Indonesia']);
    expect(names(await list(operator, '?q=berganti'))).toEqual(['Guru Berganti Nama']);
    expect((await list(operator, '?q=Guru Baru')).total).toBe(0);
  });

  it('changing a teacher to another teacher’s NUPTK is refused', async () => {
    const res = await operator.request('PATCH', `/api/v1/teachers/${created.id}`, { nuptk: '0000000000007919' });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('people.duplicate_identifier');
  });

  it('an identifier can be cleared', async () => {
    const res = await operator.request('PATCH', `/api/v1/teachers/${created.id}`, { email: '', phone: null });
    expect(res.json<TeacherDetail>()).toMatchObject({ email: null, phone: null, nik: '0012345678901234' });
  });

  it('DELETE deactivates: still retrievable, hidden from the default list, shown with active=false', async () => {
    const res = await operator.request('DELETE', `/api/v1/teachers/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<TeacherDetail>().active).toBe(false);
    const detail = await operator.request('GET', `/api/v1/teachers/${created.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<TeacherDetail>()).toMatchObject({ active: false, name: 'Guru Berganti Nama' });
    expect((await list(operator)).total).toBe(25);
    expect(names(await list(operator, '?active=false'))).toEqual(['Guru Berganti Nama']);
    expect((await list(operator, '?active=all')).total).toBe(26);
  });

  it('a deactivated teacher can be reactivated', async () => {
    const res = await operator.request('PATCH', `/api/v1/teachers/${created.id}`, { active: true });
    expect(res.json<TeacherDetail>().active).toBe(true);
    expect((await list(operator)).total).toBe(26);
  });

  it('a subject of the madrasah must exist: an unknown subject id is 404 people.subject_not_found', async () => {
    const res = await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Tanpa Mapel', subjectIds: ['0190a000-0000-7000-8000-000000000000'] });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('people.subject_not_found');
  });

  it('an unknown teacher id is 404 people.teacher_not_found', async () => {
    const res = await operator.request('PATCH', '/api/v1/teachers/0190a000-0000-7000-8000-000000000000', { name: 'X' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('people.teacher_not_found');
  });
});

describe('who may change teachers', () => {
  it.each(['guru1@contoh.sch.id', 'kepala@contoh.sch.id', 'koordinator@contoh.sch.id', 'peneliti@contoh.sch.id'])('%s cannot create, change or deactivate (403)', async (email) => {
    const s = await login(ctx.app, email);
    const target = await teacherByName('Siti Aminah, S.Ag');
    const create = await s.request('POST', '/api/v1/teachers', { madrasahId, name: 'Tidak Boleh' });
    expect(create.statusCode).toBe(403);
    expect(create.json<ErrorBody>().error.code).toBe('auth.forbidden');
    expect((await s.request('PATCH', `/api/v1/teachers/${target.id}`, { name: 'Diubah' })).statusCode).toBe(403);
    expect((await s.request('DELETE', `/api/v1/teachers/${target.id}`)).statusCode).toBe(403);
    const after = await operator.request('GET', `/api/v1/teachers/${target.id}`);
    expect(after.json<TeacherDetail>()).toMatchObject({ name: 'Siti Aminah, S.Ag', active: true });
    expect((await list(operator, '?q=Tidak Boleh')).total).toBe(0);
  });
});

describe('restricted teacher data', () => {
  const RESTRICTED = { nik: null, nip: null, birthPlace: null, birthDate: null, phone: null, email: null, address: null, restricted: true };

  it('a guru sees a colleague without NIK, NIP, birth data or contact', async () => {
    const colleague = await teacherByName('Siti Aminah, S.Ag');
    const res = await guru.request('GET', `/api/v1/teachers/${colleague.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<TeacherDetail>();
    expect(body).toMatchObject({ name: 'Siti Aminah, S.Ag', ...RESTRICTED });
    expect(body.subjects.map((s) => s.name)).toEqual(['Akidah Akhlak']);
    // The withheld values appear nowhere in the answer.
    const full = (await operator.request('GET', `/api/v1/teachers/${colleague.id}`)).json<TeacherDetail>();
    expect(full.nik).toMatch(/^\d{16}$/);
    expect(res.body).not.toContain(full.nik ?? 'none');
    expect(res.body).not.toContain(full.phone ?? 'none');
  });

  it('a guru sees their own record in full', async () => {
    const own = guru.me.user.teacherId ?? '';
    const res = await guru.request('GET', `/api/v1/teachers/${own}`);
    expect(res.json<TeacherDetail>()).toMatchObject({ id: own, name: 'Ahmad Fauzi, S.Pd.I', restricted: false });
    expect(res.json<TeacherDetail>().nik).toMatch(/^\d{16}$/);
    expect(res.json<TeacherDetail>().nip).toMatch(/^\d{18}$/);
    expect(res.json<TeacherDetail>().birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a koordinator MGMP and a peneliti see colleagues restricted too', async () => {
    const colleague = await teacherByName('Siti Aminah, S.Ag');
    for (const email of ['koordinator@contoh.sch.id', 'peneliti@contoh.sch.id']) {
      const s = await login(ctx.app, email);
      expect((await s.request('GET', `/api/v1/teachers/${colleague.id}`)).json<TeacherDetail>()).toMatchObject(RESTRICTED);
    }
  });

  it('the kepala madrasah sees the full record', async () => {
    const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
    const colleague = await teacherByName('Siti Aminah, S.Ag');
    const body = (await kepala.request('GET', `/api/v1/teachers/${colleague.id}`)).json<TeacherDetail>();
    expect(body.restricted).toBe(false);
    expect(body.nik).toMatch(/^3528\d{12}$/);
    expect(body.nip).toMatch(/^\d{18}$/);
    expect(body.phone).toMatch(/^08123/);
    expect(body.birthPlace).not.toBeNull();
  });

  it('a guru may list colleagues by name, subject and cluster', async () => {
    const page = await list(guru, `?clusterId=${idOf(clusterByCode.get('PAI'))}`);
    expect(page.total).toBe(6);
  });
});

describe('pengawas scope', () => {
  it('pengawas@yayasan.sch.id sees only the assigned madrasah’s teachers, not the other madrasah of Yayasan Contoh', async () => {
    const pengawas = await login(ctx.app, 'pengawas@yayasan.sch.id');
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    expect(yayasan.me.madrasahs.map((m) => m.name)).toEqual(['MTs Contoh Harapan', 'MTs Contoh Nusantara']);
    const assigned = yayasan.me.madrasahs.find((m) => m.npsn === '99999002')?.id ?? '';
    const other = yayasan.me.madrasahs.find((m) => m.npsn === '99999003')?.id ?? '';

    expect(pengawas.me.madrasahs.map((m) => m.id)).toEqual([assigned]);
    const page = await list(pengawas, '?limit=200');
    expect(page.total).toBe(6);
    expect(page.items.every((t) => t.madrasahId === assigned)).toBe(true);
    expect((await list(pengawas, `?madrasahId=${other}`)).total).toBe(0);

    const otherTeachers = await list(yayasan, `?madrasahId=${other}`);
    expect(otherTeachers.total).toBe(5);
    const hidden = otherTeachers.items[0]?.id ?? '';
    const res = await pengawas.request('GET', `/api/v1/teachers/${hidden}`);
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('people.teacher_not_found');
    expect((await pengawas.request('GET', `/api/v1/madrasahs/${other}`)).statusCode).toBe(404);
    expect((await pengawas.request('GET', '/api/v1/madrasahs')).json<Page<{ id: string }>>().items.map((m) => m.id)).toEqual([assigned]);
    const subjects = (await pengawas.request('GET', '/api/v1/subjects?limit=200')).json<Page<Subject>>();
    expect(subjects.items.every((s) => s.madrasahId === assigned)).toBe(true);

    // Within the assigned madrasah, a pengawas sees full records.
    const visible = page.items[0]?.id ?? '';
    expect((await pengawas.request('GET', `/api/v1/teachers/${visible}`)).json<TeacherDetail>().restricted).toBe(false);
  });
});
