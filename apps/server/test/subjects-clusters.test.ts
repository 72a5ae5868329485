import type { Cluster, ErrorBody, Subject } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

interface Page<T> {
  items: T[];
  total: number;
}

let ctx: TestContext;
let operator: Session;
let madrasahId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

async function subjects(s: Session, query = '?limit=200') {
  return (await s.request('GET', `/api/v1/subjects${query}`)).json<Page<Subject>>();
}
async function clusters(s: Session, query = '?limit=200') {
  return (await s.request('GET', `/api/v1/clusters${query}`)).json<Page<Cluster>>();
}

describe('the MTs catalogue is pre-filled for each madrasah', () => {
  it('MTs Contoh has the MTs subjects of Kurikulum Merdeka and K13', async () => {
    const page = await subjects(operator);
    expect(page.total).toBe(19);
    const names = page.items.map((s) => s.name);
    for (const name of ["Al-Qur'an Hadis", 'Akidah Akhlak', 'Fikih', 'Sejarah Kebudayaan Islam', 'Bahasa Arab', 'Ilmu Pengetahuan Alam', 'Informatika', 'Pendidikan Pancasila', 'Bimbingan dan Konseling']) {
      expect(names).toContain(name);
    }
    expect(page.items.find((s) => s.code === 'INF')?.curriculum).toBe('merdeka');
    expect(page.items.find((s) => s.code === 'PKN')?.curriculum).toBe('k13');
    expect(page.items.every((s) => s.madrasahId === madrasahId && s.active)).toBe(true);
  });

  it('the PAI subjects sit in Rumpun PAI', async () => {
    const c = await clusters(operator);
    expect(c.items.map((x) => x.name)).toContain('Rumpun PAI');
    const pai = c.items.find((x) => x.code === 'PAI');
    const inPai = (await subjects(operator)).items.filter((s) => s.clusterId === pai?.id).map((s) => s.code).sort();
    expect(inPai).toEqual(['AA', 'FIK', 'QH', 'SKI']);
  });

  it('each madrasah of Yayasan Contoh has its own copy', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const [a, b] = yayasan.me.madrasahs.map((m) => m.id);
    const all = await subjects(yayasan);
    expect(all.total).toBe(38);
    const ofA = await subjects(yayasan, `?limit=200&madrasahId=${a}`);
    const ofB = await subjects(yayasan, `?limit=200&madrasahId=${b}`);
    expect(ofA.total).toBe(19);
    expect(ofB.total).toBe(19);
    expect(ofA.items.some((s) => ofB.items.some((t) => t.id === s.id))).toBe(false);
    expect((await clusters(yayasan, `?limit=200&madrasahId=${a}`)).items.map((c) => c.code)).toContain('PAI');
  });

  it('subjects can be searched by name or code', async () => {
    expect((await subjects(operator, '?q=fikih')).items.map((s) => s.code)).toEqual(['FIK']);
    expect((await subjects(operator, '?q=INF')).items.map((s) => s.name)).toEqual(['Informatika']);
  });
});

describe('an operator edits the catalogue of the madrasah', () => {
  let cluster: Cluster;
  let subject: Subject;

  it('adds a cluster', async () => {
    const res = await operator.request('POST', '/api/v1/clusters', { madrasahId, code: 'KEAG', name: 'Rumpun Keagamaan Lokal' });
    expect(res.statusCode).toBe(201);
    cluster = res.json<Cluster>();
    expect(cluster).toMatchObject({ madrasahId, code: 'KEAG', name: 'Rumpun Keagamaan Lokal', active: true });
    expect((await clusters(operator)).items.map((c) => c.id)).toContain(cluster.id);
  });

  it('a duplicate cluster code in the same madrasah is 409 people.code_taken, whatever its case', async () => {
    for (const code of ['KEAG', 'keag', 'PAI']) {
      const res = await operator.request('POST', '/api/v1/clusters', { madrasahId, code, name: 'Lagi' });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('people.code_taken');
    }
  });

  it('adds a subject in that cluster', async () => {
    const res = await operator.request('POST', '/api/v1/subjects', { madrasahId, code: 'ASWJ', name: 'Aswaja', clusterId: cluster.id });
    expect(res.statusCode).toBe(201);
    subject = res.json<Subject>();
    expect(subject).toMatchObject({ code: 'ASWJ', name: 'Aswaja', clusterId: cluster.id, curriculum: 'both', active: true });
    expect((await subjects(operator)).total).toBe(20);
  });

  it('a duplicate subject code is 409 people.code_taken', async () => {
    const res = await operator.request('POST', '/api/v1/subjects', { madrasahId, code: 'fik', name: 'Fikih Kedua' });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('people.code_taken');
  });

  it('changing a subject’s code to one already used is refused, keeping its own code is fine', async () => {
    expect((await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, { code: 'QH' })).statusCode).toBe(409);
    const same = await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, { code: 'ASWJ', name: 'Ahlussunnah wal Jamaah' });
    expect(same.statusCode).toBe(200);
    expect(same.json<Subject>()).toMatchObject({ code: 'ASWJ', name: 'Ahlussunnah wal Jamaah' });
  });

  it('edits a subject: curriculum and cluster, or no cluster', async () => {
    const res = await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, { curriculum: 'merdeka', clusterId: null });
    expect(res.json<Subject>()).toMatchObject({ curriculum: 'merdeka', clusterId: null });
  });

  it('a patch that changes nothing answers the subject or cluster unchanged', async () => {
    const s = await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, {});
    expect(s.statusCode).toBe(200);
    expect(s.json<Subject>()).toMatchObject({ id: subject.id, code: 'ASWJ' });
    const c = await operator.request('PATCH', `/api/v1/clusters/${cluster.id}`, {});
    expect(c.statusCode).toBe(200);
    expect(c.json<Cluster>()).toMatchObject({ id: cluster.id, code: 'KEAG' });
  });

  it('deactivates a subject: it stays, listed with active=false', async () => {
    const res = await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, { active: false });
    expect(res.json<Subject>().active).toBe(false);
    expect((await subjects(operator, '?active=false')).items.map((s) => s.id)).toEqual([subject.id]);
    expect((await subjects(operator, '?active=true&limit=200')).total).toBe(19);
  });

  it('edits and deactivates a cluster', async () => {
    const renamed = await operator.request('PATCH', `/api/v1/clusters/${cluster.id}`, { name: 'Rumpun Aswaja' });
    expect(renamed.json<Cluster>().name).toBe('Rumpun Aswaja');
    const off = await operator.request('PATCH', `/api/v1/clusters/${cluster.id}`, { active: false });
    expect(off.json<Cluster>()).toMatchObject({ active: false, name: 'Rumpun Aswaja' });
    const pai = (await clusters(operator)).items.find((c) => c.code === 'PAI');
    expect((await operator.request('PATCH', `/api/v1/clusters/${cluster.id}`, { code: pai?.code ?? 'PAI' })).statusCode).toBe(409);
  });

  it('an unknown subject or cluster id is 404', async () => {
    const missing = '0190a000-0000-7000-8000-000000000000';
    const s = await operator.request('PATCH', `/api/v1/subjects/${missing}`, { name: 'X' });
    expect([s.statusCode, s.json<ErrorBody>().error.code]).toEqual([404, 'people.subject_not_found']);
    const c = await operator.request('PATCH', `/api/v1/clusters/${missing}`, { name: 'X' });
    expect([c.statusCode, c.json<ErrorBody>().error.code]).toEqual([404, 'people.cluster_not_found']);
    const sub = await operator.request('POST', '/api/v1/subjects', { madrasahId, code: 'NEW', name: 'Baru', clusterId: missing });
    expect([sub.statusCode, sub.json<ErrorBody>().error.code]).toEqual([404, 'people.cluster_not_found']);
  });
});

