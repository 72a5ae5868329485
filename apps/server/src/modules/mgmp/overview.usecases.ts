import type { MgmpMadrasahOverview, MgmpMadrasahOverviewGroup } from '@tumbuh/shared';
import { withTenant } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { peopleErrors } from '../people/people.errors.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { visibleMadrasahIds } from '../tenancy/tenancy.models.ts';
import type { MgmpDeps } from './mgmp.context.ts';
import { todayInIndonesia } from './mgmp.models.ts';
import { canReadGroupOverview } from './overview.policies.ts';
import { memberRole } from './mgmp.presenters.ts';
import { attendanceFromTotals, mergeTopics, overviewPeriod, pooledAttendance, semesterExactly, sumCounts } from './overview.models.ts';
import type { MgmpOverviewRepository } from './overview.repository.ts';

export type MgmpOverviewDeps = MgmpDeps & { overviewRepository: MgmpOverviewRepository };

const MEETING_KEYS = ['planned', 'held', 'cancelled', 'upcoming'] as const;
const DECISION_KEYS = ['made', 'reviewed', 'dueForReview', 'open'] as const;
const FOLLOW_UP_KEYS = ['total', 'done', 'overdue', 'open'] as const;

function byGroup<T extends { groupId: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.groupId, r]));
}

/**
 * The MGMP overview of a madrasah (or of everything the actor sees): per group and in total, for a
 * period (default: the current semester) — meetings planned vs held, average attendance, decisions
 * made and reviewed, follow-ups done / open / overdue, topics covered. Groups are those the actor
 * may read (see `canReadGroupOverview`); a teacher sees only their own groups. Two queries for
 * any number of groups (the groups, then one statement for every figure), in one tenant transaction.
 * @throws people.madrasah_not_found (outside the actor's madrasahs or the tenant), common.validation_failed (period ends before it starts)
 */
export async function getMadrasahOverview(actor: Actor, query: { madrasahId?: string | undefined; from?: string | undefined; to?: string | undefined }, deps: MgmpOverviewDeps): Promise<MgmpMadrasahOverview> {
  const today = todayInIndonesia(deps.clock());
  const period = overviewPeriod(query, today);
  if (period === 'to_before_from') throw commonErrors['common.validation_failed']([{ path: 'query.to', code: 'custom', message: 'to_before_from' }]);
  const { from, to } = period;
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (query.madrasahId !== undefined) {
      if (!canSeeMadrasah(actor, query.madrasahId) || !(await deps.peopleRepository.findMadrasah(tx, actor.tenantId, query.madrasahId))) throw peopleErrors['people.madrasah_not_found']();
    }
    const repo = deps.overviewRepository;
    const candidates = await repo.groupsInScope(tx, actor.tenantId, { madrasahIds: visibleMadrasahIds(actor), madrasahId: query.madrasahId, teacherId: actor.teacherId });
    const groups = candidates.filter((g) => canReadGroupOverview(actor, g, memberRole(g.myRole)));
    const ids = groups.map((g) => g.id);
    const figures = await repo.overviewFigures(tx, actor.tenantId, ids, from, to, today, false);
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
      madrasahId: query.madrasahId ?? null,
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
  });
}
