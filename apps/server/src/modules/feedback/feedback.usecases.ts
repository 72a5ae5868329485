import {
  FOCUS_DIMENSIONS,
  type CreateFeedbackRoundInput,
  type FeedbackItem,
  type FeedbackResults,
  type FeedbackRound,
  type FeedbackRoundListQuery,
  type FeedbackSettings,
  type FocusDimension,
  type PublicFeedbackRound,
  type SubmitFeedbackAnswerInput,
  FEEDBACK_COMMENT_MAX,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { feedbackErrors, invalidAnswersError, notEnoughAnswersError } from './feedback.errors.ts';
import { checkAnswerSheet, deviceHash, effectiveMinAnswers, effectiveStatus, newDeviceSecret, newRoundToken, orderComments, resultsShown, summariseAnswers, thresholdAllowed } from './feedback.models.ts';
import { canChangeSettings, canManageRounds, canSeeRound, resultAccess, roundReaderMadrasahIds } from './feedback.policies.ts';
import { createFeedbackRepository, type FeedbackRepository, type ItemRow, type RoundListRow } from './feedback.repository.ts';

/** What the feedback use cases need. */
export interface FeedbackDeps {
  db: Database;
  feedbackRepository: FeedbackRepository;
  peopleRepository: PeopleRepository;
  clock: () => Date;
  /** TUMBUH_PUBLIC_URL without a trailing slash, when the server has one: the student link is built on it. */
  publicUrl?: string | null;
  /**
   * token → round, filled by the system lookup: a token never moves to another round or tenant, and
   * a round's device secret and item set never change (the secret is only erased at close, which
   * the answer statement checks in the database).
   */
  tokenCache: Map<string, TokenEntry>;
  /** Item sets are reference data, frozen once published. */
  itemCache: Map<string, FeedbackItem[]>;
}

const TOKEN_CACHE_MAX = 10_000;

interface TokenEntry {
  tenantId: string;
  id: string;
  deviceSecret: Buffer | null;
  itemSetCode: string;
  itemSetVersion: number;
}

const focusOf = (text: string): FocusDimension => {
  const f = FOCUS_DIMENSIONS.find((d) => d === text);
  if (!f) throw new Error(`unknown focus dimension "${text}"`);
  return f;
};
const presentItem = (row: ItemRow): FeedbackItem => ({ id: row.id, number: row.number, focus: focusOf(row.focus), textId: row.textId, textEn: row.textEn });

async function itemsOf(q: Tx | Database, code: string, version: number, deps: FeedbackDeps): Promise<FeedbackItem[]> {
  const key = `${code}@${version}`;
  const cached = deps.itemCache.get(key);
  if (cached) return cached;
  const items = (await deps.feedbackRepository.itemsOfSet(q, code, version)).map(presentItem);
  deps.itemCache.set(key, items);
  return items;
}

/** The round behind a public token (system lookup, then cached), or 404. */
async function resolveToken(token: string, deps: FeedbackDeps): Promise<TokenEntry> {
  const cached = deps.tokenCache.get(token);
  if (cached) return cached;
  if (!/^[A-Za-z0-9_-]{22,64}$/.test(token)) throw feedbackErrors['feedback.round_not_found']();
  const found = await deps.feedbackRepository.systemFindRoundByToken(deps.db, token);
  if (!found) throw feedbackErrors['feedback.round_not_found']();
  // A closed round (secret erased) is not cached: it is looked up again, and refused.
  if (found.deviceSecret) {
    if (deps.tokenCache.size >= TOKEN_CACHE_MAX) deps.tokenCache.clear();
    deps.tokenCache.set(token, found);
  }
  return found;
}

async function minAnswersOf(tx: Tx, tenantId: string, deps: FeedbackDeps): Promise<number> {
  return effectiveMinAnswers((await deps.feedbackRepository.findSettings(tx, tenantId))?.minAnswers);
}

// ---------- public ----------

/** What a student's phone shows: teacher's name, subject, class and the items; nothing else. */
export async function getPublicRound(token: string, deps: FeedbackDeps): Promise<PublicFeedbackRound> {
  const ref = await resolveToken(token, deps);
  return withTenant(deps.db, ref.tenantId, async (tx) => {
    const row = await deps.feedbackRepository.findRound(tx, ref.tenantId, ref.id);
    if (!row) throw feedbackErrors['feedback.round_not_found']();
    if (effectiveStatus(row.round, deps.clock()) === 'closed') throw feedbackErrors['feedback.round_closed']();
    return {
      teacherName: row.teacherName,
      subjectName: row.subjectName,
      className: row.round.className,
      items: await itemsOf(tx, row.round.itemSetCode, row.round.itemSetVersion, deps),
      commentMax: FEEDBACK_COMMENT_MAX,
    };
  });
}

/**
 * Stores one anonymous answer sheet: the values, the optional comment and HMAC(round secret,
 * device key). Nothing about the sender (no IP, user agent or time column) is written. A second
 * sheet from the same device key, a closed round, or an invalid sheet writes nothing.
 */
export async function submitAnswer(token: string, input: SubmitFeedbackAnswerInput, deps: FeedbackDeps): Promise<void> {
  const ref = await resolveToken(token, deps);
  const secret = ref.deviceSecret;
  if (!secret) throw feedbackErrors['feedback.round_closed']();
  await withTenant(deps.db, ref.tenantId, async (tx) => {
    const items = await itemsOf(tx, ref.itemSetCode, ref.itemSetVersion, deps);
    const checked = checkAnswerSheet(items, { answers: input.answers, comment: input.comment });
    if (!checked.ok) throw invalidAnswersError(checked.problems);
    // One statement: the round's state is checked in the database, under a share lock.
    const outcome = await deps.feedbackRepository.insertAnswerIfOpen(
      tx,
      { tenantId: ref.tenantId, id: uuidv7(), roundId: ref.id, deviceHash: deviceHash(secret, input.deviceKey), comment: checked.comment },
      checked.values,
      deps.clock(),
    );
    if (!outcome.open) throw feedbackErrors['feedback.round_closed']();
    if (!outcome.inserted) throw feedbackErrors['feedback.already_answered']();
  });
}

// ---------- signed-in ----------

function presentRound(actor: Actor, row: RoundListRow, minAnswers: number, now: Date, publicUrl: string | null | undefined): FeedbackRound {
  const r = row.round;
  const manager = canManageRounds(actor, r.madrasahId);
  return {
    id: r.id,
    madrasahId: r.madrasahId,
    teacher: { id: r.teacherId, name: row.teacherName },
    subject: r.subjectId && row.subjectName !== null ? { id: r.subjectId, name: row.subjectName } : null,
    className: r.className,
    status: effectiveStatus(r, now),
    closesAt: r.closesAt ? r.closesAt.toISOString() : null,
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    answerCount: row.answerCount,
    minAnswers,
    resultsAvailable: resultAccess(actor, r) !== 'none' && resultsShown(row.answerCount, minAnswers),
    token: manager ? r.token : null,
    publicPath: manager ? `/u/${r.token}` : null,
    publicUrl: manager && publicUrl ? `${publicUrl}/u/${r.token}` : null,
  };
}

async function audit(tx: Tx, actor: Actor, madrasahId: string | null, entry: { action: string; entityType: string; entityId: string | null; before?: unknown; after?: unknown }): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId, ...entry });
}

