import type {
  MgmpAttendanceCode,
  MgmpDecisionStatus,
  MgmpFollowUpStatus,
  MgmpMeetingStatus,
  MgmpMemberRole,
  MgmpMinutesStatus,
  MgmpQuorum,
  MgmpVoteChoice,
} from '@tumbuh/shared';

/** Pure rules of the MGMP cycle: plan, meet, decide, follow up, review. No I/O here. */

// ---------- meetings ----------
/** Self check-in opens this long before a meeting starts (and closes when it ends). */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60 * 1000;

/**
 * Whether a meeting may move from `from` to `to`: direncanakan → berlangsung → selesai;
 * direncanakan or berlangsung → dibatalkan. Selesai and dibatalkan are final.
 */
export function canTransitionMeeting(from: MgmpMeetingStatus, to: MgmpMeetingStatus): boolean {
  switch (from) {
    case 'direncanakan':
      return to === 'berlangsung' || to === 'dibatalkan';
    case 'berlangsung':
      return to === 'selesai' || to === 'dibatalkan';
    case 'selesai':
    case 'dibatalkan':
      return false;
  }
}

/** A cancelled meeting gets no attendance, minutes or decisions; every other status may. */
export function meetingTakesRecords(status: MgmpMeetingStatus): boolean {
  switch (status) {
    case 'direncanakan':
    case 'berlangsung':
    case 'selesai':
      return true;
    case 'dibatalkan':
      return false;
  }
}

/**
 * The agenda of a planned or running meeting may be changed (items added, renamed, removed,
 * reordered); a held or cancelled meeting's agenda is part of its record and stays as it was.
 */
export function agendaEditable(status: MgmpMeetingStatus): boolean {
  switch (status) {
    case 'direncanakan':
    case 'berlangsung':
      return true;
    case 'selesai':
    case 'dibatalkan':
      return false;
  }
}

/** An agenda item that carries minutes, a decision or a follow-up is part of the record: it may be renamed or moved, not removed. */
export function agendaItemRemovable(records: { minutes: number; decisions: number; followUps: number }): boolean {
  return records.minutes === 0 && records.decisions === 0 && records.followUps === 0;
}

// ---------- programme ----------
/**
 * Why a programme activity may not be edited or removed, given the status of the meeting it became
 * (null: not scheduled yet), or null when it may.
 * - A held activity (its meeting is selesai) is history: neither edited nor removed ('held').
 * - A scheduled activity (meeting direncanakan / berlangsung) may be edited but not removed: cancel
 *   the meeting first ('scheduled').
 * - An activity whose meeting was cancelled may be edited or removed (the cancelled meeting stays).
 */
export function programmeItemChangeRefusal(action: 'edit' | 'delete', meetingStatus: MgmpMeetingStatus | null): 'held' | 'scheduled' | null {
  switch (meetingStatus) {
    case null:
    case 'dibatalkan':
      return null;
    case 'selesai':
      return 'held';
    case 'direncanakan':
    case 'berlangsung':
      return action === 'delete' ? 'scheduled' : null;
  }
}

/** The self check-in window: [starts − 30 min, ends]. */
export function checkInWindow(meeting: { startsAt: Date; endsAt: Date }): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(meeting.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS), closesAt: meeting.endsAt };
}

/** Why a member's self check-in is refused now, or null when it is allowed. */
export function checkInRefusal(meeting: { status: MgmpMeetingStatus; startsAt: Date; endsAt: Date }, now: Date): 'cancelled' | 'outside_window' | null {
  if (!meetingTakesRecords(meeting.status)) return 'cancelled';
  const { opensAt, closesAt } = checkInWindow(meeting);
  if (now < opensAt || now > closesAt) return 'outside_window';
  return null;
}

// ---------- members ----------
/**
 * Officers (ketua, sekretaris, bendahara) who may change a group's meetings, agenda, attendance,
 * minutes drafts and decisions. Approving minutes and recording a mufakat stay the ketua's
 * (`canLeadGroup` in mgmp.policies.ts).
 */
export function isOfficer(role: MgmpMemberRole | null | undefined): boolean {
  switch (role) {
    case 'ketua':
    case 'sekretaris':
    case 'bendahara':
      return true;
    case 'anggota':
    case null:
    case undefined:
      return false;
  }
}

