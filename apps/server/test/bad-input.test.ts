import type { ErrorBody } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Bad input never answers 5xx: for every write endpoint (and the list queries), malformed JSON,
 * wrong types, unknown fields, over-long strings, NUL characters, missing fields and non-UUID ids
 * answer 4xx with `{ error: { code, message } }`, and no table changes.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Endpoint {
  method: Method;
  /** With `:id` where the id of `idKey` goes. */
  path: string;
  idKey?: keyof typeof ids;
  /** A body that would be accepted, the base of the variants. */
  valid?: Record<string, unknown>;
  /** Fields the schema requires. */
  required?: string[];
  /** Sent without the session cookie (login, accept-invitation). */
  anonymous?: boolean;
}

let ctx: TestContext;
let operator: Session;
const ids = { madrasah: '', teacher: '', subject: '', cluster: '', user: '', invitation: '' };
const TABLES = ['tenants', 'madrasahs', 'clusters', 'subjects', 'teachers', 'teacher_subjects', 'users', 'role_grants', 'invitations', 'audit_log'];

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  ids.madrasah = operator.me.madrasahs[0]?.id ?? '';
  const first = async (url: string) => (await operator.request('GET', url)).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
  ids.teacher = await first('/api/v1/teachers?limit=1');
  ids.subject = await first('/api/v1/subjects?limit=1');
  ids.cluster = await first('/api/v1/clusters?limit=1');
  ids.user = await first('/api/v1/users?q=guru1');
  const inv = await operator.request('POST', '/api/v1/invitations', { email: 'calon@contoh.sch.id', name: 'Calon', role: 'guru', madrasahId: ids.madrasah });
  ids.invitation = inv.json<{ id: string }>().id;
});
afterAll(async () => {
  await ctx.close();
});

/** Every row of the people and account tables, to compare before and after. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const res = await ctx.db.db.execute(sql.raw(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from ${table} t`));
    parts.push(`${table}:${String(res.rows[0]?.rows)}`);
  }
  return parts.join('\n');
}

/** Built when called, so the bodies carry the ids found in beforeAll. */
const endpoints = (): Endpoint[] => [
  { method: 'POST', path: '/api/v1/auth/login', valid: { email: 'operator@contoh.sch.id', password: 'x-salah' }, required: ['email', 'password'], anonymous: true },
  { method: 'POST', path: '/api/v1/auth/accept-invitation', valid: { token: 'x'.repeat(43), password: 'kata-sandi-baru' }, required: ['token', 'password'], anonymous: true },
  { method: 'PATCH', path: '/api/v1/me', valid: { locale: 'en', name: 'Nama' } },
  { method: 'PATCH', path: '/api/v1/users/:id', idKey: 'user', valid: { name: 'Nama', active: true, roles: [{ role: 'guru', madrasahId: ids.madrasah }] } },
  { method: 'POST', path: '/api/v1/invitations', valid: { email: 'baru@contoh.sch.id', name: 'Baru', role: 'guru', madrasahId: ids.madrasah }, required: ['email', 'name', 'role', 'madrasahId'] },
  { method: 'DELETE', path: '/api/v1/invitations/:id', idKey: 'invitation' },
  { method: 'POST', path: '/api/v1/clusters', valid: { madrasahId: ids.madrasah, code: 'BARU', name: 'Rumpun Baru' }, required: ['madrasahId', 'code', 'name'] },
  { method: 'PATCH', path: '/api/v1/clusters/:id', idKey: 'cluster', valid: { code: 'BARU', name: 'Rumpun Baru', active: true } },
  { method: 'POST', path: '/api/v1/subjects', valid: { madrasahId: ids.madrasah, code: 'BARU', name: 'Mapel Baru', clusterId: ids.cluster, curriculum: 'both' }, required: ['madrasahId', 'code', 'name'] },
  { method: 'PATCH', path: '/api/v1/subjects/:id', idKey: 'subject', valid: { code: 'BARU', name: 'Mapel Baru', clusterId: ids.cluster, curriculum: 'k13', active: true } },
  {
    method: 'POST',
    path: '/api/v1/teachers',
    valid: { madrasahId: ids.madrasah, name: 'Guru Baru', gender: 'L', employmentStatus: 'GTY', nuptk: '0012345678901234', nik: '0012345678901234', birthPlace: 'Sumenep', birthDate: '1990-01-02', phone: '0812', email: 'a@b.id', address: 'Jl', subjectIds: [ids.subject] },
    required: ['madrasahId', 'name'],
  },
  { method: 'PATCH', path: '/api/v1/teachers/:id', idKey: 'teacher', valid: { name: 'Guru Baru', nip: '197001012005011001', birthPlace: 'Sumenep', extraDuties: 'Wali kelas', address: 'Jl', subjectIds: [ids.subject] } },
  { method: 'DELETE', path: '/api/v1/teachers/:id', idKey: 'teacher' },
  { method: 'POST', path: '/api/v1/auth/logout' },
];

interface Variant {
  label: string;
  payload?: string;
  contentType?: string;
  path?: string;
}

