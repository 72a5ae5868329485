import Fastify from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';

const options = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"] } },
  hsts: false,
} as const;

async function headersOf(register: (app: ReturnType<typeof Fastify>) => Promise<void> | void) {
  const app = Fastify();
  await register(app);
  app.get('/x', async () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  const { date: _date, 'content-length': _length, connection: _connection, ...rest } = res.headers;
  return rest;
}

describe('security headers computed once', () => {
  it('are exactly the headers @fastify/helmet sets per request for the same options', async () => {
    const ours = await headersOf((app) => registerSecurityHeaders(app, options));
    const theirs = await headersOf(async (app) => {
      await app.register(fastifyHelmet, options);
    });
    expect(ours).toEqual(theirs);
    expect(ours['content-security-policy']).toBe("default-src 'self';img-src 'self' data:;object-src 'none';frame-ancestors 'none'");
    expect(ours['x-content-type-options']).toBe('nosniff');
    expect(ours['strict-transport-security']).toBeUndefined();
  });

  it('an invalid option fails at start-up, not on a request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["self"] } } })).toThrow();
  });
});
