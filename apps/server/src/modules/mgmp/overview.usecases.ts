import { mgmpMadrasahOverviewSchema, mgmpOverviewSchema, type MgmpMadrasahOverview, type MgmpMadrasahOverviewGroup, type MgmpOverview } from '@tumbuh/shared';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { peopleErrors } from '../people/people.errors.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { visibleMadrasahIds } from '../tenancy/tenancy.models.ts';
import { FACT_SIZE, sizeOfJson, type ReadCache } from '../cache/read-cache.models.ts';
import type { CachedJson } from '../cache/read-cache.reply.ts';
import { requireRead, type GroupContext, type MgmpDeps } from './mgmp.context.ts';
import { mgmpErrors } from './mgmp.errors.ts';
import { todayInIndonesia } from './mgmp.models.ts';
import { canSeeGroup, groupAccess } from './mgmp.policies.ts';
import type { GroupRow } from './mgmp.repository.ts';
import { canReadGroupOverview } from './overview.policies.ts';
import { memberRole } from './mgmp.presenters.ts';
import { attendanceFromTotals, mergeTopics, overviewPeriod, pooledAttendance, semesterExactly, sumCounts } from './overview.models.ts';
import type { MgmpOverviewRepository, OverviewFigures } from './overview.repository.ts';

export type MgmpOverviewDeps = MgmpDeps & { overviewRepository: MgmpOverviewRepository };

const MEETING_KEYS = ['planned', 'held', 'cancelled', 'upcoming'] as const;
const DECISION_KEYS = ['made', 'reviewed', 'dueForReview', 'open'] as const;
const FOLLOW_UP_KEYS = ['total', 'done', 'overdue', 'open'] as const;

function byGroup<T extends { groupId: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.groupId, r]));
}

/** What the madrasah-wide overview reads for a scope and period, the same for every reader of it. */
interface ScopeFacts {
  /** False when the asked madrasah does not exist in the tenant. */
  madrasahFound: boolean;
  groups: { id: string; name: string; madrasahId: string | null; archivedAt: Date | null; memberCount: number }[];
  figures: OverviewFigures;
}

/** The cache key of a scope: the asked madrasah, or the madrasahs the actor sees (sorted), or all. */
function scopeKey(actor: Actor, madrasahId: string | undefined): string {
  if (madrasahId !== undefined) return `m:${madrasahId}`;
  const ids = visibleMadrasahIds(actor);
  return ids === 'all' ? 'all' : `v:${[...ids].sort().join(',')}`;
}

/**
 * The MGMP overview of a madrasah (or of everything the actor sees): per group and in total, for a
 * period (default: the current semester) — meetings planned vs held, average attendance, decisions
 * made and reviewed, follow-ups done / open / overdue, topics covered. Groups are those the actor
 * may read (see `canReadGroupOverview`); a teacher sees only their own groups.
 *
 * Read cache (see modules/cache): the groups of the scope and every figure of them (two queries
 * for any number of groups, in one tenant transaction) are cached per scope, period and day — the
 * same for every reader of that scope; the actor's offices are cached per teacher. Which groups the
 * actor may read, and whether they may see the asked madrasah, is decided from these on EVERY
 * request, cached or not.
 * @throws people.madrasah_not_found (outside the actor's madrasahs or the tenant), common.validation_failed (period ends before it starts)
 */