/** A round the actor may see; another madrasah's, teacher's or tenant's answers 404. */
async function loadRound(tx: Tx, actor: Actor, id: string, deps: FeedbackDeps): Promise<RoundListRow> {
  const row = await deps.feedbackRepository.findRound(tx, actor.tenantId, id);
  if (!row || !canSeeRound(actor, row.round)) throw feedbackErrors['feedback.round_not_found']();
  return row;
}

/** Audit copy of a round: never the token. */
const auditView = (r: { teacherId: string; subjectId: string | null; className: string; status: string; closesAt: Date | null; closedAt: Date | null }) => ({
  teacherId: r.teacherId,
  subjectId: r.subjectId,
  className: r.className,
  status: r.status,
  closesAt: r.closesAt?.toISOString() ?? null,
  closedAt: r.closedAt?.toISOString() ?? null,
});

export async function getSettings(actor: Actor, deps: FeedbackDeps): Promise<FeedbackSettings> {
  return withTenant(deps.db, actor.tenantId, async (tx) => ({ minAnswers: await minAnswersOf(tx, actor.tenantId, deps) }));
}

/** Sets the tenant's threshold (operator or kepala); below 5 is refused. */
export async function updateSettings(actor: Actor, input: { minAnswers: number }, deps: FeedbackDeps): Promise<FeedbackSettings> {
  if (!canChangeSettings(actor)) throw commonErrors['auth.forbidden']();
  if (!thresholdAllowed(input.minAnswers)) throw feedbackErrors['feedback.threshold_too_low']();
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const before = await minAnswersOf(tx, actor.tenantId, deps);
    await deps.feedbackRepository.upsertSettings(tx, actor.tenantId, input.minAnswers, deps.clock());
    await audit(tx, actor, null, { action: 'feedback.settings.update', entityType: 'feedback_settings', entityId: actor.tenantId, before: { minAnswers: before }, after: { minAnswers: input.minAnswers } });
    return { minAnswers: input.minAnswers };
  });
}

