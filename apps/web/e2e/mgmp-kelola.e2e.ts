import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCall, MgmpPage } from './pages/MgmpPage.ts';
import { MgmpKelolaPage } from './pages/MgmpKelolaPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

interface Group {
  id: string;
  name: string;
  members: { teacherId: string; name: string; role: string }[];
}
interface Meeting {
  id: string;
  agenda: { id: string; title: string; kind: string; ordinal: number }[];
}

/** The agenda titles in their order. */
const titles = (m: Meeting) => [...m.agenda].sort((a, b) => a.ordinal - b.ordinal).map((a) => a.title);

describe('MGMP administration', () => {
  let browser: Browser;
  const groupName = `MGMP Kelola ${stamp()}`;
  let groupId = '';

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][KELOLA] an operator creates a group on a phone, adds members from the teacher search and sets a ketua; the form survives a dropped connection', async () => {
    const context = await signedInContext(browser, 'operator', PHONE);
    const page = await context.newPage();
    const kelola = new MgmpKelolaPage(page);
    await page.goto('/mgmp');
    await kelola.openNewGroup();
    await kelola.field('Nama kelompok').fill(groupName);
    await kelola.chooseFirstSubject();
    await kelola.addMember('Khoirul', 'Khoirul Anam, S.Pd');
    await kelola.addMember('Lailatul', 'Lailatul Qadriyah, S.Pd');
    await kelola.addMember('Ahmad Fau', 'Ahmad Fauzi, S.Pd.I');
    await kelola.setRole('Khoirul Anam, S.Pd', 'ketua');
    await kelola.setRole('Lailatul Qadriyah, S.Pd', 'sekretaris');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'nothing sticks out of a 360 px screen');

    // The connection drops on the first send: the error shows, and after a reload the typed form is back.
    let dropped = 0;
    await page.route('**/api/v1/mgmp/groups', async (route) => {
      if (route.request().method() === 'POST' && dropped === 0) {
        dropped += 1;
        await route.abort('internetdisconnected');
      } else await route.fallback();
    });
    await kelola.submitNewGroup();
    await page.getByRole('alert').filter({ hasText: /Tidak dapat terhubung/ }).waitFor();
    await page.reload();
    await page.getByText('Isian yang belum terkirim dipulihkan dari perangkat ini.').first().waitFor();
    assert.equal(await kelola.field('Nama kelompok').inputValue(), groupName);
    assert.equal(await kelola.roleSelect('Khoirul Anam, S.Pd').inputValue(), 'ketua');

    await kelola.submitNewGroup();
    await new MgmpPage(page).heading(groupName).waitFor();
    assert.equal(dropped, 1);
    groupId = page.url().split('/mgmp/')[1] ?? '';
    const group = await apiCall<Group>(context, 'GET', `/mgmp/groups/${groupId}`);
    const role = (name: string) => group.members.find((m) => m.name === name)?.role;
    assert.equal(group.members.length, 3);
    assert.equal(role('Khoirul Anam, S.Pd'), 'ketua');
    assert.equal(role('Lailatul Qadriyah, S.Pd'), 'sekretaris');
    assert.equal(role('Ahmad Fauzi, S.Pd.I'), 'anggota');
    // The officers are shown on the group page.
    await page.locator('.badge', { hasText: 'Ketua' }).first().waitFor();
    await context.close();
  });

  it('[MGMP][KELOLA] the ketua moves an agenda item down with the thumb-sized buttons on a phone', async () => {
    assert.ok(groupId, 'the group of the first test exists');
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 2 * 86_400_000 + 2 * 3_600_000).toISOString();
    const meeting = await apiCall<Meeting>(context, 'POST', `/mgmp/groups/${groupId}/meetings`, {
      title: `Rapat agenda ${stamp()}`,
      startsAt,
      endsAt,
      agenda: [
        { title: 'Pembukaan', kind: 'biasa' },
        { title: 'Bedah modul ajar', kind: 'biasa' },
        { title: 'Penutup', kind: 'biasa' },
      ],
    });
    const page = await context.newPage();
    const kelola = new MgmpKelolaPage(page);
    await new MgmpPage(page).gotoMeeting(meeting.id);
    await kelola.openAgendaEditor();
    const down = page.getByRole('button', { name: 'Turunkan “Pembukaan”' });
    const box = await down.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, `the button is thumb-sized (${box?.width}×${box?.height})`);
    await down.click();
    await eventually(async () => {
      const fresh = await apiCall<Meeting>(context, 'GET', `/mgmp/meetings/${meeting.id}`);
      assert.deepEqual(titles(fresh), ['Bedah modul ajar', 'Pembukaan', 'Penutup']);
    });
    // The meeting's agenda shows the new order.
    await eventually(async () => {
      assert.deepEqual((await page.locator('.agenda > .agenda-item > h3').allInnerTexts()).map((s) => s.trim()), ['Bedah modul ajar', 'Pembukaan', 'Penutup']);
    });
    assert.equal(await page.getByRole('button', { name: 'Naikkan “Bedah modul ajar”' }).isDisabled(), true, 'the first item cannot move up');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
    await context.close();
  });

  it('[MGMP][KELOLA] the ketua marks a decision due for review as reviewed with a note on a phone', async () => {
    assert.ok(groupId, 'the group of the first test exists');
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const statement = `Asesmen diagnostik tiap awal semester ${stamp()}`;
    const meeting = await apiCall<Meeting>(context, 'POST', `/mgmp/groups/${groupId}/meetings`, {
      title: `Rapat keputusan ${stamp()}`,
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      agenda: [{ title: 'Usulan asesmen', kind: 'proposal' }],
    });
    const item = meeting.agenda.find((a) => a.title === 'Usulan asesmen')?.id ?? '';
    const decision = await apiCall<{ id: string }>(context, 'POST', `/mgmp/agenda-items/${item}/decisions`, { proposal: statement });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await apiCall(context, 'POST', `/mgmp/decisions/${decision.id}/close`, { outcome: 'mufakat', statement, reviewDate: yesterday });

    const page = await context.newPage();
    await page.goto(`/mgmp/${groupId}`);
    const card = page.locator('.decision-review');
    const due = card.locator('.due-decision').filter({ hasText: statement });
    await due.waitFor();
    const note = 'Sudah berjalan; instrumen perlu disederhanakan.';
    await due.getByLabel('Catatan peninjauan').fill(note);
    await due.getByRole('button', { name: 'Tandai sudah ditinjau' }).click();
    await card.locator('.reviewed-decisions li').filter({ hasText: statement }).filter({ hasText: note }).waitFor();
    await due.waitFor({ state: 'detached' });
    const fresh = await apiCall<{ reviewNote: string | null; reviewedAt: string | null; status: string; statement: string }>(context, 'GET', `/mgmp/decisions/${decision.id}`);
    assert.equal(fresh.reviewNote, note);
    assert.ok(fresh.reviewedAt);
    assert.equal(fresh.status, 'closed');
    assert.equal(fresh.statement, statement);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
    await context.close();
  });
  it('[MGMP][KELOLA] the ketua plans a lesson study for part of the group on a phone: unticks a member, adds a guest teacher, and the meeting page shows who is invited', async () => {
    assert.ok(groupId, 'the group of the first test exists');
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const page = await context.newPage();
    await page.goto(`/mgmp/${groupId}`);
    const form = page.locator('details.new-meeting');
    await form.locator('summary').click();
    const title = `Lesson study kelas VII ${stamp()}`;
    await form.getByLabel('Judul rapat').fill(title);
    const day = new Date(Date.now() + 3 * 86_400_000);
    const local = (h: number) => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}T${String(h).padStart(2, '0')}:00`;
    await form.getByLabel(/^Mulai/).fill(local(9));
    await form.getByLabel(/^Selesai/).fill(local(11));
    await form.getByLabel(/^Tempat/).fill('Lab IPA');

    // Every member is ticked by default; the ketua unticks one and adds a teacher of the madrasah as a guest.
    const invitees = form.locator('fieldset.invitees');
    const box = (name: RegExp) => invitees.getByRole('checkbox', { name });
    for (const name of [/Khoirul Anam/, /Lailatul Qadriyah/, /Ahmad Fauzi/]) assert.equal(await box(name).isChecked(), true);
    await box(/Ahmad Fauzi/).uncheck();
    await invitees.getByText('2 dari 3 anggota diundang').waitFor();
    await invitees.getByLabel('Tambah tamu (guru madrasah ini)').fill('Ainul');
    await invitees.getByRole('button', { name: 'Tambah Ainul Yaqin, S.Pd' }).click();
    await invitees.locator('.invitee-guests li', { hasText: 'Ainul Yaqin, S.Pd' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'the form fits a 360 px screen');
    await form.getByRole('button', { name: 'Buat rapat' }).click();

    // The meeting page lists who is invited: the two members with their office, the guest marked as such.
    await new MgmpPage(page).heading(title).waitFor();
    const card = page.locator('.meeting-invitees');
    await card.getByRole('heading', { name: 'Yang diundang (3)' }).waitFor();
    const rows = (await card.locator('.invitee-list li').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.deepEqual(rows, ['Khoirul Anam, S.Pd Ketua', 'Lailatul Qadriyah, S.Pd Sekretaris', 'Ainul Yaqin, S.Pd tamu']);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'the meeting page fits a 360 px screen');
    const meetingId = page.url().split('/mgmp/rapat/')[1] ?? '';
    const saved = await apiCall<{ invitees: { name: string; role: string | null }[] }>(context, 'GET', `/mgmp/meetings/${meetingId}`);
    assert.deepEqual(saved.invitees.map((i) => [i.name, i.role]), [['Khoirul Anam, S.Pd', 'ketua'], ['Lailatul Qadriyah, S.Pd', 'sekretaris'], ['Ainul Yaqin, S.Pd', null]]);
    await context.close();
  });
});