export async function getMadrasahOverview(
  actor: Actor,
  query: { madrasahId?: string | undefined; from?: string | undefined; to?: string | undefined },
  deps: MgmpOverviewDeps,
  cache: ReadCache,
): Promise<{ overview: MgmpMadrasahOverview; hit: boolean } | CachedJson> {
  const today = todayInIndonesia(deps.clock());
  const period = overviewPeriod(query, today);
  if (period === 'to_before_from') throw commonErrors['common.validation_failed']([{ path: 'query.to', code: 'custom', message: 'to_before_from' }]);
  const { from, to } = period;
  if (query.madrasahId !== undefined && !canSeeMadrasah(actor, query.madrasahId)) throw peopleErrors['people.madrasah_not_found']();
  const tenantId = actor.tenantId;
  const repo = deps.overviewRepository;
  const stamp = cache.stamp(tenantId);
  const key = `mgmp.overview:${scopeKey(actor, query.madrasahId)}:${from}:${to}:${today}`;
  const facts = await cache.load<ScopeFacts>(stamp, key, () =>
    withTenant(deps.db, tenantId, async (tx) => {
      if (query.madrasahId !== undefined && !(await deps.peopleRepository.findMadrasah(tx, tenantId, query.madrasahId))) {
        return { value: { madrasahFound: false, groups: [], figures: { meetings: [], decisions: [], followUps: [], topics: [], members: [] } }, size: FACT_SIZE };
      }
      const groups = (await repo.groupsInScope(tx, tenantId, { madrasahIds: visibleMadrasahIds(actor), madrasahId: query.madrasahId, teacherId: null })).map(({ myRole: _, ...g }) => g);
      const figures = await repo.overviewFigures(tx, tenantId, groups.map((g) => g.id), from, to, today, false);
      const value: ScopeFacts = { madrasahFound: true, groups, figures };
      return { value, size: FACT_SIZE + sizeOfJson(JSON.stringify(value)) };
    }),
  );
  if (!facts.value.madrasahFound) throw peopleErrors['people.madrasah_not_found']();
  let roles: { value: Record<string, string>; hit: boolean } = { value: {}, hit: true };
  if (actor.teacherId) {
    const teacherId = actor.teacherId;
    roles = await cache.load(stamp, `mgmp.roles-of:${teacherId}`, async () => {
      const value = await withTenant(deps.db, tenantId, (tx) => repo.rolesOfTeacher(tx, tenantId, teacherId));
      return { value, size: FACT_SIZE + sizeOfJson(JSON.stringify(value)) };
    });
  }
  const groups = facts.value.groups.filter((g) => canReadGroupOverview(actor, g, memberRole(roles.value[g.id] ?? null)));
  if (groups.length === facts.value.groups.length) {
    // The reader sees every group of the scope (kepala, operator, pengawas): the whole answer is the
    // same for all such readers, so it is assembled and serialised once (300 groups: ~7 ms of CPU).
    const whole = await cache.load<string>(stamp, `${key}:whole`, async () => {
      const json = JSON.stringify(mgmpMadrasahOverviewSchema.parse(assembleOverview(query.madrasahId ?? null, from, to, groups, facts.value.figures)));
      return { value: json, size: FACT_SIZE + sizeOfJson(json) };
    });
    return { json: whole.value, hit: facts.hit && roles.hit && whole.hit };
  }
  return { overview: assembleOverview(query.madrasahId ?? null, from, to, groups, facts.value.figures), hit: facts.hit && roles.hit };
}

/** The overview answer from the groups the actor may read and the figures of the scope. Pure. */
function assembleOverview(madrasahId: string | null, from: string, to: string, groups: ScopeFacts['groups'], figures: OverviewFigures): MgmpMadrasahOverview {
  const meetings = byGroup(figures.meetings);
  const decisions = byGroup(figures.decisions);
  const followUps = byGroup(figures.followUps);
  const topics = new Map<string, { topicId: string; name: string; meetings: number }[]>();
  for (const t of figures.topics) {
    const list = topics.get(t.groupId) ?? [];
    list.push({ topicId: t.topicId, name: t.name, meetings: t.meetings });
    topics.set(t.groupId, list);
  }

  const perGroup = groups.map((g) => {
    const m = meetings.get(g.id) ?? { planned: 0, held: 0, cancelled: 0, upcoming: 0, presentTotal: 0 };
    const d = decisions.get(g.id) ?? { made: 0, reviewed: 0, dueForReview: 0, open: 0 };
    const f = followUps.get(g.id) ?? { total: 0, done: 0, overdue: 0, open: 0 };
    const totals = { held: m.held, members: g.memberCount, presentTotal: m.presentTotal };
    const item: MgmpMadrasahOverviewGroup = {
      groupId: g.id,
      name: g.name,
      madrasahId: g.madrasahId,
      archived: g.archivedAt !== null,
      memberCount: g.memberCount,
      meetings: { planned: m.planned, held: m.held, cancelled: m.cancelled, upcoming: m.upcoming },
      averageAttendance: attendanceFromTotals(totals),
      decisions: { made: d.made, reviewed: d.reviewed, dueForReview: d.dueForReview, open: d.open },
      followUps: { total: f.total, done: f.done, overdue: f.overdue, open: f.open },
      topicsCovered: mergeTopics([topics.get(g.id) ?? []]),
    };
    return { item, totals };
  });
  const items = perGroup.map((p) => p.item);
  return {
    madrasahId,
    from,
    to,
    semester: semesterExactly(from, to),
    groups: items,
    totals: {
      groups: items.length,
      meetings: sumCounts(items.map((i) => i.meetings), MEETING_KEYS),
      averageAttendance: pooledAttendance(perGroup.map((p) => p.totals)),
      decisions: sumCounts(items.map((i) => i.decisions), DECISION_KEYS),
      followUps: sumCounts(items.map((i) => i.followUps), FOLLOW_UP_KEYS),
      topicsCovered: mergeTopics(items.map((i) => i.topicsCovered)),
    },
  };
}

