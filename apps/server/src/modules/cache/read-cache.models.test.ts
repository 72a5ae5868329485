import { describe, expect, it } from 'vitest';
import { ReadCache, sizeOfJson } from './read-cache.models.ts';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

function liveCache(maxBytes = 10_000, now: () => number = () => 0): ReadCache {
  return new ReadCache({ maxBytes, now, live: true });
}

describe('read cache: what is served', () => {
  it('a stored value is served to the same tenant under the same key', () => {
    const c = liveCache();
    expect(c.set(c.stamp(A), 'k', '{"a":1}', 10)).toBe(true);
    expect(c.get(A, 'k')).toBe('{"a":1}');
    expect(c.stats()).toMatchObject({ hits: 1, entries: 1, bytes: 10 });
  });

  it('tenant keys never mix: the same key of another tenant is a miss', () => {
    const c = liveCache();
    c.set(c.stamp(A), 'mgmp.group:1', 'A payload', 10);
    expect(c.get(B, 'mgmp.group:1')).toBeUndefined();
    c.set(c.stamp(B), 'mgmp.group:1', 'B payload', 10);
    expect(c.get(A, 'mgmp.group:1')).toBe('A payload');
    expect(c.get(B, 'mgmp.group:1')).toBe('B payload');
  });

  it('null is a value (a missing row is remembered), undefined is a miss', () => {
    const c = liveCache();
    c.set(c.stamp(A), 'people.teacher:x', null, 10);
    expect(c.get(A, 'people.teacher:x')).toBeNull();
    expect(c.get(A, 'people.teacher:y')).toBeUndefined();
  });
});

