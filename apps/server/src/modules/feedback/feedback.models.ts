import { createHmac, randomBytes } from 'node:crypto';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_MIN_ANSWERS_FLOOR, FOCUS_DIMENSIONS, type FeedbackRoundStatus, type FocusDimension } from '@tumbuh/shared';

/** Pure rules of anonymous student feedback: tokens, device hashes, answer validation, thresholds, summaries. */

/** A new public token: 16 random bytes (128 bits), base64url (22 characters). */
export function newRoundToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A new per-round HMAC key for device hashes (32 random bytes). */
export function newDeviceSecret(): Buffer {
  return randomBytes(32);
}

/**
 * The stored stand-in for a device: HMAC-SHA256 of the browser's random per-round value under the
 * round's secret. Without the secret (never sent, erased at close) the hash links to nothing.
 */
export function deviceHash(secret: Buffer, deviceKey: string): string {
  return createHmac('sha256', secret).update(deviceKey, 'utf8').digest('hex');
}

/** `closed` when closed, or when its closing time has passed. */
export function effectiveStatus(round: { status: string; closesAt: Date | null }, now: Date): FeedbackRoundStatus {
  if (round.status === 'closed') return 'closed';
  if (round.closesAt && round.closesAt.getTime() <= now.getTime()) return 'closed';
  return 'open';
}

/** The threshold in force: the tenant setting, never below the floor of 5. */
export function effectiveMinAnswers(setting: number | null | undefined): number {
  return Math.max(FEEDBACK_MIN_ANSWERS_FLOOR, setting ?? FEEDBACK_MIN_ANSWERS_FLOOR);
}

/** A threshold the tenant may choose: a whole number from 5 to 1000. */
export function thresholdAllowed(minAnswers: number): boolean {
  return Number.isInteger(minAnswers) && minAnswers >= FEEDBACK_MIN_ANSWERS_FLOOR && minAnswers <= 1000;
}

/** Results are shown only when the round has at least `minAnswers` answers. */
export function resultsShown(answers: number, minAnswers: number): boolean {
  return answers >= effectiveMinAnswers(minAnswers);
}

export type AnswerProblem =
  | { kind: 'unknown_item'; itemId: string }
  | { kind: 'duplicate_item'; itemId: string }
  | { kind: 'missing_item'; number: number }
  | { kind: 'invalid_value'; number: number }
  | { kind: 'comment_too_long'; max: number };

/**
 * Checks one answer sheet against the round's items: every item exactly once, each value a whole
 * number 1–4, the comment (trimmed; empty → none) at most 500 characters. Returns the values in
 * item order and the comment, or every problem found.
 */
export function checkAnswerSheet(
  items: readonly { id: string; number: number }[],
  sheet: { answers: readonly { itemId: string; value: unknown }[]; comment?: string | null | undefined },
): { ok: true; values: { itemId: string; value: number }[]; comment: string | null } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const given = new Map<string, unknown>();
  for (const a of sheet.answers) {
    const item = byId.get(a.itemId);
    if (!item) {
      problems.push({ kind: 'unknown_item', itemId: a.itemId.slice(0, 40) });
      continue;
    }
    if (given.has(a.itemId)) {
      problems.push({ kind: 'duplicate_item', itemId: a.itemId });
      continue;
    }
    given.set(a.itemId, a.value);
    if (typeof a.value !== 'number' || !Number.isInteger(a.value) || a.value < 1 || a.value > 4) problems.push({ kind: 'invalid_value', number: item.number });
  }
  for (const item of items) if (!given.has(item.id)) problems.push({ kind: 'missing_item', number: item.number });
  const comment = (sheet.comment ?? '').trim();
  if (comment.length > FEEDBACK_COMMENT_MAX) problems.push({ kind: 'comment_too_long', max: FEEDBACK_COMMENT_MAX });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, values: items.map((i) => ({ itemId: i.id, value: given.get(i.id) as number })), comment: comment === '' ? null : comment };
}

/** Rounded to two decimals (means are shown, not computed on). */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Per-item distribution (count of 1, 2, 3, 4) and mean, and per focus dimension the mean of every
 * value given to its items, from `counts` rows (item, value, how many).
 */
export function summariseAnswers<I extends { id: string; focus: FocusDimension }>(
  items: readonly I[],
  counts: readonly { itemId: string; value: number; n: number }[],
): { items: (I & { distribution: number[]; mean: number })[]; focus: { focus: FocusDimension; mean: number }[] } {
  const dist = new Map(items.map((i) => [i.id, [0, 0, 0, 0]]));
  for (const c of counts) {
    const d = dist.get(c.itemId);
    if (d && c.value >= 1 && c.value <= 4) d[c.value - 1] = (d[c.value - 1] ?? 0) + c.n;
  }
  const focusSum = new Map<FocusDimension, { sum: number; n: number }>();
  const perItem = items.map((item) => {
    const d = dist.get(item.id) ?? [0, 0, 0, 0];
    const n = d.reduce((a, b) => a + b, 0);
    const sum = d.reduce((a, b, i) => a + b * (i + 1), 0);
    const f = focusSum.get(item.focus) ?? { sum: 0, n: 0 };
    focusSum.set(item.focus, { sum: f.sum + sum, n: f.n + n });
    return { ...item, distribution: d, mean: n === 0 ? 0 : round2(sum / n) };
  });
  const focus = FOCUS_DIMENSIONS.filter((f) => focusSum.has(f)).map((f) => {
    const s = focusSum.get(f) ?? { sum: 0, n: 0 };
    return { focus: f, mean: s.n === 0 ? 0 : round2(s.sum / s.n) };
  });
  return { items: perItem, focus };
}

/**
 * Free-text answers in an order unrelated to when they were sent (sorted by text), so the list
 * cannot be matched to the order students handed in their phones.
 */
export function orderComments(comments: readonly (string | null)[]): string[] {
  return comments.filter((c): c is string => c !== null && c.trim() !== '').sort((a, b) => a.localeCompare(b, 'id'));
}