/**
 * The access of the actor to a group, from the group row and the actor's office in it (what
 * `loadGroup` decides): an unseen or missing group answers 404. Pure; runs on every request, also
 * when the rows come from the read cache.
 */
export function groupContextOf(actor: Actor, group: GroupRow | null, myRoleText: string | null): GroupContext {
  if (!group || !canSeeGroup(actor, group)) throw mgmpErrors['mgmp.group_not_found']();
  const myRole = memberRole(myRoleText);
  return { group, myRole, access: groupAccess(actor, group, myRole) };
}

/** The group overview payload (figures only, the same for every reader of the group), read in `tx`. */
async function groupOverviewPayload(tx: Tx, tenantId: string, groupId: string, from: string, to: string, today: string, deps: MgmpDeps): Promise<MgmpOverview> {
  // Every figure in one statement: one round trip and one plan for the whole page.
  const figures = await deps.mgmpRepository.overviewFigures(tx, tenantId, [groupId], from, to, today, true);
  const m = figures.meetings[0] ?? { planned: 0, held: 0, cancelled: 0, upcoming: 0, presentTotal: 0 };
  const d = figures.decisions[0] ?? { made: 0, reviewed: 0, dueForReview: 0, open: 0 };
  const f = figures.followUps[0] ?? { total: 0, done: 0, overdue: 0, open: 0 };
  return {
    groupId,
    from,
    to,
    meetings: { planned: m.planned, held: m.held, cancelled: m.cancelled, upcoming: m.upcoming },
    averageAttendance: attendanceFromTotals({ held: m.held, members: figures.members.length, presentTotal: m.presentTotal }),
    decisions: { made: d.made, reviewed: d.reviewed, dueForReview: d.dueForReview, open: d.open },
    followUps: { total: f.total, done: f.done, overdue: f.overdue, open: f.open },
    topicsCovered: figures.topics.map(({ topicId, name, meetings }) => ({ topicId, name, meetings })),
    memberAttendance: figures.members.map((x) => ({ ...x, rate: x.recorded === 0 ? null : x.present / x.recorded })),
  };
}

/**
 * The overview of one group for a period (default: its term), as serialised JSON. Members and
 * managers read it; a teacher who only knows the group exists gets 403, an unseen group 404.
 *
 * Read cache (see modules/cache): what does not depend on who asks — the group row and the
 * payload for the period and day (overdue counts depend on today) — is read in one tenant
 * transaction and cached together; the actor's office in the group is cached per teacher. The
 * access decision is taken from these rows with the actor's current roles on EVERY request,
 * cached or not. Values are stored under the generation stamped before the first read, so a
 * concurrent write is never hidden; concurrent misses of one key share one computation.
 * @throws mgmp.group_not_found, auth.forbidden
 */
export async function getGroupOverviewJson(actor: Actor, groupId: string, query: { from?: string | undefined; to?: string | undefined }, deps: MgmpDeps, cache: ReadCache): Promise<CachedJson> {
  const tenantId = actor.tenantId;
  const stamp = cache.stamp(tenantId);
  const today = todayInIndonesia(deps.clock());
  const page = await cache.load<{ group: GroupRow | null; json: string | null }>(stamp, `mgmp.group-overview:${groupId}:${query.from ?? 'term'}:${query.to ?? 'term'}:${today}`, () =>
    withTenant(deps.db, tenantId, async (tx) => {
      const group = (await deps.mgmpRepository.findGroup(tx, tenantId, groupId)) ?? null;
      if (!group) return { value: { group: null, json: null }, size: FACT_SIZE };
      const from = query.from ?? group.termStart;
      const to = query.to ?? group.termEnd;
      // The shape the route's response schema would give (unknown keys dropped), serialised once.
      const json = JSON.stringify(mgmpOverviewSchema.parse(await groupOverviewPayload(tx, tenantId, groupId, from, to, today, deps)));
      return { value: { group, json }, size: FACT_SIZE + sizeOfJson(json) };
    }),
  );
  const { group, json } = page.value;
  let role: { value: string | null; hit: boolean } = { value: null, hit: true };
  if (group && canSeeGroup(actor, group) && actor.teacherId) {
    const teacherId = actor.teacherId;
    role = await cache.load(stamp, `mgmp.role:${groupId}:${teacherId}`, async () => ({
      value: await withTenant(deps.db, tenantId, async (tx) => (await deps.mgmpRepository.findMemberRole(tx, tenantId, groupId, teacherId)) ?? null),
      size: FACT_SIZE,
    }));
  }
  requireRead(groupContextOf(actor, group, role.value));
  if (json === null) throw mgmpErrors['mgmp.group_not_found']();
  return { json, hit: page.hit && role.hit };
}
