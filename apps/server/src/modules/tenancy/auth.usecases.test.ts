import { describe, expect, it } from 'vitest';
import { hashToken, LoginThrottle, newToken } from './auth.usecases.ts';

describe('LoginThrottle', () => {
  const WINDOW = 15 * 60 * 1000;

  it('blocks an account after the fifth failure within the window', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 4; i++) throttle.fail('guru@x.id', 1000 + i);
    expect(throttle.isBlocked('guru@x.id', 2000)).toBe(false);
    throttle.fail('guru@x.id', 2000);
    expect(throttle.isBlocked('guru@x.id', 2001)).toBe(true);
  });

  it('counts failures per account: another account is not blocked', () => {
    const throttle = new LoginThrottle(2);
    throttle.fail('a@x.id', 0);
    throttle.fail('a@x.id', 1);
    expect(throttle.isBlocked('a@x.id', 2)).toBe(true);
    expect(throttle.isBlocked('b@x.id', 2)).toBe(false);
  });

  it('lifts the block once the window has passed', () => {
    const throttle = new LoginThrottle(2, WINDOW);
    throttle.fail('a@x.id', 0);
    throttle.fail('a@x.id', 10);
    expect(throttle.isBlocked('a@x.id', WINDOW)).toBe(true);
    expect(throttle.isBlocked('a@x.id', WINDOW + 1)).toBe(false);
  });

  it('starts a fresh count when a failure comes after the window', () => {
    const throttle = new LoginThrottle(2, WINDOW);
    throttle.fail('a@x.id', 0);
    throttle.fail('a@x.id', WINDOW + 5);
    expect(throttle.isBlocked('a@x.id', WINDOW + 6)).toBe(false);
  });

  it('a successful login clears the failures', () => {
    const throttle = new LoginThrottle(2);
    throttle.fail('a@x.id', 0);
    throttle.succeed('a@x.id');
    throttle.fail('a@x.id', 1);
    expect(throttle.isBlocked('a@x.id', 2)).toBe(false);
  });
});

describe('session tokens', () => {
  it('a new token is 32 random bytes in base64url, different each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('the stored hash is the SHA-256 hex of the token, never the token itself', () => {
    const token = newToken();
    const hashed = hashToken(token);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toContain(token);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
