import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: false });
});
afterAll(async () => {
  await ctx.close();
});

/** Every route Fastify serves, as `METHOD /path`, read from its route tree. */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = line.match(/^([\s│├└─]*)(\S.*?) \(([A-Z, ]+)\)$/);
    if (!match) continue;
    const depth = Math.round((match[1] ?? '').length / 4);
    stack.length = depth;
    stack[depth] = match[2] ?? '';
    const path = stack.join('').replace(/\/+/g, '/');
    for (const method of (match[3] ?? '').split(', ')) routes.push(`${method} ${path.startsWith('/') ? path : `/${path}`}`);
  }
  return routes;
}

describe('OpenAPI', () => {
  it('documents every /api/v1 route the server answers, with the method', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const api = registeredRoutes(ctx.app.printRoutes({ commonPrefix: false })).filter((r) => r.includes(' /api/v1/') && !r.startsWith('HEAD '));
    // 24 routes of auth, accounts, people and audit; more as capabilities land.
    expect(api.length).toBeGreaterThanOrEqual(24);
    expect(api).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'PATCH /api/v1/me', 'PATCH /api/v1/clusters/:id', 'GET /api/v1/teachers/:id', 'DELETE /api/v1/invitations/:id']));
    const missing = api.filter((r) => {
      const [method = '', path = ''] = r.split(' ');
      return doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] === undefined;
    });
    expect(missing).toEqual([]);
  });

  it('documents request schemas from the same zod contracts (unknown fields refused)', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean; required?: string[] } }> } }>>;
    }>();
    const body = doc.paths['/api/v1/teachers']?.post?.requestBody?.content['application/json']?.schema;
    expect(body?.required).toEqual(expect.arrayContaining(['madrasahId', 'name']));
    expect(body?.additionalProperties).toBe(false);
  });
});
