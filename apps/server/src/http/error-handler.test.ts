import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, commonErrors } from './app-error.ts';
import { registerErrorHandling } from './error-handler.ts';

/** A PostgreSQL error as the `pg` driver raises it, wrapped the way Drizzle wraps a failed query. */
function failedQuery(sqlState: string): Error {
  const driverError = Object.assign(new Error('database said no'), { code: sqlState, detail: 'Key (nik)=(3528000000031337) already exists.' });
  return new DrizzleQueryError('insert into "teachers" ...', ['3528000000031337'], driverError);
}

const app = Fastify({ logger: false });
const thrown = new Map<string, unknown>([
  ['unique', failedQuery('23505')],
  ['unique-bare', Object.assign(new Error('bare'), { code: '23505' })],
  ['foreign-key', failedQuery('23503')],
  ['frozen', failedQuery('23001')],
  ['check', failedQuery('23514')],
  ['nul', failedQuery('22021')],
  ['too-long', failedQuery('22001')],
  ['like-escape', failedQuery('22025')],
  ['deadlock', failedQuery('40P01')],
  ['bug', new TypeError('cannot read properties of undefined (reading secret_internal_name)')],
  ['app', commonErrors['auth.forbidden']()],
  ['not-an-error', 'a string'],
]);

beforeAll(async () => {
  registerErrorHandling(app);
  app.get('/throw/:kind', async (request) => {
    const { kind } = request.params as { kind: string };
    throw thrown.get(kind);
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

async function call(kind: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: `/throw/${kind}`, headers });
  return { status: res.statusCode, body: res.json<{ error: { code: string; message: string } }>(), raw: res.body };
}

describe('error handler', () => {
  it.each([
    ['unique', 409, 'common.conflict'],
    ['unique-bare', 409, 'common.conflict'],
    ['foreign-key', 400, 'common.validation_failed'],
    ['frozen', 409, 'common.conflict'],
    ['check', 400, 'common.validation_failed'],
    ['nul', 400, 'common.validation_failed'],
    ['too-long', 400, 'common.validation_failed'],
    ['like-escape', 400, 'common.validation_failed'],
    ['deadlock', 500, 'common.internal'],
    ['bug', 500, 'common.internal'],
    ['app', 403, 'auth.forbidden'],
    ['not-an-error', 500, 'common.internal'],
  ])('%s answers %i %s', async (kind, status, code) => {
    const res = await call(kind);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('a database error wrapped by the query builder shows neither the SQL nor the values', async () => {
    const res = await call('unique');
    expect(res.raw).not.toMatch(/insert|teachers|3528000000031337|database said no/);
  });

  it('a 5xx never shows internals', async () => {
    const res = await call('bug', { 'accept-language': 'en' });
    expect(res.body).toEqual({ error: { code: 'common.internal', message: 'Something went wrong on the server. Try again.' } });
  });

  it('an AppError answers in the requested language', async () => {
    const error = commonErrors['common.not_found']();
    expect(error).toBeInstanceOf(AppError);
    expect(error.messageFor('id')).toBe('Data tidak ditemukan.');
    expect((await call('app')).body.error.message).toBe('Anda tidak berwenang melakukan ini.');
    expect((await call('app', { 'accept-language': 'en-GB' })).body.error.message).toBe('You are not allowed to do this.');
  });
});
