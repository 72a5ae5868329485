import { describe, expect, it } from 'vitest';
import type { Actor } from './tenancy.models.ts';
import { SessionCache } from './session-cache.ts';

const T0 = Date.parse('2026-11-24T08:00:00Z');
const HOUR = 3600_000;

function actor(userId: string, tenantId = 't1'): Actor {
  return { userId, tenantId, sessionId: `s-${userId}`, email: `${userId}@x.id`, name: userId, locale: 'id', teacherId: null, roles: [{ role: 'guru', madrasahId: 'm1' }] };
}

function setUp(ttlMs = 30_000) {
  let mono = 0;
  const cache = new SessionCache({ ttlMs, touchEveryMs: HOUR, monotonic: () => mono });
  cache.live(true);
  const session = { expiresAt: new Date(T0 + 14 * 24 * HOUR), lastSeenAt: new Date(T0) };
  const put = (hash: string, a: Actor) => cache.store(hash, { actor: a, csrfToken: `csrf-${hash}` }, session, cache.generation());
  return { cache, put, advance: (ms: number) => (mono += ms) };
}

describe('session cache', () => {
  it('answers a stored session until its lifetime is over, then asks the database again', () => {
    const { cache, put, advance } = setUp(30_000);
    put('h1', actor('u1'));
    expect(cache.get('h1', T0)?.actor.userId).toBe('u1');
    advance(29_999);
    expect(cache.get('h1', T0)).toBeDefined();
    advance(1);
    expect(cache.get('h1', T0)).toBeUndefined();
  });

  it('never answers at or after the session’s expiry, whatever its own lifetime', () => {
    const { cache } = setUp();
    cache.store('h1', { actor: actor('u1'), csrfToken: 'c' }, { expiresAt: new Date(T0 + 1000), lastSeenAt: new Date(T0) }, cache.generation());
    expect(cache.get('h1', T0 + 999)).toBeDefined();
    expect(cache.get('h1', T0 + 1000)).toBeUndefined();
  });

  it('does not answer when the sliding expiry is due to be pushed forward (the database lookup does that)', () => {
    const { cache, put } = setUp();
    put('h1', actor('u1'));
    expect(cache.get('h1', T0 + HOUR)).toBeDefined();
    expect(cache.get('h1', T0 + HOUR + 1)).toBeUndefined();
  });

  it('a change to a user drops every session of that user and no other', () => {
    const { cache, put } = setUp();
    put('a1', actor('u1'));
    put('a2', actor('u1'));
    put('b1', actor('u2'));
    put('c1', actor('u1', 't2'));
    cache.change('t1:u1');
    expect(cache.get('a1', T0)).toBeUndefined();
    expect(cache.get('a2', T0)).toBeUndefined();
    expect(cache.get('b1', T0)).toBeDefined();
    expect(cache.get('c1', T0)).toBeDefined();
  });

  it("'*' drops everything", () => {
    const { cache, put } = setUp();
    put('a1', actor('u1'));
    put('b1', actor('u2'));
    cache.change('*');
    expect(cache.size).toBe(0);
  });

  it('a lookup that started before a change does not store what it read', () => {
    const { cache } = setUp();
    const before = cache.generation();
    cache.change('t1:someone-else');
    cache.store('h1', { actor: actor('u1'), csrfToken: 'c' }, { expiresAt: new Date(T0 + HOUR), lastSeenAt: new Date(T0) }, before);
    expect(cache.get('h1', T0)).toBeUndefined();
    expect(cache.stats.refused).toBe(1);
  });

  it('while the change feed is down nothing is served or stored, and what was cached is dropped both when it goes down and when it comes back', () => {
    const { cache, put } = setUp();
    put('h1', actor('u1'));
    cache.live(false);
    expect(cache.get('h1', T0)).toBeUndefined();
    put('h2', actor('u2'));
    expect(cache.size).toBe(0);
    const startedWhileDown = cache.generation();
    cache.live(true);
    cache.store('h3', { actor: actor('u3'), csrfToken: 'c' }, { expiresAt: new Date(T0 + HOUR), lastSeenAt: new Date(T0) }, startedWhileDown);
    expect(cache.size).toBe(0);
    put('h4', actor('u4'));
    expect(cache.get('h4', T0)).toBeDefined();
  });

  it('every answer is a copy: a caller changing it does not change the next answer', () => {
    const { cache, put } = setUp();
    put('h1', actor('u1'));
    const first = cache.get('h1', T0);
    if (!first) throw new Error('expected a cached session');
    first.actor.roles.push({ role: 'operator', madrasahId: null });
    first.actor.name = 'changed';
    expect(cache.get('h1', T0)?.actor).toMatchObject({ name: 'u1', roles: [{ role: 'guru', madrasahId: 'm1' }] });
  });
});
