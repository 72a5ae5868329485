import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { ErrorBody, mgmpAttendanceSchema, MgmpDecision, MgmpFollowUp, MgmpGroupSummary, MgmpMeetingSummary, MgmpProgrammeItem } from '@tumbuh/shared';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * [MGMP][CETAK] The printed records through the API on real PostgreSQL with the demo data: the
 * PDFs are read back as text (unpdf) and must carry the kop, the names, the decisions and the
 * signature blocks; the XLSX exports are read back with exceljs and must match the API's figures.
 */

type MgmpAttendance = z.infer<typeof mgmpAttendanceSchema>;

let ctx: TestContext;
let ketua: Session; // koordinator@: ketua of MGMP MIPA
let kepala: Session;
let outsider: Session; // guru1@: member of Rumpun PAI only
let peneliti: Session;
let mipa: MgmpGroupSummary;
let mufakat: MgmpDecision;
let vote: MgmpDecision;

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function workbook(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

beforeAll(async () => {
  ctx = await createTestContext();
  ketua = await login(ctx.app, 'koordinator@contoh.sch.id');
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  outsider = await login(ctx.app, 'guru1@contoh.sch.id');
  peneliti = await login(ctx.app, 'peneliti@contoh.sch.id');
  const groups = (await kepala.request('GET', '/api/v1/mgmp/groups?q=MIPA')).json<{ items: MgmpGroupSummary[] }>();
  const found = groups.items.find((g) => g.name === 'MGMP MIPA');
  if (!found) throw new Error('no MGMP MIPA in the demo');
  mipa = found;
  const decisions = (await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/decisions`)).json<{ items: MgmpDecision[] }>().items;
  const m = decisions.find((d) => d.outcome === 'mufakat');
  const v = decisions.find((d) => d.outcome === 'vote');
  if (!m || !v) throw new Error('demo decisions missing');
  mufakat = m;
  vote = v;
});
afterAll(async () => {
  await ctx?.close();
});

describe('[MGMP][CETAK] notulen rapat PDF', () => {
  it('downloads as an attachment named after the group and the day, and lists the decision with its outcome, rationale and review date', async () => {
    const res = await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/notulen.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="notulen-rapat-MIPA-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('NOTULEN RAPAT');
    expect(text).toContain(`Keputusan 1: ${mufakat.statement}`);
    expect(text).toContain('Mufakat (musyawarah), usulan diterima');
    expect(text).toContain(mufakat.rationale ?? '<none>');
    expect(text).toContain(mufakat.proposal);
    expect(text).toMatch(/Ditinjau ulang : \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}/);
  });

  it('carries the kop, the discussion summary, problems and contributions by name, and the three signatures', async () => {
    const res = await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/notulen.pdf`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('KEMENTERIAN AGAMA REPUBLIK INDONESIA');
    expect(text).toContain('MTS CONTOH');
    expect(text).toContain('NPSN: 99999001');
    expect(text).toContain('Ringkasan pembahasan:');
    expect(text).toContain('Kontribusi / usulan anggota:');
    expect(text).toMatch(/Memaparkan contoh dari kelasnya/);
    expect(text).toContain('Ketua MGMP MIPA');
    expect(text).toContain('Khoirul Anam');
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Kepala MTs Contoh');
    expect(text).toContain('H. Abdurrahman, M.Pd.I');
    expect(text).toMatch(/Pamekasan, \d{1,2} \w+ \d{4}/);
    expect(text).toMatch(/Halaman 1 dari \d/);
  });

  it('a decision by vote shows the counts of the tally', async () => {
    const res = await ketua.request('GET', `/api/v1/mgmp/meetings/${vote.meetingId}/notulen.pdf`);
    const text = await pdfText(res.rawPayload);
    const t = vote.tally;
    expect(text).toContain(`Pemungutan suara: setuju ${t.setuju}, abstain ${t.abstain}, tidak setuju ${t.tidak_setuju}, keberatan (blok) ${t.blok}; usulan diterima`);
    expect(text).toContain(vote.statement ?? '<none>');
  });
});

describe('[MGMP][CETAK] daftar hadir and laporan kegiatan PDFs', () => {
  it('the daftar hadir lists every member with NIP line, office and attendance, numbered signature cells', async () => {
    const sheet = (await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/attendance`)).json<MgmpAttendance>();
    const res = await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/daftar-hadir.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="daftar-hadir-MIPA-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('DAFTAR HADIR');
    for (const member of sheet.items) expect(text).toContain(member.name);
    expect(text).toContain(`Hadir ${sheet.present} dari ${sheet.members} peserta`);
    for (let n = 1; n <= sheet.items.length; n++) expect(text).toContain(`${n}.`);
    expect(text).toContain('NIP.');
  });

  it('the laporan kegiatan has agenda, attendance summary, decisions and the follow-ups assigned from them', async () => {
    const followUps = (await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/follow-ups?limit=100`)).json<{ items: MgmpFollowUp[] }>().items;
    const fromDecision = followUps.filter((f) => f.decisionId === mufakat.id);
    expect(fromDecision.length).toBeGreaterThan(0);
    const res = await kepala.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/laporan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="laporan-kegiatan-MIPA-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfText(res.rawPayload);
    for (const heading of ['LAPORAN KEGIATAN', 'A. Pelaksanaan', 'B. Agenda', 'C. Kehadiran', 'D. Hasil pembahasan dan keputusan', 'E. Tindak lanjut', 'F. Dokumentasi']) expect(text).toContain(heading);
    expect(text).toContain(mufakat.statement ?? '<none>');
    for (const f of fromDecision) {
      expect(text).toContain(f.what);
      for (const o of f.owners) expect(text).toContain(o.name);
    }
  });
});

