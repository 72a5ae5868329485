import { LIMITS } from '@tumbuh/shared';

/** Pure rules of the minutes (notulen) form: the "contributions by whom" list (no React here). */

/** Most contributions one agenda item's minutes may hold (the server's `putMgmpMinutesSchema`). */
export const CONTRIBUTIONS_MAX = 100;

/** One row of the form: who (a member's teacher id, '' until chosen) and what they contributed. `key` only keeps React rows apart. */
export interface ContributionRow {
  key: string;
  teacherId: string;
  text: string;
}

export type ContributionProblem = 'who_required' | 'text_required' | 'text_too_long';
export interface ContributionErrors {
  teacherId?: ContributionProblem;
  text?: ContributionProblem;
}

let counter = 0;
/** A key unique on this page (crypto.randomUUID is missing on plain http, e.g. a school LAN server). */
export function newRowKey(): string {
  counter += 1;
  return `c${Date.now().toString(36)}${counter}`;
}

/** Rows of the form from what the server stored. */
export function contributionRows(stored: readonly { teacherId: string; text: string }[], key: () => string = newRowKey): ContributionRow[] {
  return stored.map((c) => ({ key: key(), teacherId: c.teacherId, text: c.text }));
}

/** Rows as they came back from this device's storage: anything that is not a row is dropped, so an old draft cannot break the form. */
export function restoredRows(value: unknown, key: () => string = newRowKey): ContributionRow[] {
  if (!Array.isArray(value)) return [];
  const rows: ContributionRow[] = [];
  for (const v of value as unknown[]) {
    if (typeof v !== 'object' || v === null) continue;
    const teacherId: unknown = Reflect.get(v, 'teacherId');
    const text: unknown = Reflect.get(v, 'text');
    const k: unknown = Reflect.get(v, 'key');
    if (typeof teacherId !== 'string' || typeof text !== 'string') continue;
    rows.push({ key: typeof k === 'string' && k !== '' ? k : key(), teacherId, text });
  }
  return rows.slice(0, CONTRIBUTIONS_MAX);
}

/** Appends an empty row (nothing changes once the list is full). */
export function addContribution(rows: readonly ContributionRow[], teacherId = '', key: () => string = newRowKey): ContributionRow[] {
  if (rows.length >= CONTRIBUTIONS_MAX) return [...rows];
  return [...rows, { key: key(), teacherId, text: '' }];
}

export function updateContribution(rows: readonly ContributionRow[], key: string, patch: Partial<Pick<ContributionRow, 'teacherId' | 'text'>>): ContributionRow[] {
  return rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
}

export function removeContribution(rows: readonly ContributionRow[], key: string): ContributionRow[] {
  return rows.filter((r) => r.key !== key);
}

const isBlank = (r: ContributionRow) => r.teacherId === '' && r.text.trim() === '';

/**
 * What the server would refuse, row by row (same rules as `mgmpContributionSchema`: a member and
 * a text of 1–4000 characters after trimming). A row left completely empty is not an error: it is
 * simply not sent.
 */
export function contributionErrors(rows: readonly ContributionRow[]): Map<string, ContributionErrors> {
  const out = new Map<string, ContributionErrors>();
  for (const r of rows) {
    if (isBlank(r)) continue;
    const e: ContributionErrors = {};
    if (r.teacherId === '') e.teacherId = 'who_required';
    const text = r.text.trim();
    if (text === '') e.text = 'text_required';
    else if (text.length > LIMITS.textMax) e.text = 'text_too_long';
    if (e.teacherId || e.text) out.set(r.key, e);
  }
  return out;
}

/** The request body's `contributions`: blank rows left out, texts trimmed. */
export function contributionsToSend(rows: readonly ContributionRow[]): { teacherId: string; text: string }[] {
  return rows.filter((r) => !isBlank(r)).map((r) => ({ teacherId: r.teacherId, text: r.text.trim() }));
}

/** Contributions with the contributor's name; someone no longer in the group keeps a place with `name` null. */
export function namedContributions(
  contributions: readonly { teacherId: string; text: string }[],
  members: readonly { teacherId: string; name: string }[],
): { teacherId: string; name: string | null; text: string }[] {
  const names = new Map(members.map((m) => [m.teacherId, m.name]));
  return contributions.map((c) => ({ teacherId: c.teacherId, name: names.get(c.teacherId) ?? null, text: c.text }));
}
