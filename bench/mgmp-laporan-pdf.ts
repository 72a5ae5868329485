/**
 * Laporan kegiatan PDF of a large meeting, end to end through the API:
 * `GET /api/v1/mgmp/meetings/:id/laporan.pdf` for a meeting with 40 members (attendance for all),
 * 10 agenda items with minutes (contributions by name), 10 decisions closed by vote (every present
 * member voting), 30 follow-ups with owners and 6 photos (1000 × 750 JPEG, through the files
 * routes), plus the madrasah logo in the kop. Target: ≤ 2 s per PDF.
 *   node --import tsx bench/mgmp-laporan-pdf.ts [--runs 10]
 * Runs the built server (TUMBUH_USE_BUILD=1) on a temporary data folder with the demo data; the
 * meeting is made through the API as the demo operator.
 */
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { cleanUpDataDir, cliEnv, freePort, makeDataDir, ROOT, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { median, numberArg as arg, writeResult } from './bench-support.ts';

const RUNS = arg('runs', 10);
const SIZE = { members: 40, agenda: 10, decisions: 10, followUps: 30, photos: 6 };

const dataDir = await makeDataDir('tumbuh-bench-laporan-');
const procs: CliProcess[] = [];
try {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: '1' }));
  procs.push(server);
  await waitHealthy(base, server, 90_000);

  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@contoh.sch.id', password: 'tumbuh-demo-2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await login.json()) as { csrfToken: string; madrasahs: { id: string }[] };
  const madrasahId = me.madrasahs[0]?.id ?? '';
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}/api/v1${url}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  async function upload(url: string, method: 'POST' | 'PUT', file: Buffer, caption?: string): Promise<void> {
    const form = new FormData();
    if (caption) form.append('caption', caption);
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'foto.jpg');
    const res = await fetch(`${base}/api/v1${url}`, { method, headers, body: form });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  }

  // 40 teachers (the demo has fewer): add the missing ones.
  const seedStarted = performance.now();
  let teachers = (await call<{ items: { id: string; name: string }[] }>('GET', '/teachers?limit=100&active=true')).items;
  for (let i = teachers.length; i < SIZE.members; i++) await call('POST', '/teachers', { madrasahId, name: `Guru Uji Laporan ${i + 1}, S.Pd`, nip: `19800101200501${String(1000 + i).slice(-4)}` });
  teachers = (await call<{ items: { id: string; name: string }[] }>('GET', '/teachers?limit=100&active=true')).items.slice(0, SIZE.members);
  const ids = teachers.map((t) => t.id);
  const group = await call<{ id: string }>('POST', '/mgmp/groups', {
    madrasahId,
    name: 'MGMP Uji Laporan',
    termStart: '2026-07-01',
    termEnd: '2028-06-30',
    members: ids.map((teacherId, i) => ({ teacherId, role: i === 0 ? 'ketua' : i === 1 ? 'sekretaris' : i === 2 ? 'bendahara' : 'anggota' })),
  });
  const now = Date.now();
  const meeting = await call<{ id: string; agenda: { id: string; kind: string }[] }>('POST', `/mgmp/groups/${group.id}/meetings`, {
    title: 'Pertemuan besar: penyusunan asesmen bersama dan modul ajar semester genap',
    startsAt: new Date(now - 10 * 60_000).toISOString(),
    endsAt: new Date(now + 3 * 3_600_000).toISOString(),
    place: 'Aula MTs Contoh',
    agenda: Array.from({ length: SIZE.agenda }, (_, k) => ({ title: `Pembahasan butir ${k + 1}: asesmen, modul ajar dan pengelolaan kelas`, kind: 'proposal' })),
  });
  const present = ids.filter((_, i) => i % 8 !== 7); // 35 of 40 present
  await call('PUT', `/mgmp/meetings/${meeting.id}/attendance`, { entries: ids.map((teacherId, i) => ({ teacherId, code: i % 8 === 7 ? (['I', 'S', 'A'] as const)[i % 3] : 'H', note: i % 8 === 7 ? 'Keterangan ketidakhadiran' : null })) });
  const items = meeting.agenda.filter((a) => a.kind === 'proposal');
  const long = 'Anggota membahas pengalaman di kelas masing-masing, menimbang contoh soal dan rubrik, serta menyepakati langkah berikutnya untuk semester ini. ';
  for (const [k, item] of items.entries()) {
    await call('PUT', `/mgmp/agenda-items/${item.id}/minutes`, {
      summary: long.repeat(3),
      problems: 'Waktu tatap muka terbatas; contoh soal HOTS masih sedikit; perangkat belum seragam.',
      contributions: present.slice(k, k + 4).map((teacherId) => ({ teacherId, text: 'Memaparkan praktik baik dan mengusulkan format bersama.' })),
    });
    if (k >= SIZE.decisions) continue;
    const decision = await call<{ id: string }>('POST', `/mgmp/agenda-items/${item.id}/decisions`, { proposal: `Usulan ${k + 1}: format dan jadwal bersama untuk asesmen sumatif` });
    for (const [v, teacherId] of present.entries()) await call('POST', `/mgmp/decisions/${decision.id}/votes`, { choice: v % 9 === 0 ? 'abstain' : v % 7 === 0 ? 'tidak_setuju' : 'setuju', teacherId });
    await call('POST', `/mgmp/decisions/${decision.id}/close`, { outcome: 'vote', statement: `Keputusan ${k + 1}: asesmen sumatif bersama dilaksanakan pekan kedua setiap bulan.`, rationale: 'Mayoritas anggota yang hadir setuju.', reviewDate: '2027-03-01' });
    const decisions = await call<{ items: { id: string; agendaItemId: string }[] }>('GET', `/mgmp/groups/${group.id}/decisions?limit=100`);
    const closed = decisions.items.find((d) => d.agendaItemId === item.id);
    for (let f = 0; f < SIZE.followUps / SIZE.decisions; f++) {
      await call('POST', `/mgmp/groups/${group.id}/follow-ups`, { what: `Tindak lanjut ${k + 1}.${f + 1}: menyusun kisi-kisi dan contoh soal`, dueDate: f === 0 ? '2026-01-15' : '2027-02-15', ownerIds: present.slice(k + f, k + f + 2), decisionId: closed?.id ?? null });
    }
  }
  const photo = (k: number) => sharp({ create: { width: 1000, height: 750, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 120 + k * 5, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
  await upload(`/madrasahs/${madrasahId}/logo`, 'PUT', await sharp({ create: { width: 600, height: 600, channels: 3, background: '#1b5e20' } }).jpeg().toBuffer());
  let photoBytes = 0;
  for (let k = 0; k < SIZE.photos; k++) {
    const bytes = await photo(k);
    photoBytes += bytes.length;
    await upload(`/mgmp/meetings/${meeting.id}/files`, 'POST', bytes, `Dokumentasi kegiatan ${k + 1}`);
  }
  const seedMs = Math.round(performance.now() - seedStarted);
  console.log(`meeting seeded through the API in ${seedMs} ms`);

  const get = async (what: string) => {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/mgmp/meetings/${meeting.id}/${what}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || body.subarray(0, 5).toString() !== '%PDF-') throw new Error(`${what}: ${res.status} ${body.subarray(0, 200).toString()}`);
    return { ms: performance.now() - started, bytes: body.length, pages: (body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length };
  };
  await get('laporan.pdf'); // warm-up (fonts, first connection)
  const loadAverageBefore = os.loadavg();
  const runs: { ms: number; bytes: number; pages: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await get('laporan.pdf'));
  const others = { notulen: await get('notulen.pdf'), daftarHadir: await get('daftar-hadir.pdf') };
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  await writeResult('mgmp-laporan-pdf', {
    command: `node --import tsx bench/mgmp-laporan-pdf.ts --runs ${RUNS}`,
    setup: `built server, embedded PostgreSQL, demo data + one meeting made through the API: ${SIZE.members} members (35 present), ${SIZE.agenda} agenda items with minutes, ${SIZE.decisions} decisions closed by vote (35 votes each), ${SIZE.followUps} follow-ups, ${SIZE.photos} photos 1000×750 JPEG (${Math.round(photoBytes / 1024)} KB uploaded) and a logo; ${RUNS} sequential GET laporan.pdf after one warm-up`,
    size: SIZE,
    seedMs,
    laporanMs: { median: round(median(times)), min: round(times[0] ?? 0), max: round(times.at(-1) ?? 0), all: times.map(round) },
    laporan: { bytes: runs[0]?.bytes, pages: runs[0]?.pages },
    notulenMs: round(others.notulen.ms),
    daftarHadirMs: round(others.daftarHadir.ms),
    loadAverageBefore: loadAverageBefore.map((n) => Math.round(n * 100) / 100),
    loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100),
    target: { laporanMs: 2000 },
    met: (times.at(-1) ?? Infinity) <= 2000,
  });
} finally {
  await cleanUpDataDir(dataDir, procs);
}