/** Opens a round for a class and teacher (kepala or operator of the teacher's madrasah). */
export async function createRound(actor: Actor, input: CreateFeedbackRoundInput, deps: FeedbackDeps): Promise<FeedbackRound> {
  const now = deps.clock();
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, input.teacherId);
    if (!teacher || !canSeeMadrasah(actor, teacher.madrasahId) || (input.madrasahId && input.madrasahId !== teacher.madrasahId)) throw peopleErrors['people.teacher_not_found']();
    if (!canManageRounds(actor, teacher.madrasahId)) throw commonErrors['auth.forbidden']();
    if (input.subjectId) {
      const subject = await deps.peopleRepository.findSubject(tx, actor.tenantId, input.subjectId);
      if (!subject || subject.madrasahId !== teacher.madrasahId) throw peopleErrors['people.subject_not_found']();
    }
    const closesAt = input.closesAt ? new Date(input.closesAt) : null;
    if (closesAt && closesAt.getTime() <= now.getTime()) throw feedbackErrors['feedback.invalid_closing_time']();
    const set = await deps.feedbackRepository.newestItemSet(tx);
    if (!set) throw new Error('no feedback item set is seeded');
    const id = uuidv7();
    const row = {
      tenantId: actor.tenantId,
      id,
      madrasahId: teacher.madrasahId,
      teacherId: teacher.id,
      subjectId: input.subjectId ?? null,
      className: input.className,
      itemSetCode: set.code,
      itemSetVersion: set.version,
      token: newRoundToken(),
      deviceSecret: newDeviceSecret(),
      status: 'open',
      closesAt,
      closedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await deps.feedbackRepository.insertRound(tx, row);
    await audit(tx, actor, teacher.madrasahId, { action: 'feedback.round.open', entityType: 'feedback_round', entityId: id, after: auditView(row) });
    const created = await loadRound(tx, actor, id, deps);
    return presentRound(actor, created, await minAnswersOf(tx, actor.tenantId, deps), now, deps.publicUrl);
  });
}

/** Rounds the actor may see; a guru sees only rounds about themself. */
export async function listRounds(actor: Actor, query: FeedbackRoundListQuery, deps: FeedbackDeps): Promise<{ items: FeedbackRound[]; total: number }> {
  const now = deps.clock();
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const leads = roundReaderMadrasahIds(actor);
    let teacherId = query.teacherId;
    let madrasahIds: 'all' | string[] = leads;
    if (leads !== 'all' && leads.length === 0) {
      // A guru (or another role without round access): only rounds about themself.
      if (!actor.teacherId || (teacherId && teacherId !== actor.teacherId)) return { items: [], total: 0 };
      teacherId = actor.teacherId;
      madrasahIds = 'all';
    }
    const minAnswers = await minAnswersOf(tx, actor.tenantId, deps);
    const page = await deps.feedbackRepository.listRounds(tx, actor.tenantId, { madrasahIds, madrasahId: query.madrasahId, teacherId, status: query.status, now, limit: query.limit, offset: query.offset });
    return { items: page.items.map((r) => presentRound(actor, r, minAnswers, now, deps.publicUrl)), total: page.total };
  });
}

export async function getRound(actor: Actor, id: string, deps: FeedbackDeps): Promise<FeedbackRound> {
  return withTenant(deps.db, actor.tenantId, async (tx) => presentRound(actor, await loadRound(tx, actor, id, deps), await minAnswersOf(tx, actor.tenantId, deps), deps.clock(), deps.publicUrl));
}

