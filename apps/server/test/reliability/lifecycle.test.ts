import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  apiLogin,
  cleanUpDataDir,
  cliEnv,
  freePort,
  makeDataDir,
  postmasterPid,
  runCli,
  waitHealthy,
  type CliProcess,
} from './cli-process.ts';

/**
 * The real `tumbuh serve` process on a temporary data folder: crash with `kill -9` in the middle
 * of writes, a refused second server, a command beside a running server, and a clean SIGTERM.
 * One data folder and few starts, to stay quick on a small machine.
 */
describe('tumbuh serve on a data folder', () => {
  let dataDir: string;
  const procs: CliProcess[] = [];
  let first: CliProcess;
  let baseUrl: string;

  const startServe = async (): Promise<{ proc: CliProcess; url: string }> => {
    const port = await freePort();
    const proc = runCli(['serve'], cliEnv(dataDir, { PORT: String(port) }));
    procs.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, proc);
    return { proc, url };
  };

  beforeAll(async () => {
    dataDir = await makeDataDir('tumbuh-life-');
    ({ proc: first, url: baseUrl } = await startServe());
  }, 90_000);

  afterAll(async () => {
    await cleanUpDataDir(dataDir, procs);
  }, 60_000);

  it('a second server on the same data folder is refused with a clear message', async () => {
    const second = runCli(['serve'], cliEnv(dataDir, { PORT: String(await freePort()) }));
    procs.push(second);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toMatch(/already running on this data folder/);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  }, 60_000);

  it('a command beside the running server uses its PostgreSQL and leaves it running', async () => {
    const file = path.join(dataDir, 'beside.tumbuh-backup.gz');
    const backup = runCli(['backup', file], cliEnv(dataDir));
    procs.push(backup);
    expect(await backup.exited, backup.output()).toBe(0);
    expect((await fs.stat(file)).size).toBeGreaterThan(1000);
    const session = await apiLogin(baseUrl, 'operator@contoh.sch.id');
    expect((await session.get('/api/v1/teachers?limit=1')).status).toBe(200);
  }, 60_000);

  it('after kill -9 in the middle of writes, it starts again and every answered write is there', async () => {
    const session = await apiLogin(baseUrl, 'operator@contoh.sch.id');
    const acknowledged: string[] = [];
    let killed = false;
    let n = 0;
    const writer = async () => {
      while (!killed) {
        const i = n++;
        try {
          const res = await session.post('/api/v1/teachers', { madrasahId: session.madrasahId, name: `Guru Uji Crash ${i}` });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else if (!killed) throw new Error(`write ${i}: ${res.status} ${await res.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));
    const pgPid = await postmasterPid(dataDir);
    killed = true;
    first.child.kill('SIGKILL');
    await first.exited;
    await writers;
    // The trap is real: the PostgreSQL of the killed server is still running.
    expect(pgPid && alive(pgPid)).toBe(true);

    const { url } = await startServe();
    baseUrl = url;
    const again = await apiLogin(baseUrl, 'operator@contoh.sch.id');
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await again.get(`/api/v1/teachers/${id}`);
      if (res.status !== 200) missing.push(`${id}: ${res.status}`);
    }
    expect(missing).toEqual([]);
  }, 90_000);

  it('SIGTERM lets a request in flight finish, then stops PostgreSQL', async () => {
    const server = procs.at(-1);
    if (!server) throw new Error('no server');
    const session = await apiLogin(baseUrl, 'operator@contoh.sch.id');
    const loginCookie = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operator@contoh.sch.id', password: 'tumbuh-demo-2026' }),
    });
    const cookie = (loginCookie.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = ((await loginCookie.json()) as { csrfToken: string }).csrfToken;
    const pgPid = await postmasterPid(dataDir);
    expect(pgPid && alive(pgPid)).toBe(true);

    const body = JSON.stringify({ madrasahId: session.madrasahId, name: 'Guru Uji Sigterm' });
    const half = Math.floor(body.length / 2);
    const url = new URL('/api/v1/teachers', baseUrl);
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), cookie, 'x-csrf-token': csrf },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      req.write(body.slice(0, half));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(half)), 500);
      }, 200);
    });
    const result = await answered;
    expect(result.status, result.text).toBe(201);
    expect(await server.exited).toBe(0);
    expect(pgPid !== undefined && alive(pgPid)).toBe(false);
    expect(await postmasterPid(dataDir)).toBeUndefined();
    await expect(fs.access(path.join(dataDir, 'server.pid'))).rejects.toThrow();
  }, 60_000);
});