describe('clusters belong to one madrasah', () => {
  it('a subject cannot be put in a cluster of another madrasah', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const [a, b] = yayasan.me.madrasahs.map((m) => m.id);
    const clusterOfB = (await clusters(yayasan, `?limit=200&madrasahId=${b}`)).items[0];
    const create = await yayasan.request('POST', '/api/v1/subjects', { madrasahId: a, code: 'LINTAS', name: 'Lintas', clusterId: clusterOfB?.id });
    expect(create.statusCode).toBe(404);
    expect(create.json<ErrorBody>().error.code).toBe('people.cluster_not_found');
    const subjectOfA = (await subjects(yayasan, `?limit=1&madrasahId=${a}`)).items[0];
    const move = await yayasan.request('PATCH', `/api/v1/subjects/${subjectOfA?.id}`, { clusterId: clusterOfB?.id });
    expect(move.statusCode).toBe(404);
    const after = (await subjects(yayasan, `?q=${subjectOfA?.code}&madrasahId=${a}`)).items.find((s) => s.id === subjectOfA?.id);
    expect(after?.clusterId).toBe(subjectOfA?.clusterId);
    expect((await subjects(yayasan, '?q=LINTAS')).total).toBe(0);
  });

  it('the same code may be used by two madrasahs', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const [a, b] = yayasan.me.madrasahs.map((m) => m.id);
    expect((await yayasan.request('POST', '/api/v1/clusters', { madrasahId: a, code: 'SAINS', name: 'Sains' })).statusCode).toBe(201);
    expect((await yayasan.request('POST', '/api/v1/clusters', { madrasahId: b, code: 'SAINS', name: 'Sains' })).statusCode).toBe(201);
  });
});

describe('who may edit the catalogue', () => {
  it.each(['kepala@contoh.sch.id', 'guru1@contoh.sch.id', 'koordinator@contoh.sch.id'])('%s may read but not add or change (403)', async (email) => {
    const s = await login(ctx.app, email);
    expect((await subjects(s)).total).toBeGreaterThanOrEqual(19);
    const fik = (await subjects(s, '?q=FIK')).items[0];
    const pai = (await clusters(s)).items.find((c) => c.code === 'PAI');
    const results = [
      await s.request('POST', '/api/v1/subjects', { madrasahId, code: 'NOPE', name: 'Tidak' }),
      await s.request('PATCH', `/api/v1/subjects/${fik?.id}`, { name: 'Diubah' }),
      await s.request('POST', '/api/v1/clusters', { madrasahId, code: 'NOPE', name: 'Tidak' }),
      await s.request('PATCH', `/api/v1/clusters/${pai?.id}`, { active: false }),
    ];
    expect(results.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(results.map((r) => r.json<ErrorBody>().error.code)).toEqual(Array(4).fill('auth.forbidden'));
    expect((await subjects(operator, '?q=FIK')).items[0]?.name).toBe('Fikih');
    expect((await clusters(operator)).items.find((c) => c.code === 'PAI')?.active).toBe(true);
  });

  it('a pengawas cannot add to the madrasah they supervise', async () => {
    const pengawas = await login(ctx.app, 'pengawas@yayasan.sch.id');
    const res = await pengawas.request('POST', '/api/v1/clusters', { madrasahId: pengawas.me.madrasahs[0]?.id, code: 'NOPE', name: 'Tidak' });
    expect(res.statusCode).toBe(403);
  });
});