describe('read cache: invalidation by generation', () => {
  it('a change of the tenant makes its entries stale; other tenants keep theirs', () => {
    const c = liveCache();
    c.set(c.stamp(A), 'k', 'a', 10);
    c.set(c.stamp(B), 'k', 'b', 10);
    c.bump(A);
    expect(c.get(A, 'k')).toBeUndefined();
    expect(c.get(B, 'k')).toBe('b');
    // The stale entry was dropped on the way.
    expect(c.stats().entries).toBe(1);
  });

  it('a value computed from a read that began before a change is not stored', () => {
    const c = liveCache();
    const stamp = c.stamp(A); // taken before reading the database
    c.bump(A); // a write commits meanwhile
    expect(c.set(stamp, 'k', 'old snapshot', 10)).toBe(false);
    expect(c.get(A, 'k')).toBeUndefined();
    expect(c.set(c.stamp(A), 'k', 'new', 10)).toBe(true);
  });

  it('a change of another tenant does not keep this tenant from storing', () => {
    const c = liveCache();
    const stamp = c.stamp(A);
    c.bump(B);
    expect(c.set(stamp, 'k', 'a', 10)).toBe(true);
  });

  it('flushAll drops everything and refuses values of reads begun before it', () => {
    const c = liveCache();
    const before = c.stamp(A);
    c.set(c.stamp(A), 'k', 'a', 10);
    c.set(c.stamp(B), 'k', 'b', 10);
    c.flushAll();
    expect(c.get(A, 'k')).toBeUndefined();
    expect(c.get(B, 'k')).toBeUndefined();
    expect(c.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(c.set(before, 'k', 'a', 10)).toBe(false);
  });

  it('an entry with an expiry is stale from that moment on', () => {
    let now = 1000;
    const c = liveCache(10_000, () => now);
    c.set(c.stamp(A), 'k', 'a', 10, 2000);
    now = 1999;
    expect(c.get(A, 'k')).toBe('a');
    now = 2000;
    expect(c.get(A, 'k')).toBeUndefined();
  });
});

describe('read cache: the change feed', () => {
  it('serves and stores nothing until the feed is live', () => {
    const c = new ReadCache({ maxBytes: 10_000 });
    expect(c.enabled).toBe(false);
    expect(c.set(c.stamp(A), 'k', 'a', 10)).toBe(false);
    c.setLive(true);
    expect(c.set(c.stamp(A), 'k', 'a', 10)).toBe(true);
  });

  it('losing the feed empties the cache and turns it off; regaining it starts empty and refuses reads begun while it was down', () => {
    const c = liveCache();
    c.set(c.stamp(A), 'k', 'a', 10);
    c.setLive(false);
    expect(c.get(A, 'k')).toBeUndefined();
    const whileDown = c.stamp(A);
    c.setLive(true);
    expect(c.get(A, 'k')).toBeUndefined();
    expect(c.set(whileDown, 'k', 'a', 10)).toBe(false);
  });

  it('size 0 is off, even with a live feed', () => {
    const c = new ReadCache({ maxBytes: 0, live: true });
    expect(c.enabled).toBe(false);
    expect(c.set(c.stamp(A), 'k', 'a', 1)).toBe(false);
  });
});

describe('read cache: memory bound', () => {
  it('evicts the least recently used entries beyond the size', () => {
    const c = liveCache(30);
    c.set(c.stamp(A), 'one', 1, 10);
    c.set(c.stamp(A), 'two', 2, 10);
    c.set(c.stamp(A), 'three', 3, 10);
    expect(c.get(A, 'one')).toBe(1); // 'one' is now the most recent
    c.set(c.stamp(B), 'four', 4, 10);
    expect(c.get(A, 'two')).toBeUndefined();
    expect(c.get(A, 'one')).toBe(1);
    expect(c.get(A, 'three')).toBe(3);
    expect(c.get(B, 'four')).toBe(4);
    expect(c.stats().bytes).toBeLessThanOrEqual(30);
  });

  it('replacing a key does not count it twice; a value larger than the whole cache is not stored', () => {
    const c = liveCache(30);
    c.set(c.stamp(A), 'k', 'a', 10);
    c.set(c.stamp(A), 'k', 'b', 12);
    expect(c.stats()).toMatchObject({ entries: 1, bytes: 12 });
    expect(c.set(c.stamp(A), 'big', 'x', 31)).toBe(false);
    expect(c.get(A, 'k')).toBe('b');
  });

  it('the size of a payload grows with its text', () => {
    expect(sizeOfJson('x'.repeat(1000))).toBeGreaterThan(sizeOfJson('x'.repeat(10)));
    expect(sizeOfJson('x'.repeat(1000))).toBeGreaterThanOrEqual(2000);
  });
});

describe('read cache: load (compute once, share with concurrent misses)', () => {
  const value = (v: string) => ({ value: v, size: 10 });

  it('concurrent misses of one key run the loader once and all get its value; the next read is a hit', async () => {
    const c = liveCache();
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const loader = async () => {
      calls += 1;
      await gate;
      return value('computed');
    };
    const all = Promise.all([c.load(c.stamp(A), 'k', loader), c.load(c.stamp(A), 'k', loader), c.load(c.stamp(A), 'k', loader)]);
    release();
    expect((await all).map((r) => r.value)).toEqual(['computed', 'computed', 'computed']);
    expect(calls).toBe(1);
    expect(c.stats().joined).toBe(2);
    expect(await c.load(c.stamp(A), 'k', loader)).toEqual({ value: 'computed', hit: true });
    expect(calls).toBe(1);
  });

  it('a request after a change never joins a computation begun before it', async () => {
    const c = liveCache();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const before = c.load(c.stamp(A), 'k', async () => {
      await gate;
      return value('old');
    });
    c.bump(A);
    const after = c.load(c.stamp(A), 'k', async () => value('new'));
    release();
    expect((await before).value).toBe('old');
    expect((await after).value).toBe('new');
    // The old computation was not stored over the new generation.
    expect(c.get(A, 'k')).toBe('new');
  });

  it('other tenants never share a computation', async () => {
    const c = liveCache();
    const [a, b] = await Promise.all([c.load(c.stamp(A), 'k', async () => value('A')), c.load(c.stamp(B), 'k', async () => value('B'))]);
    expect([a.value, b.value]).toEqual(['A', 'B']);
  });

  it('a failing loader fails its waiters and is not remembered', async () => {
    const c = liveCache();
    const failing = async (): Promise<{ value: string; size: number }> => {
      throw new Error('database down');
    };
    await expect(Promise.all([c.load(c.stamp(A), 'k', failing), c.load(c.stamp(A), 'k', failing)])).rejects.toThrow('database down');
    expect(await c.load(c.stamp(A), 'k', async () => value('ok'))).toEqual({ value: 'ok', hit: false });
  });

  it('off (no change feed): the loader runs for every request and nothing is shared or stored', async () => {
    const c = new ReadCache({ maxBytes: 10_000 });
    let calls = 0;
    const loader = async () => {
      calls += 1;
      return value('v');
    };
    await Promise.all([c.load(c.stamp(A), 'k', loader), c.load(c.stamp(A), 'k', loader)]);
    await c.load(c.stamp(A), 'k', loader);
    expect(calls).toBe(3);
  });
});