/** Closes a round (kepala or operator); its device secret is erased. Closing a closed round is a no-op. */
export async function closeRound(actor: Actor, id: string, deps: FeedbackDeps): Promise<FeedbackRound> {
  const now = deps.clock();
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadRound(tx, actor, id, deps);
    if (!canManageRounds(actor, row.round.madrasahId)) throw commonErrors['auth.forbidden']();
    if (row.round.status !== 'closed') {
      await deps.feedbackRepository.closeRound(tx, actor.tenantId, id, now);
      await audit(tx, actor, row.round.madrasahId, { action: 'feedback.round.close', entityType: 'feedback_round', entityId: id, before: auditView(row.round), after: auditView({ ...row.round, status: 'closed', closedAt: now }) });
    }
    return presentRound(actor, await loadRound(tx, actor, id, deps), await minAnswersOf(tx, actor.tenantId, deps), now, deps.publicUrl);
  });
}

/**
 * Results of a round: only with at least the threshold of answers (else 409 with the count); the
 * free-text answers only for the kepala madrasah.
 */
export async function getResults(actor: Actor, id: string, deps: FeedbackDeps): Promise<FeedbackResults> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadRound(tx, actor, id, deps);
    const access = resultAccess(actor, row.round);
    if (access === 'none') throw commonErrors['auth.forbidden']();
    const minAnswers = await minAnswersOf(tx, actor.tenantId, deps);
    const answers = await deps.feedbackRepository.countAnswers(tx, actor.tenantId, id);
    if (!resultsShown(answers, minAnswers)) throw notEnoughAnswersError(answers, minAnswers);
    const items = await itemsOf(tx, row.round.itemSetCode, row.round.itemSetVersion, deps);
    const summary = summariseAnswers(items, await deps.feedbackRepository.valueCounts(tx, actor.tenantId, id));
    const comments = access === 'full' ? orderComments(await deps.feedbackRepository.comments(tx, actor.tenantId, id)) : null;
    return { roundId: id, answers, minAnswers, items: summary.items, focus: summary.focus, comments };
  });
}

// ---------- for other modules ----------

/** One round of a teacher's feedback, as the growth page shows it. */
export interface TeacherFeedbackRoundSummary {
  roundId: string;
  className: string;
  subjectName: string | null;
  /** When it closed (or its closing time passed); null while still open. */
  closedAt: string | null;
  createdAt: string;
  answers: number;
  /** Mean 1–4 per focus dimension. */
  focus: Partial<Record<FocusDimension, number>>;
}

/**
 * A teacher's feedback rounds for the growth page, oldest first: only rounds with at least the
 * tenant's threshold of answers (others are left out entirely), aggregates only (no free text).
 * Call inside the caller's `withTenant` transaction. The caller decides who may see it.
 */
export async function feedbackSummaryForTeacherTx(tx: Tx, tenantId: string, teacherId: string, now: Date = new Date()): Promise<TeacherFeedbackRoundSummary[]> {
  const repo = createFeedbackRepository();
  const minAnswers = effectiveMinAnswers((await repo.findSettings(tx, tenantId))?.minAnswers);
  const rows = await repo.teacherRoundFocusMeans(tx, tenantId, teacherId);
  const byRound = new Map<string, TeacherFeedbackRoundSummary>();
  for (const r of rows) {
    if (!resultsShown(r.answers, minAnswers)) continue;
    let s = byRound.get(r.roundId);
    if (!s) {
      const closedAt = r.closedAt ?? (r.closesAt && r.closesAt.getTime() <= now.getTime() ? r.closesAt : null);
      s = { roundId: r.roundId, className: r.className, subjectName: r.subjectName, closedAt: closedAt ? closedAt.toISOString() : null, createdAt: r.createdAt.toISOString(), answers: r.answers, focus: {} };
      byRound.set(r.roundId, s);
    }
    if (r.focus !== null && r.mean !== null) s.focus[focusOf(r.focus)] = Math.round(r.mean * 100) / 100;
  }
  return [...byRound.values()];
}

/** `feedbackSummaryForTeacherTx` in its own tenant transaction. */
export async function feedbackSummaryForTeacher(db: Database, tenantId: string, teacherId: string, now: Date = new Date()): Promise<TeacherFeedbackRoundSummary[]> {
  return withTenant(db, tenantId, (tx) => feedbackSummaryForTeacherTx(tx, tenantId, teacherId, now));
}