const url = (e: Endpoint) => (e.idKey ? e.path.replace(':id', ids[e.idKey]) : e.path);

function variants(e: Endpoint): Variant[] {
  const json = (label: string, body: unknown): Variant => ({ label, payload: JSON.stringify(body), contentType: 'application/json' });
  const out: Variant[] = [
    { label: 'malformed JSON', payload: '{"name": "x", ', contentType: 'application/json' },
    { label: 'form encoding', payload: 'name=x', contentType: 'application/x-www-form-urlencoded' },
  ];
  if (e.idKey) {
    for (const bad of ['abc', '123', 'null', '0190a000-0000-7000-8000-00000000000Z', '%00', "1'%20or%20'1'%3D'1"]) {
      out.push({ label: `the non-UUID id ${bad}`, path: e.path.replace(':id', bad), ...(e.valid ? { payload: JSON.stringify(e.valid), contentType: 'application/json' } : {}) });
    }
  }
  // Endpoints without a body ignore one; only those with a body get the body variants.
  if (!e.valid) return out;
  out.push(
    { label: 'JSON that is not an object', payload: '[1,2,3]', contentType: 'application/json' },
    { label: 'a bare string', payload: '"x"', contentType: 'application/json' },
    { label: 'JSON null', payload: 'null', contentType: 'application/json' },
    { label: 'an empty body', payload: '', contentType: 'application/json' },
    { label: 'plain text', payload: 'name', contentType: 'text/plain' },
  );
  out.push(json('an unknown field', { ...e.valid, tenantId: '0190a000-0000-7000-8000-000000000000' }));
  out.push(json('objects for every field', Object.fromEntries(Object.keys(e.valid).map((k) => [k, { nested: true }]))));
  for (const field of e.required ?? []) {
    const { [field]: _dropped, ...rest } = e.valid;
    out.push(json(`a missing ${field}`, rest));
  }
  if (e.required) out.push(json('an empty object', {}));
  for (const [field, value] of Object.entries(e.valid)) {
    out.push(json(`${field} as a number`, { ...e.valid, [field]: 12345 }));
    out.push(json(`${field} as an array`, { ...e.valid, [field]: [[]] }));
    if (typeof value === 'string') {
      out.push(json(`${field} over-long`, { ...e.valid, [field]: 'x'.repeat(5000) }));
      out.push(json(`${field} with a NUL character`, { ...e.valid, [field]: `${value.slice(0, 2)}\u0000${value.slice(2)}` }));
    }
    if (Array.isArray(value)) out.push(json(`${field} too long a list`, { ...e.valid, [field]: Array(100).fill(value[0]) }));
  }
  return out;
}

let address = 1;
async function send(e: Endpoint, v: Variant) {
  const headers: Record<string, string> = {};
  if (v.contentType) headers['content-type'] = v.contentType;
  if (!e.anonymous) {
    headers.cookie = operator.cookie;
    headers['x-csrf-token'] = operator.csrf;
  }
  return ctx.app.inject({ method: e.method, url: v.path ?? url(e), headers, payload: v.payload, remoteAddress: `10.9.${Math.floor(address / 250)}.${address++ % 250}` });
}

function expectClientError(res: { statusCode: number; body: string }, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
  const body = JSON.parse(res.body) as ErrorBody;
  expect(body.error.code, label).toMatch(/^[a-z]+\.[a-z_]+$/);
  expect(body.error.message.length, label).toBeGreaterThan(0);
}

describe('bad input to a write endpoint answers 4xx and changes nothing', () => {
  it.each(endpoints().map((e) => [`${e.method} ${e.path}`, e.method, e.path] as const))('%s', async (_name, method, path) => {
    const endpoint = endpoints().find((x) => x.method === method && x.path === path);
    if (!endpoint) throw new Error(`no endpoint ${method} ${path}`);
    const before = await snapshot();
    for (const v of variants(endpoint)) expectClientError(await send(endpoint, v), v.label);
    expect(await snapshot()).toBe(before);
  });
});

describe('bad list queries answer 4xx', () => {
  const lists = ['/api/v1/teachers', '/api/v1/subjects', '/api/v1/clusters', '/api/v1/madrasahs', '/api/v1/users', '/api/v1/invitations', '/api/v1/audit'];
  const queries = ['limit=abc', 'limit=0', 'limit=100000', 'offset=-1', `q=${'x'.repeat(500)}`, 'unknown=1', 'madrasahId=abc', 'limit=1&limit=2'];

  it.each(lists)('%s', async (path) => {
    for (const q of queries) {
      const res = await operator.request('GET', `${path}?${q}`);
      expectClientError(res, `${path}?${q}`);
    }
  });

  it.each(lists)('%s with a NUL or a backslash in q answers 2xx or 4xx, never 5xx', async (path) => {
    for (const q of ['%00', 'a%00b', '%5C', '%25%5C', '%27%3B--']) {
      const res = await operator.request('GET', `${path}?q=${q}`);
      expect(res.statusCode, `${path}?q=${q}: ${res.body}`).toBeLessThan(500);
    }
  });
});