/** A member list is valid when no teacher repeats and ketua, sekretaris and bendahara are held by one teacher at most. */
export function memberListProblem(members: readonly { teacherId: string; role: MgmpMemberRole }[]): 'duplicate_teacher' | 'duplicate_officer' | null {
  if (new Set(members.map((m) => m.teacherId)).size !== members.length) return 'duplicate_teacher';
  for (const office of ['ketua', 'sekretaris', 'bendahara'] as const) {
    if (members.filter((m) => m.role === office).length > 1) return 'duplicate_officer';
  }
  return null;
}

// ---------- attendance and quorum ----------
/** Only H (hadir) counts as present; I, S and A do not. */
export function isPresent(code: MgmpAttendanceCode | null | undefined): boolean {
  switch (code) {
    case 'H':
      return true;
    case 'I':
    case 'S':
    case 'A':
    case null:
    case undefined:
      return false;
  }
}

/** Who recorded an attendance row: an officer (sekretaris, ketua, …) or the member with the meeting's code. */
export type AttendanceSource = 'sekretaris' | 'self';

/** One stored attendance row, as far as the rules care. */
export interface AttendanceRecord {
  code: MgmpAttendanceCode;
  note: string | null;
  source: AttendanceSource;
  checkedInAt: Date | null;
}

/** What an officer sends for one member: the code, and the note only when the request carried the key (null clears it). */
export interface OfficerAttendanceEntry {
  code: MgmpAttendanceCode;
  note?: string | null | undefined;
}

/**
 * The row after an officer records `entry` over `previous` (null: nothing recorded yet).
 * - code: the officer's.
 * - source: stays 'self' when the member checked themself in (H, self) and the officer sets H again
 *   (tapping H for someone already present changes nothing); any other code, or H over a row that was
 *   not a self check-in, records the officer ('sekretaris').
 * - checkedInAt: never written by an officer. The time a member checked in with the code is evidence
 *   and stays readable, also when the officer changes the code to I/S/A (the row then says
 *   'sekretaris': the officer's code stands, and the time shows the member had checked in). Only the
 *   member's own check-in sets it.
 * - note: replaced only when the entry carries it (undefined = the key was absent: kept; null clears).
 * `changed`: whether the stored row would differ (nothing to write or audit otherwise).
 */
export function recordAttendanceByOfficer(previous: AttendanceRecord | null, entry: OfficerAttendanceEntry): { next: AttendanceRecord; changed: boolean } {
  const keepsSelfCheckIn = previous !== null && previous.source === 'self' && previous.code === 'H' && entry.code === 'H';
  const next: AttendanceRecord = {
    code: entry.code,
    note: entry.note === undefined ? (previous?.note ?? null) : entry.note,
    source: keepsSelfCheckIn ? 'self' : 'sekretaris',
    checkedInAt: previous?.checkedInAt ?? null,
  };
  const changed = previous === null || previous.code !== next.code || previous.note !== next.note || previous.source !== next.source;
  return { next, changed };
}

/** How many members must be present: majority = more than half; fraction = at least that share (rounded up). */
export function quorumRequired(rule: MgmpQuorum, members: number): number {
  switch (rule.kind) {
    case 'majority':
      return Math.floor(members / 2) + 1;
    case 'fraction':
      return Math.max(1, Math.ceil((members * rule.numerator) / rule.denominator));
  }
}

/** Whether `present` members out of `members` reach the group's quorum. A group without members never does. */
export function quorumMet(rule: MgmpQuorum, members: number, present: number): boolean {
  return members > 0 && present >= quorumRequired(rule, members);
}

/** Share of recorded meetings a member was present at (null when nothing was recorded). */
export function attendanceRate(codes: readonly MgmpAttendanceCode[]): number | null {
  if (codes.length === 0) return null;
  return codes.filter(isPresent).length / codes.length;
}

/** Average share of members present over held meetings (null without held meetings). */
export function groupAttendanceRate(meetings: readonly { members: number; present: number }[]): number | null {
  const counted = meetings.filter((m) => m.members > 0);
  if (counted.length === 0) return null;
  return counted.reduce((sum, m) => sum + m.present / m.members, 0) / counted.length;
}

/** Reads the stored quorum rule, falling back to the default (majority) for anything unknown. */
export function parseQuorum(value: unknown): MgmpQuorum {
  if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'fraction') {
    const { numerator, denominator } = value as { numerator?: unknown; denominator?: unknown };
    if (typeof numerator === 'number' && typeof denominator === 'number' && numerator >= 1 && denominator >= numerator) return { kind: 'fraction', numerator, denominator };
  }
  return { kind: 'majority' };
}

