import type { BrowserContext, Page } from 'playwright-core';

/** Calls the API with the context's session (and its CSRF token on writes); answers the parsed body. */
export async function apiCall<T>(context: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (method !== 'GET') {
    const me = await context.request.get('/api/v1/me');
    const body: unknown = await me.json();
    if (typeof body === 'object' && body !== null && 'csrfToken' in body && typeof body.csrfToken === 'string') headers['x-csrf-token'] = body.csrfToken;
  }
  const res = await context.request.fetch(`/api/v1${path}`, { method, headers, data });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  const parsed: T = await res.json();
  return parsed;
}

interface Named {
  id: string;
  name: string;
}

/** The id of a demo group by (part of) its name. */
export async function groupId(context: BrowserContext, name: string): Promise<string> {
  const list = await apiCall<{ items: Named[] }>(context, 'GET', '/mgmp/groups?limit=200');
  const group = list.items.find((g) => g.name.includes(name));
  if (!group) throw new Error(`no group ${name}`);
  return group.id;
}

/** Plans a meeting that runs now (so check-in is open), with the given agenda; answers its id and check-in code. */
export async function meetingNow(context: BrowserContext, group: string, title: string, agenda: { title: string; kind: 'biasa' | 'proposal' }[]) {
  const id = await groupId(context, group);
  const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
  return apiCall<{ id: string; checkInCode: string | null; agenda: { id: string; title: string; kind: string }[] }>(context, 'POST', `/mgmp/groups/${id}/meetings`, {
    title,
    startsAt,
    endsAt,
    place: 'Ruang uji',
    agenda,
  });
}

/** The MGMP pages: group list, group, meeting, my follow-ups. */
export class MgmpPage {
  constructor(private readonly page: Page) {}

  gotoList() {
    return this.page.goto('/mgmp');
  }

  gotoMeeting(id: string) {
    return this.page.goto(`/mgmp/rapat/${id}`);
  }

  gotoMine() {
    return this.page.goto('/mgmp/tindak-lanjut');
  }

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The H / I / S / A button of one member in the daftar hadir. */
  mark(code: 'H' | 'I' | 'S' | 'A', member: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${code} \\(.*\\) untuk ${member.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  saveState() {
    return this.page.locator('.save-state');
  }

  /** Names on the daftar hadir, once it has loaded. */
  async attendanceNames(): Promise<string[]> {
    await this.page.locator('.attendance-row').first().waitFor();
    return this.page.locator('.attendance-row strong').allInnerTexts();
  }

  agendaItem(title: string) {
    return this.page.locator('.agenda-item').filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }

  followUpCard(what: string) {
    return this.page.locator('.followup').filter({ hasText: what });
  }
}
