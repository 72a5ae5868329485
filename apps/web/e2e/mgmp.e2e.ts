import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { CetakPage, pdfText } from './pages/CetakPage.ts';
import { apiCall, groupId, meetingNow, MgmpPage } from './pages/MgmpPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, openDetails, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;
/** A day `days` from today in the browser's `datetime-local` format, at the given hour. */
const localAt = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
};

describe('MGMP', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP] the nav leads everyone to their groups; a teacher outside a group gets a clear message', async () => {
    const context = await signedInContext(browser, 'guru', PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.menuButton().click();
    await shell.navLink(/^MGMP$/).click();
    const mgmp = new MgmpPage(page);
    await mgmp.heading('MGMP').waitFor();
    await page.getByRole('link', { name: 'MGMP Rumpun PAI' }).waitFor();
    await page.getByText('MGMP MIPA').waitFor();
    const mipa = await groupId(context, 'MIPA');
    await page.goto(`/mgmp/${mipa}`);
    await mgmp.heading('Tidak ada akses').waitFor();
    await page.goto('/mgmp/rapat/00000000-0000-7000-8000-000000000000');
    await mgmp.heading('Tidak ditemukan').waitFor();
    await context.close();
  });

  it('[MGMP][HADIR] sekretaris marks attendance on a phone', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const meeting = await meetingNow(context, 'MIPA', `Rapat hadir ${stamp()}`, []);
    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    await page.getByText(meeting.checkInCode ?? 'no code').waitFor();
    const names = await mgmp.attendanceNames();
    assert.ok(names.length >= 3, 'the members are listed');
    const [first = '', second = '', third = ''] = names;

    // The first save fails (connection dropped): the taps stay and are sent again.
    let failed = 0;
    await page.route('**/api/v1/mgmp/meetings/*/attendance', async (route) => {
      if (route.request().method() === 'PUT' && failed === 0) {
        failed += 1;
        await route.abort('internetdisconnected');
      } else await route.fallback();
    });
    await mgmp.mark('H', first).click();
    await mgmp.mark('A', second).click();
    await page.getByText(/belum tersimpan, dikirim ulang otomatis/).waitFor();
    assert.equal(await mgmp.mark('H', first).getAttribute('aria-pressed'), 'true');
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor({ timeout: 15_000 });
    assert.equal(failed, 1);
    await mgmp.mark('S', third).click();
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor();

    await page.reload();
    await mgmp.mark('H', first).waitFor();
    assert.equal(await mgmp.mark('H', first).getAttribute('aria-pressed'), 'true');
    assert.equal(await mgmp.mark('A', second).getAttribute('aria-pressed'), 'true');
    assert.equal(await mgmp.mark('S', third).getAttribute('aria-pressed'), 'true');
    const attendance = await apiCall<{ present: number; items: { name: string; code: string | null }[] }>(context, 'GET', `/mgmp/meetings/${meeting.id}/attendance`);
    assert.equal(attendance.items.find((r) => r.name === first)?.code, 'H');
    assert.equal(attendance.items.find((r) => r.name === second)?.code, 'A');
    await context.close();
  });

  it('[MGMP][CHECK-IN] a member checks in from the phone with the code on the sekretaris screen', async () => {
    const kepala = await signedInContext(browser, 'kepala');
    const meeting = await meetingNow(kepala, 'Rumpun PAI', `Rapat check-in ${stamp()}`, []);
    const context = await signedInContext(browser, 'guru', PHONE);
    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    const input = page.getByLabel(/^Kode dari layar sekretaris/);
    await input.fill('000000' === meeting.checkInCode ? '111111' : '000000');
    await page.getByRole('button', { name: 'Saya hadir' }).click();
    await page.getByRole('alert').waitFor();
    await input.fill(meeting.checkInCode ?? '');
    await page.getByRole('button', { name: 'Saya hadir' }).click();
    await page.getByText(/Anda tercatat hadir/).waitFor();
    const me = await apiCall<{ user: { teacherId: string | null } }>(context, 'GET', '/me');
    const attendance = await apiCall<{ items: { teacherId: string; code: string | null; source: string | null }[] }>(kepala, 'GET', `/mgmp/meetings/${meeting.id}/attendance`);
    const row = attendance.items.find((r) => r.teacherId === me.user.teacherId);
    assert.equal(row?.code, 'H');
    assert.equal(row?.source, 'self');
    await kepala.close();
    await context.close();
  });

  it('[MGMP][CHECK-IN][QR] the sekretaris screen shows a QR code; scanning it opens the check-in with the code filled in, one tap to check in', async () => {
    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const meeting = await meetingNow(kepala, 'Rumpun PAI', `Rapat QR ${stamp()}`, []);
    const officerPage = await kepala.newPage();
    await new MgmpPage(officerPage).gotoMeeting(meeting.id);
    await officerPage.getByRole('img', { name: /^Kode QR presensi/ }).waitFor();

    // What the phone camera opens from the QR code.
    const context = await signedInContext(browser, 'guru', PHONE);
    const page = await context.newPage();
    await page.goto(`/mgmp/rapat/${meeting.id}?kode=${encodeURIComponent(meeting.checkInCode ?? '')}`);
    const input = page.getByLabel(/^Kode dari layar sekretaris/);
    assert.equal(await input.inputValue(), meeting.checkInCode);
    await page.getByRole('button', { name: 'Saya hadir' }).click();
    await page.getByText(/Anda tercatat hadir/).waitFor();
    await kepala.close();
    await context.close();
  });

  it('[MGMP][NOTULEN][MUSYAWARAH] the ketua writes and approves minutes; a vote fails quorum, then passes', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const proposalTitle = `Usulan uji ${stamp()}`;
    const meeting = await meetingNow(context, 'MIPA', `Rapat musyawarah ${stamp()}`, [
      { title: 'Pembahasan modul', kind: 'biasa' },
      { title: proposalTitle, kind: 'proposal' },
    ]);
    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);

    // Minutes: draft, approve (locked), then a correction is offered.
    const discussion = mgmp.agendaItem('Pembahasan modul');
    await discussion.getByLabel(/^Ringkasan pembahasan/).fill('Anggota membahas modul ajar bersama.');
    await discussion.getByRole('button', { name: 'Simpan draf notulen' }).click();
    // The first save of new minutes keeps its confirmation (the form is not remounted once the draft exists).
    await discussion.getByRole('button', { name: 'Setujui' }).waitFor();
    await discussion.getByText('Tersimpan.').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await discussion.getByText('Tersimpan.').count(), 1);
    await discussion.getByRole('button', { name: 'Setujui' }).click();
    await discussion.getByText(/^Disetujui/).waitFor();
    await discussion.getByRole('button', { name: 'Koreksi (revisi)' }).waitFor();
    assert.equal(await discussion.getByLabel(/^Ringkasan pembahasan/).count(), 0);

    // The proposal: nobody is present yet, so a vote cannot close.
    const item = mgmp.agendaItem(proposalTitle);
    await item.getByLabel(/^Isi usulan/).fill('Lesson study terbuka setiap bulan');
    await item.getByRole('button', { name: 'Ajukan usulan' }).click();
    await item.getByLabel(/^Pernyataan keputusan/).fill('Lesson study terbuka dilaksanakan setiap bulan.');
    await item.getByRole('button', { name: 'Tutup dengan pemungutan suara' }).click();
    await item.getByRole('alert').filter({ hasText: /kuorum|quorum/i }).waitFor();

    // Mark the members present, vote, and close again.
    for (const name of await mgmp.attendanceNames()) await mgmp.mark('H', name).click();
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor();
    await item.getByRole('button', { name: 'Setuju', exact: true }).click();
    await item.getByText('Suara Anda: Setuju').waitFor();
    await item.getByRole('button', { name: 'Tutup dengan pemungutan suara' }).click();
    await item.getByText('Diterima', { exact: true }).waitFor();
    await item.getByText('Lesson study terbuka dilaksanakan setiap bulan.').waitFor();
    await context.close();
  });

  it('[MGMP][NOTULEN][KONTRIBUSI] on a phone the minutes name who contributed what: kept through a dropped save, shown after reload, printed; a follow-up comes from the agenda item', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const group = await apiCall<{ members: { teacherId: string; name: string; role: string }[] }>(context, 'GET', `/mgmp/groups/${mipa}`);
    const member = group.members.find((m) => m.role === 'anggota');
    assert.ok(member, 'MIPA has a member');
    const itemTitle = `Pembahasan asesmen ${stamp()}`;
    const meeting = await meetingNow(context, 'MIPA', `Rapat kontribusi ${stamp()}`, [{ title: itemTitle, kind: 'biasa' }]);
    const agendaItemId = meeting.agenda.find((a) => a.title === itemTitle)?.id;
    assert.ok(agendaItemId, 'the agenda item exists');
    const contribution = `Memaparkan contoh asesmen diagnostik dari kelas 8 ${stamp()}`;

    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    const item = mgmp.agendaItem(itemTitle);
    await item.getByLabel(/^Ringkasan pembahasan/).fill('Anggota membahas asesmen diagnostik.');
    await item.getByRole('button', { name: 'Tambah kontribusi' }).click();
    const row = item.locator('.contribution-row').first();
    await row.getByLabel('Siapa').selectOption({ label: member.name });
    // A contribution without its text is caught on the phone, before anything is sent.
    await item.getByRole('button', { name: 'Simpan draf notulen' }).click();
    await row.getByText('Tulis isi kontribusinya.').waitFor();
    await row.getByLabel('Isi kontribusi').fill(contribution);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the minutes form fits 360 px (${wide} px too wide)`);

    // The connection drops on the first save: what was typed stays on the phone, also through a reload.
    let failed = 0;
    await page.route('**/api/v1/mgmp/agenda-items/*/minutes', async (route) => {
      if (route.request().method() === 'PUT' && failed === 0) {
        failed += 1;
        await route.abort('internetdisconnected');
      } else await route.fallback();
    });
    await item.getByRole('button', { name: 'Simpan draf notulen' }).click();
    await item.getByRole('alert').waitFor();
    assert.equal(failed, 1);
    await page.reload();
    await item.getByText(/dipulihkan dari perangkat ini/).waitFor();
    assert.equal(await row.getByLabel('Isi kontribusi').inputValue(), contribution);
    assert.equal(await row.getByLabel('Siapa').inputValue(), member.teacherId);
    await item.getByRole('button', { name: 'Simpan draf notulen' }).click();
    await item.getByRole('button', { name: 'Setujui' }).waitFor();

    // Saved on the server: after a reload the draft form shows it (nothing left on the device).
    await page.reload();
    await row.getByLabel('Isi kontribusi').waitFor();
    assert.equal(await item.getByText(/dipulihkan dari perangkat ini/).count(), 0);
    assert.equal(await row.getByLabel('Isi kontribusi').inputValue(), contribution);
    const minutes = await apiCall<{ items: { contributions: { teacherId: string; text: string }[] }[] }>(context, 'GET', `/mgmp/agenda-items/${agendaItemId}/minutes`);
    assert.deepEqual(minutes.items[0]?.contributions, [{ teacherId: member.teacherId, text: contribution }]);

    // Approved minutes show the contribution by name, also after a reload, and the notulen PDF prints it.
    await item.getByRole('button', { name: 'Setujui' }).click();
    await item.getByText(/^Disetujui/).waitFor();
    await page.reload();
    const shown = item.locator('.contributions-view li').filter({ hasText: contribution });
    await shown.waitFor();
    assert.ok((await shown.innerText()).startsWith(`${member.name}: `), 'named by the member');
    const file = await new CetakPage(page).download('Notulen rapat (PDF)');
    const text = await pdfText(file.body);
    assert.ok(text.includes(`${member.name}: ${contribution}`), `the notulen PDF names "${member.name}" with the contribution`);

    // The meeting runs: its agenda item can be the source of a new follow-up, shown under it.
    await apiCall(context, 'POST', `/mgmp/meetings/${meeting.id}/transition`, { to: 'berlangsung' });
    await page.goto(`/mgmp/${mipa}`);
    const form = page.locator('.new-follow-up');
    await openDetails(page, form);
    const what = `Menyusun asesmen diagnostik bersama ${stamp()}`;
    await form.getByLabel(/^Apa yang dikerjakan/).fill(what);
    await form.getByLabel(/^Batas waktu/).fill(localAt(14, 0).slice(0, 10));
    await form.getByLabel(/^Asal tindak lanjut/).selectOption({ label: itemTitle });
    await form.getByLabel(member.name, { exact: true }).check();
    await form.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await form.getByText('Tindak lanjut disimpan.').waitFor();
    const open = page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Tindak lanjut terbuka' }) });
    const entry = open.locator('li').filter({ hasText: what });
    await entry.getByText(`Dari agenda: ${itemTitle}`).waitFor();
    const list = await apiCall<{ items: { what: string; agendaItemId: string | null; decisionId: string | null }[] }>(context, 'GET', `/mgmp/groups/${mipa}/follow-ups?limit=200`);
    const saved = list.items.find((f) => f.what === what);
    assert.equal(saved?.agendaItemId, agendaItemId);
    assert.equal(saved?.decisionId, null);
    await context.close();
  });

  it('[MGMP][BATAL] a running meeting can be cancelled with a reason', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const meeting = await meetingNow(context, 'MIPA', `Rapat berlangsung ${stamp()}`, []);
    await apiCall(context, 'POST', `/mgmp/meetings/${meeting.id}/transition`, { to: 'berlangsung' });
    const page = await context.newPage();
    await new MgmpPage(page).gotoMeeting(meeting.id);
    const cancel = page.locator('.cancel-meeting');
    await openDetails(page, cancel);
    await cancel.getByText(/sedang berlangsung/).waitFor();
    await cancel.getByLabel(/^Alasan pembatalan/).fill('Listrik padam');
    await cancel.getByRole('button', { name: 'Batalkan rapat ini' }).click();
    await page.getByText('Dibatalkan: Listrik padam').waitFor();
    const after = await apiCall<{ status: string; cancelReason: string | null }>(context, 'GET', `/mgmp/meetings/${meeting.id}`);
    assert.equal(after.status, 'dibatalkan');
    assert.equal(after.cancelReason, 'Listrik padam');
    await context.close();
  });

  it('[MGMP][TINDAK-LANJUT] an owner completes a follow-up from a phone-sized viewport', async () => {
    const kepala = await signedInContext(browser, 'kepala');
    const context = await signedInContext(browser, 'guru', PHONE);
    const me = await apiCall<{ user: { teacherId: string | null } }>(context, 'GET', '/me');
    assert.ok(me.user.teacherId, 'guru1 is a teacher');
    const pai = await groupId(kepala, 'Rumpun PAI');
    const what = `Mengunggah contoh asesmen ${stamp()}`;
    const due = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await apiCall<{ id: string }>(kepala, 'POST', `/mgmp/groups/${pai}/follow-ups`, { what, dueDate: due, ownerIds: [me.user.teacherId] });

    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMine();
    await mgmp.heading('Tindak lanjut saya').waitFor();
    const card = mgmp.followUpCard(what);
    await card.getByText('Terlambat').waitFor();
    await card.getByLabel('Status').selectOption('selesai');
    await card.getByLabel(/^Bukti/).fill('Contoh asesmen diunggah ke folder MGMP');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await card.getByText('Tersimpan.').waitFor();
    await eventually(async () => assert.equal(await card.getByText('Terlambat').count(), 0));
    const list = await apiCall<{ items: { id: string; status: string; evidence: string | null }[] }>(context, 'GET', '/mgmp/follow-ups/mine?limit=200');
    const saved = list.items.find((f) => f.id === created.id);
    assert.equal(saved?.status, 'selesai');
    assert.equal(saved?.evidence, 'Contoh asesmen diunggah ke folder MGMP');
    await kepala.close();
    await context.close();
  });

  it('[MGMP][PROGRAM] the ketua schedules a meeting from the programme', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const page = await context.newPage();
    await page.goto(`/mgmp/${mipa}`);
    await page.getByRole('heading', { level: 2, name: /^Program kerja/ }).waitFor();

    // A meeting that ends before it starts is refused with the server's message.
    const form = page.locator('.new-meeting');
    await openDetails(page, form);
    await form.getByLabel(/^Judul rapat/).fill(`Rapat salah ${stamp()}`);
    await form.getByLabel(/^Mulai/).fill(localAt(2, 11));
    await form.getByLabel(/^Selesai/).fill(localAt(2, 9));
    await form.getByRole('button', { name: 'Buat rapat' }).click();
    await form.getByText('Waktu selesai harus sesudah waktu mulai.').first().waitFor();

    // Plan an activity, then make it a meeting in one action.
    const title = `Lesson study modul ${stamp()}`;
    const add = page.locator('.add-programme');
    await openDetails(page, add);
    await add.getByLabel(/^Nama kegiatan/).fill(title);
    await add.getByLabel(/^Jenis kegiatan/).selectOption('pengembangan');
    await add.getByLabel(/^Bulan sasaran/).fill(localAt(30, 9).slice(0, 7));
    await add.getByRole('button', { name: 'Simpan kegiatan' }).click();
    const row = page.locator('.programme-item').filter({ hasText: title });
    await row.getByText('Belum dijadwalkan').waitFor();
    await openDetails(page, row);
    await row.getByLabel(/^Mulai/).fill(localAt(3, 9));
    await row.getByLabel(/^Selesai/).fill(localAt(3, 11));
    await row.getByLabel(/^Tempat/).fill('Lab IPA');
    await row.getByRole('button', { name: 'Jadwalkan rapat' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.match(page.url(), /\/mgmp\/rapat\//);

    // Officers may cancel the planned meeting with a reason; the programme then shows it as cancelled.
    await page.getByText('Lab IPA').first().waitFor();
    await openDetails(page, page.locator('.cancel-meeting'));
    await page.getByLabel(/^Alasan pembatalan/).fill('Bertepatan dengan ujian');
    await page.getByRole('button', { name: 'Batalkan rapat ini' }).click();
    await page.getByText('Dibatalkan: Bertepatan dengan ujian').waitFor();
    await page.goto(`/mgmp/${mipa}`);
    await page.locator('.programme-item').filter({ hasText: title }).getByText('Dibatalkan').waitFor();
    await context.close();
  });

  it('[MGMP][TINDAK-LANJUT] the ketua assigns a follow-up to a member', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const group = await apiCall<{ members: { teacherId: string; name: string; role: string }[] }>(context, 'GET', `/mgmp/groups/${mipa}`);
    const owner = group.members.find((m) => m.role === 'anggota');
    assert.ok(owner, 'MIPA has a member');
    const page = await context.newPage();
    await page.goto(`/mgmp/${mipa}`);
    // Sections above the form fill in as their data arrives; click once the page has settled,
    // so the click does not land on a section that just moved into its place.
    await page.waitForLoadState('networkidle');
    const form = page.locator('.new-follow-up');
    await openDetails(page, form);
    const what = `Menyusun bank soal asesmen ${stamp()}`;
    await form.getByLabel(/^Apa yang dikerjakan/).fill(what);
    await form.getByLabel(/^Batas waktu/).fill(localAt(14, 0).slice(0, 10));
    await form.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    // Without an owner the server refuses; its message shows at the owners.
    await form.getByRole('alert').waitFor();
    await form.locator('.owners .field-error').waitFor();
    await form.getByLabel(owner.name, { exact: true }).check();
    await form.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await form.getByText('Tindak lanjut disimpan.').waitFor();
    const open = page.locator('.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Tindak lanjut terbuka' }) });
    await open.getByText(what).waitFor();
    const list = await apiCall<{ items: { what: string; owners: { teacherId: string }[] }[] }>(context, 'GET', `/mgmp/groups/${mipa}/follow-ups?limit=200`);
    const saved = list.items.find((f) => f.what === what);
    assert.deepEqual(
      saved?.owners.map((o) => o.teacherId),
      [owner.teacherId],
    );
    await context.close();
  });
});