describe('[MGMP][CETAK] program kerja PDF', () => {
  it('lists the planned activities of the academic year with their realisation, under the same query name as the programme list', async () => {
    const all = (await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/programme-items?limit=100`)).json<{ items: MgmpProgrammeItem[] }>().items;
    const year = all[0]?.academicYear ?? '';
    const items = all.filter((i) => i.academicYear === year);
    const res = await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/program-kerja.pdf?academicYear=${encodeURIComponent(year)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename="program-kerja-MIPA-${year.replace('/', '-')}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('PROGRAM KERJA TAHUNAN');
    expect(text).toContain(`Tahun Pelajaran ${year}`);
    for (const i of items) expect(text).toContain(i.title);
    expect(text).toContain(`Jumlah kegiatan direncanakan: ${items.length}; terlaksana: ${items.filter((i) => i.meetingStatus === 'selesai').length}.`);
  });

  it('refuses a malformed academic year with 400 and its code', async () => {
    const res = await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/program-kerja.pdf?academicYear=2026`);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('common.validation_failed');
  });
});

describe('[MGMP][CETAK] XLSX exports', () => {
  it('attendance.xlsx: members × meetings with the codes the API recorded, H/I/S/A counts and rates', async () => {
    const res = await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/attendance.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="kehadiran-MIPA-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const ws = await workbook(res.rawPayload);
    const header = rowValues(ws, 3);
    expect(header.slice(0, 4)).toEqual(['No', 'Nama', 'NIP', 'Jabatan']);
    expect(header.slice(-5)).toEqual(['H', 'I', 'S', 'A', '% Hadir']);
    const meetings = (await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/meetings?limit=100`)).json<{ items: MgmpMeetingSummary[] }>().items.filter((m) => m.status !== 'dibatalkan');
    expect(header.length - 9).toBe(meetings.length);
    // The mufakat meeting's column holds exactly the codes of its daftar hadir.
    const sheet = (await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/attendance`)).json<MgmpAttendance>();
    const titles = rowValues(ws, 4);
    const col = titles.findIndex((t) => t === meetings.find((m) => m.id === mufakat.meetingId)?.title) + 1;
    expect(col).toBeGreaterThan(4);
    for (const [k, member] of sheet.items.entries()) {
      const row = rowValues(ws, 5 + k);
      const named = ws.getRow([...Array(sheet.items.length).keys()].map((i) => 5 + i).find((r) => ws.getRow(r).getCell(2).value === member.name) ?? 0);
      expect(named.getCell(col).value ?? '').toBe(member.code ?? '');
      expect(row.length).toBe(header.length);
    }
    // Rates: H / recorded per member.
    for (let r = 5; r < 5 + sheet.items.length; r++) {
      const row = ws.getRow(r);
      const codes = Array.from({ length: meetings.length }, (_, k) => row.getCell(5 + k).value).filter((v) => v);
      const h = codes.filter((c) => c === 'H').length;
      expect(row.getCell(5 + meetings.length).value).toBe(h);
      expect(row.getCell(9 + meetings.length).value).toBeCloseTo(h / codes.length, 6);
    }
  });

  it('follow-ups.xlsx: every follow-up with owners, due date, status and the overdue flag', async () => {
    const api = (await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/follow-ups?limit=100`)).json<{ items: MgmpFollowUp[]; total: number }>();
    const res = await ketua.request('GET', `/api/v1/mgmp/groups/${mipa.id}/follow-ups.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="tindak-lanjut-MIPA-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const ws = await workbook(res.rawPayload);
    expect(rowValues(ws, 3)).toEqual(['No', 'Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status', 'Terlambat', 'Bukti / catatan', 'Dari keputusan', 'Selesai pada']);
    expect(ws.rowCount - 3).toBe(api.total);
    for (const f of api.items) {
      const r = [...Array(api.total).keys()].map((i) => ws.getRow(4 + i)).find((row) => row.getCell(2).value === f.what);
      expect(r, f.what).toBeDefined();
      expect(r?.getCell(3).value).toBe(f.owners.map((o) => o.name).join(', '));
      expect((r?.getCell(4).value as Date).toISOString().slice(0, 10)).toBe(f.dueDate);
      expect(r?.getCell(6).value).toBe(f.overdue ? 'Ya' : 'Tidak');
      expect(r?.getCell(7).value ?? '').toBe(f.evidence ?? '');
    }
    expect(api.items.some((f) => f.overdue)).toBe(true);
  });
});

