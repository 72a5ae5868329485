import { LIMITS, MGMP_ATTENDANCE_CODES, type MgmpAttendanceCode } from '@tumbuh/shared';

/**
 * What an officer changed on the daftar hadir and the server has not accepted yet, per member: the
 * tapped code and/or the note (null: clear it). Kept on the device (localStorage) and sent again
 * until accepted, so a dropped connection loses neither taps nor notes. Pure: no storage, no React.
 */
export interface PendingEntry {
  code?: MgmpAttendanceCode;
  note?: string | null;
}
export type Pending = Record<string, PendingEntry>;

/** One entry of `PUT /mgmp/meetings/:id/attendance`: `note` only when it was changed here (absent: the server keeps it). */
export interface SentEntry {
  teacherId: string;
  code: MgmpAttendanceCode;
  note?: string | null;
}

function isCode(value: unknown): value is MgmpAttendanceCode {
  return MGMP_ATTENDANCE_CODES.some((c) => c === value);
}

/** A note as the server stores it: trimmed, at most `LIMITS.attendanceNoteMax` characters, empty → null. */
export function cleanNote(text: string | null): string | null {
  const trimmed = (text ?? '').trim().slice(0, LIMITS.attendanceNoteMax).trim();
  return trimmed === '' ? null : trimmed;
}

/** Reads what was stored on the device; also the earlier format `{ teacherId: code }`. Anything else is dropped. */
export function parsePending(stored: unknown): Pending {
  const out: Pending = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const [id, value] of Object.entries(stored)) {
    if (isCode(value)) {
      out[id] = { code: value };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entry: PendingEntry = {};
    if ('code' in value && isCode(value.code)) entry.code = value.code;
    if ('note' in value && (value.note === null || typeof value.note === 'string')) entry.note = cleanNote(value.note);
    if (entry.code !== undefined || 'note' in entry) out[id] = entry;
  }
  return out;
}

/** A tap on a code. */
export function withCode(pending: Pending, teacherId: string, code: MgmpAttendanceCode): Pending {
  return { ...pending, [teacherId]: { ...pending[teacherId], code } };
}

/**
 * A note written (or cleared) for a member. Writing back the note the server already has forgets the
 * pending note instead (nothing to send).
 */
export function withNote(pending: Pending, teacherId: string, text: string | null, storedNote: string | null): Pending {
  const note = cleanNote(text);
  const { note: _previous, ...rest } = pending[teacherId] ?? {};
  const entry: PendingEntry = note === storedNote ? rest : { ...rest, note };
  const next = { ...pending };
  if (entry.code === undefined && !('note' in entry)) delete next[teacherId];
  else next[teacherId] = entry;
  return next;
}

/**
 * The entries to send: every pending member with a code to send — tapped here, or the one the server
 * shows (a note alone is sent with it; an H over a self check-in keeps that check-in). A note for a
 * member with no code anywhere waits until a code is tapped.
 */
export function entriesToSend(pending: Pending, stored: readonly { teacherId: string; code: MgmpAttendanceCode | null }[]): SentEntry[] {
  const storedCode = new Map(stored.map((r) => [r.teacherId, r.code]));
  const out: SentEntry[] = [];
  for (const [teacherId, entry] of Object.entries(pending)) {
    const code = entry.code ?? storedCode.get(teacherId) ?? null;
    if (code === null) continue;
    out.push('note' in entry ? { teacherId, code, note: entry.note ?? null } : { teacherId, code });
  }
  return out;
}

/** After the server accepted `sent`: forget what was sent and not changed here meanwhile. */
export function forgetSent(current: Pending, sent: readonly SentEntry[]): Pending {
  const next: Pending = { ...current };
  for (const s of sent) {
    const entry = next[s.teacherId];
    if (!entry) continue;
    const left: PendingEntry = { ...entry };
    if (left.code === s.code) delete left.code;
    if ('note' in s && 'note' in left && left.note === s.note) delete left.note;
    if (left.code === undefined && !('note' in left)) delete next[s.teacherId];
    else next[s.teacherId] = left;
  }
  return next;
}

/** Members with something not yet accepted by the server. */
export function pendingCount(pending: Pending): number {
  return Object.keys(pending).length;
}