// ---------- musyawarah: votes and decisions ----------
export type VoteTally = Record<MgmpVoteChoice, number>;

/** Counts votes by choice. Abstain and blok voters are present; they are counted, not ignored. */
export function tallyVotes(choices: readonly MgmpVoteChoice[]): VoteTally {
  const tally: VoteTally = { setuju: 0, abstain: 0, tidak_setuju: 0, blok: 0 };
  for (const c of choices) tally[c] += 1;
  return tally;
}

/** A vote adopts the proposal when setuju outnumbers tidak_setuju (a tie does not adopt). */
export function voteAdopts(tally: VoteTally): boolean {
  return tally.setuju > tally.tidak_setuju;
}

/** Whether the decision may move from `from` to `to`: open → closed only; closed is final. */
export function canTransitionDecision(from: MgmpDecisionStatus, to: MgmpDecisionStatus): boolean {
  switch (from) {
    case 'open':
      return to === 'closed';
    case 'closed':
      return false;
  }
}

/** A decision takes votes only while open. */
export function decisionTakesVotes(status: MgmpDecisionStatus): boolean {
  switch (status) {
    case 'open':
      return true;
    case 'closed':
      return false;
  }
}

/**
 * Why a vote cannot close now, or null: the quorum must be met, and a blok must be answered in the
 * outcome's rationale.
 */
export function voteCloseRefusal(input: { quorumMet: boolean; tally: VoteTally; rationale: string | null | undefined }): 'quorum_not_met' | 'block_unanswered' | null {
  if (!input.quorumMet) return 'quorum_not_met';
  if (input.tally.blok > 0 && !input.rationale?.trim()) return 'block_unanswered';
  return null;
}

/** A closed decision whose review date has come and that was not reviewed yet. */
export function isDueForReview(d: { status: MgmpDecisionStatus; reviewDate: string | null; reviewedAt: Date | null }, today: string): boolean {
  return d.status === 'closed' && d.reviewDate !== null && d.reviewDate <= today && d.reviewedAt === null;
}

/** Who is asking to correct a decision: their office in the group and their madrasah roles for the group's madrasah. */
export interface DecisionReviser {
  myRole: MgmpMemberRole | null;
  kepalaMadrasah: boolean;
  operator: boolean;
}

/**
 * Why a decision may not be corrected (an audited revision of its wording), or null when it may.
 * - Who: the ketua of the group, or the kepala madrasah / operator of its madrasah (like closing);
 *   a sekretaris, bendahara, anggota or anyone else may not ('forbidden', checked first).
 * - Which states: only a closed decision ('open': an open one is still being decided; its proposal
 *   goes through the musyawarah), of a group that is not archived ('archived').
 */
export function decisionRevisionRefusal(input: { status: MgmpDecisionStatus; archived: boolean; reviser: DecisionReviser }): 'forbidden' | 'archived' | 'open' | null {
  const { myRole, kepalaMadrasah, operator } = input.reviser;
  if (!(myRole === 'ketua' || kepalaMadrasah || operator)) return 'forbidden';
  if (input.archived) return 'archived';
  switch (input.status) {
    case 'open':
      return 'open';
    case 'closed':
      return null;
  }
}

/** The revisable wording of a closed decision. The outcome, adoption and votes are not part of it. */
export interface DecisionWording {
  statement: string | null;
  rationale: string | null;
  reviewDate: string | null;
}

/**
 * The wording after a correction: a field left out (undefined) stays as it was; the rationale and
 * the review date may be cleared (null); the statement may not. `changed` is false when nothing
 * differs (a correction must change something).
 */
export function reviseWording(current: DecisionWording, input: { statement?: string | undefined; rationale?: string | null | undefined; reviewDate?: string | null | undefined }): { next: DecisionWording; changed: boolean } {
  const next: DecisionWording = {
    statement: input.statement === undefined ? current.statement : input.statement,
    rationale: input.rationale === undefined ? current.rationale : input.rationale,
    reviewDate: input.reviewDate === undefined ? current.reviewDate : input.reviewDate,
  };
  const changed = next.statement !== current.statement || next.rationale !== current.rationale || next.reviewDate !== current.reviewDate;
  return { next, changed };
}

// ---------- minutes ----------
/** Only a draft may be edited or approved; an approved revision is locked (a correction adds a revision). */
export function minutesEditable(status: MgmpMinutesStatus): boolean {
  switch (status) {
    case 'draft':
      return true;
    case 'approved':
      return false;
  }
}