describe('[MGMP][CETAK] who may download', () => {
  const urls = () => [
    `/api/v1/mgmp/meetings/${mufakat.meetingId}/daftar-hadir.pdf`,
    `/api/v1/mgmp/meetings/${mufakat.meetingId}/notulen.pdf`,
    `/api/v1/mgmp/meetings/${mufakat.meetingId}/laporan.pdf`,
    `/api/v1/mgmp/groups/${mipa.id}/program-kerja.pdf`,
    `/api/v1/mgmp/groups/${mipa.id}/attendance.xlsx`,
    `/api/v1/mgmp/groups/${mipa.id}/follow-ups.xlsx`,
  ];

  it('a teacher of another group gets 403 auth.forbidden on every record', async () => {
    for (const url of urls()) {
      const res = await outsider.request('GET', url);
      expect([url, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([url, 403, 'auth.forbidden']);
    }
  });

  it('the kepala madrasah and the madrasah’s peneliti download every record', async () => {
    for (const s of [kepala, peneliti]) {
      for (const url of urls()) expect([url, (await s.request('GET', url)).statusCode]).toEqual([url, 200]);
    }
  });

  it('without a session: 401; unknown ids: 404 with the module’s codes', async () => {
    for (const url of urls()) expect((await ctx.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await ketua.request('GET', `/api/v1/mgmp/meetings/${unknown}/notulen.pdf`)).json<ErrorBody>().error.code).toBe('mgmp.meeting_not_found');
    expect((await ketua.request('GET', `/api/v1/mgmp/groups/${unknown}/attendance.xlsx`)).json<ErrorBody>().error.code).toBe('mgmp.group_not_found');
  });
});

/** A multipart body with one file (and an optional caption), as a browser sends it. */
function multipart(file: Buffer, name: string, type: string, caption?: string): { body: Buffer; contentType: string } {
  const boundary = '----tumbuhcetak';
  const parts: Buffer[] = [];
  if (caption) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Image XObjects embedded in a PDF (pdfkit writes their dictionaries uncompressed). */
const imageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;

describe('[MGMP][CETAK] OpenAPI', () => {
  it('documents each record as a file of its media type', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: { format?: string } }> }> } }> }>();
    const media = (path: string) => Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {});
    for (const p of ['daftar-hadir', 'notulen', 'laporan']) expect(media(`/api/v1/mgmp/meetings/{id}/${p}.pdf`)).toEqual(['application/pdf']);
    expect(media('/api/v1/mgmp/groups/{id}/program-kerja.pdf')).toEqual(['application/pdf']);
    for (const p of ['attendance', 'follow-ups']) expect(media(`/api/v1/mgmp/groups/{id}/${p}.xlsx`)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(doc.paths['/api/v1/mgmp/meetings/{id}/notulen.pdf']?.get?.responses['200']?.content?.['application/pdf']?.schema.format).toBe('binary');
  });
});

describe('[MGMP][CETAK] logo and photos from the files module', () => {
  it('the kop carries the logo the operator uploaded, and the laporan the meeting photos with their captions', async () => {
    const operator = await login(ctx.app, 'operator@contoh.sch.id');
    const madrasah = operator.me.madrasahs[0]?.id ?? '';
    const before = (await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/laporan.pdf`)).rawPayload;
    expect(imageCount(before)).toBe(0);

    const logo = multipart(await sharp({ create: { width: 120, height: 120, channels: 3, background: '#1b5e20' } }).png().toBuffer(), 'logo.png', 'image/png');
    const put = await ctx.app.inject({ method: 'PUT', url: `/api/v1/madrasahs/${madrasah}/logo`, headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': logo.contentType }, payload: logo.body });
    expect(put.statusCode, put.body).toBeLessThan(300);
    const photo = multipart(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3366cc' } }).jpeg().toBuffer(), 'diskusi.jpg', 'image/jpeg', 'Diskusi kelompok MIPA');
    const post = await ctx.app.inject({ method: 'POST', url: `/api/v1/mgmp/meetings/${mufakat.meetingId}/files`, headers: { cookie: ketua.cookie, 'x-csrf-token': ketua.csrf, 'content-type': photo.contentType }, payload: photo.body });
    expect(post.statusCode, post.body).toBe(201);

    const laporan = (await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/laporan.pdf`)).rawPayload;
    expect(imageCount(laporan)).toBe(2);
    expect(await pdfText(laporan)).toContain('Diskusi kelompok MIPA');
    const notulen = (await ketua.request('GET', `/api/v1/mgmp/meetings/${mufakat.meetingId}/notulen.pdf`)).rawPayload;
    expect(imageCount(notulen)).toBe(1);
  });
});
