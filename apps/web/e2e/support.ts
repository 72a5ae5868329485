import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Where the app under test runs; the orchestrator starts the real server with demo data. */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const DEMO_PASSWORD = process.env.TUMBUH_DEMO_PASSWORD ?? 'tumbuh-demo-2026';
export const ACCOUNTS = {
  operator: 'operator@contoh.sch.id',
  kepala: 'kepala@contoh.sch.id',
  guru: 'guru1@contoh.sch.id',
  koordinator: 'koordinator@contoh.sch.id',
  /** Sekretaris of MGMP MIPA (the koordinator is its ketua). */
  sekretaris: 'sekretaris@contoh.sch.id',
} as const;
export type Account = keyof typeof ACCOUNTS;
export const DEMO_MADRASAH = 'MTs Contoh';

/** Debian's Chromium, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface ContextOptions {
  width?: number;
  height?: number;
  /** Cookies and storage to start from (a saved signed-in state). */
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
}

/** A fresh browser profile pointed at the app, in Indonesian, phone-sized unless told otherwise. */
export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: 'id-ID',
    serviceWorkers: 'block',
    ...(options.storageState ? { storageState: options.storageState } : {}),
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signed-in browser state per demo account, reused within one test file's process. */
const signedInStates = new Map<Account, Awaited<ReturnType<BrowserContext['storageState']>>>();

/**
 * A browser profile already signed in as a demo account (through the API, to keep tests fast).
 * The server allows 20 sign-ins per minute from one address (a product rule), so the session of
 * an account is reused across the tests of a file while it is still valid (checked with
 * `GET /api/v1/me`); a refused sign-in (429) waits for the server's `retry-after` and tries again.
 */
export async function signedInContext(browser: Browser, account: Account, options: ContextOptions = {}): Promise<BrowserContext> {
  const saved = signedInStates.get(account);
  if (saved) {
    const context = await newContext(browser, { ...options, storageState: saved });
    if ((await context.request.get('/api/v1/me')).ok()) return context;
    await context.close();
    signedInStates.delete(account);
  }
  const context = await newContext(browser, options);
  for (let attempt = 1; ; attempt++) {
    const res = await context.request.post('/api/v1/auth/login', {
      data: { email: ACCOUNTS[account], password: DEMO_PASSWORD },
      headers: { 'content-type': 'application/json' },
    });
    if (res.ok()) break;
    if (res.status() === 429 && attempt < 4) {
      const wait = Number(res.headers()['retry-after'] ?? '10');
      await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(wait) && wait > 0 ? wait : 10) * 1000 + 250));
      continue;
    }
    throw new Error(`login as ${account} failed: ${res.status()} ${await res.text()}`);
  }
  signedInStates.set(account, await context.storageState());
  return context;
}

/** Total of the active teachers, read through the API with the context's session. */
export async function activeTeacherTotal(context: BrowserContext): Promise<number> {
  const res = await context.request.get('/api/v1/teachers?active=true&limit=1');
  if (!res.ok()) throw new Error(`teacher list failed: ${res.status()}`);
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || !('total' in body) || typeof body.total !== 'number') throw new Error('no total');
  return body.total;
}

/** `length` digits that differ from run to run, so identifiers never clash with an earlier run's data. */
export function uniqueDigits(length: number): string {
  const seed = `${Date.now()}${Math.floor(Math.random() * 1e9)
    .toString()
    .padStart(9, '0')}`;
  return seed.padStart(length, '7').slice(-length);
}

/** Retries an assertion until it passes or `timeoutMs` runs out (the page may still be fetching). */
export async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Opens a <details> section (the locator is the element or holds one). Sections above it fill in as
 * their data arrives, so a click can land on whatever just moved under the pointer: wait for the
 * page to settle, then click its summary until it is open.
 */
export async function openDetails(page: Page, section: Locator): Promise<void> {
  await section.waitFor();
  await page.waitForLoadState('networkidle');
  const isOpen = () => section.evaluate((el) => (el.tagName === 'DETAILS' ? (el as HTMLDetailsElement) : el.querySelector('details'))?.open === true);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await isOpen()) return;
    await section.locator('summary').first().click();
    await page.waitForTimeout(200);
  }
  throw new Error('the section did not open');
}
