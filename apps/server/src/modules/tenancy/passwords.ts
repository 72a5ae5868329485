import { hash, verify } from '@node-rs/argon2';

// argon2id, OWASP's minimum profile (m=19 MiB, t=2, p=1): ≈ 12 ms here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its hash; false for a malformed hash instead of throwing. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
export const DUMMY_HASH_PROMISE = hashPassword('tumbuh-no-such-account');