// ---------- follow-ups ----------
/**
 * Follow-up status changes: belum ↔ sedang, either → selesai or batal; selesai may be reopened
 * (→ sedang), batal may be revived (→ belum). Keeping the same status is allowed (evidence updates).
 */
export function canTransitionFollowUp(from: MgmpFollowUpStatus, to: MgmpFollowUpStatus): boolean {
  if (from === to) return true;
  switch (from) {
    case 'belum':
      return to === 'sedang' || to === 'selesai' || to === 'batal';
    case 'sedang':
      return to === 'belum' || to === 'selesai' || to === 'batal';
    case 'selesai':
      return to === 'sedang';
    case 'batal':
      return to === 'belum';
  }
}

/** Open follow-ups (belum, sedang) come back on the next meeting's agenda. */
export function followUpOpen(status: MgmpFollowUpStatus): boolean {
  switch (status) {
    case 'belum':
    case 'sedang':
      return true;
    case 'selesai':
    case 'batal':
      return false;
  }
}

/** An open follow-up past its due date (`today` as YYYY-MM-DD). */
export function isOverdue(f: { status: MgmpFollowUpStatus; dueDate: string }, today: string): boolean {
  return followUpOpen(f.status) && f.dueDate < today;
}

/** An agenda item that brings a follow-up or a decision due for review back to a meeting. */
export interface CarryOverItem {
  title: string;
  kind: 'keputusan-review' | 'tindak-lanjut-review';
  decisionId: string | null;
  followUpId: string | null;
}

/** The title of a carried-over agenda item (the same when a meeting is planned and when one is added later). */
export function carryOverTitle(what: { kind: 'decision'; statement: string | null; proposal: string } | { kind: 'follow-up'; what: string }): string {
  return what.kind === 'decision' ? `Tinjau keputusan: ${what.statement ?? what.proposal}` : `Tindak lanjut: ${what.what}`;
}

/**
 * The review day of a meeting: decisions whose review date is on or before it are due at that
 * meeting. Its start day, or today when it starts later than planned.
 */
export function meetingReviewDay(startsAt: Date, now: Date): string {
  const planned = todayInIndonesia(startsAt);
  const today = todayInIndonesia(now);
  return today > planned ? today : planned;
}

/**
 * The agenda items a planned or starting meeting still lacks so that every open follow-up and every
 * decision due for review by its day is on it: first the decisions, then the follow-ups (as when a
 * meeting is planned). Not added: what the meeting already carries (an item with that follow-up or
 * decision: idempotent), what is not open / not due, and what came out of this very meeting (its
 * own decisions and the follow-ups of its items are reviewed at a later meeting).
 */
export function missingCarryOvers(input: {
  meetingId: string;
  day: string;
  agenda: readonly { followUpId: string | null; decisionId: string | null }[];
  followUps: readonly { id: string; what: string; status: MgmpFollowUpStatus; originMeetingId: string | null }[];
  decisions: readonly { id: string; statement: string | null; proposal: string; status: MgmpDecisionStatus; reviewDate: string | null; reviewedAt: Date | null; meetingId: string }[];
}): CarryOverItem[] {
  const carriedFollowUps = new Set(input.agenda.flatMap((a) => (a.followUpId ? [a.followUpId] : [])));
  const carriedDecisions = new Set(input.agenda.flatMap((a) => (a.decisionId ? [a.decisionId] : [])));
  const decisions = input.decisions
    .filter((d) => isDueForReview(d, input.day) && d.meetingId !== input.meetingId && !carriedDecisions.has(d.id))
    .filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i)
    .map((d): CarryOverItem => ({ title: carryOverTitle({ kind: 'decision', statement: d.statement, proposal: d.proposal }), kind: 'keputusan-review', decisionId: d.id, followUpId: null }));
  const followUps = input.followUps
    .filter((f) => followUpOpen(f.status) && f.originMeetingId !== input.meetingId && !carriedFollowUps.has(f.id))
    .filter((f, i, all) => all.findIndex((x) => x.id === f.id) === i)
    .map((f): CarryOverItem => ({ title: carryOverTitle({ kind: 'follow-up', what: f.what }), kind: 'tindak-lanjut-review', decisionId: null, followUpId: f.id }));
  return [...decisions, ...followUps];
}

/** The calendar day of `now` in Indonesia's western time (WIB, UTC+7), as YYYY-MM-DD. */
export function todayInIndonesia(now: Date): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
