import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/database.ts';
import { subjects, teachers } from '../people/people.tables.ts';
import { feedbackAnswers, feedbackAnswerValues, feedbackItems, feedbackRounds, feedbackSettings } from './feedback.tables.ts';

export type RoundRow = typeof feedbackRounds.$inferSelect;
export type ItemRow = typeof feedbackItems.$inferSelect;

/** A round with the names shown beside it and its answer count. */
export interface RoundListRow {
  round: Omit<RoundRow, 'deviceSecret'>;
  teacherName: string;
  subjectName: string | null;
  answerCount: number;
}

const answerCount = sql<number>`(select count(*)::int from feedback_answers a where a.tenant_id = ${feedbackRounds.tenantId} and a.round_id = ${feedbackRounds.id})`;

/** Every round column except the device secret, which never leaves the answer path. */
const roundColumns = {
  tenantId: feedbackRounds.tenantId,
  id: feedbackRounds.id,
  madrasahId: feedbackRounds.madrasahId,
  teacherId: feedbackRounds.teacherId,
  subjectId: feedbackRounds.subjectId,
  className: feedbackRounds.className,
  itemSetCode: feedbackRounds.itemSetCode,
  itemSetVersion: feedbackRounds.itemSetVersion,
  token: feedbackRounds.token,
  status: feedbackRounds.status,
  closesAt: feedbackRounds.closesAt,
  closedAt: feedbackRounds.closedAt,
  createdBy: feedbackRounds.createdBy,
  createdAt: feedbackRounds.createdAt,
  updatedAt: feedbackRounds.updatedAt,
};

/** SQL of student feedback. Every method takes the tenant (callers run it inside `withTenant`), except the named system lookup. */
export function createFeedbackRepository() {
  const listSelect = (q: Queryable) =>
    q
      .select({ round: roundColumns, teacherName: teachers.name, subjectName: subjects.name, answerCount })
      .from(feedbackRounds)
      .innerJoin(teachers, and(eq(teachers.tenantId, feedbackRounds.tenantId), eq(teachers.id, feedbackRounds.teacherId)))
      .leftJoin(subjects, and(eq(subjects.tenantId, feedbackRounds.tenantId), eq(subjects.id, feedbackRounds.subjectId)));

  return {
    /**
     * SYSTEM LOOKUP (docs/decisions/0001): the tenant and id of a round by its public token, before
     * any tenant is known, on the connection's own role. Returns nothing else; all further work on
     * the round runs inside `withTenant`.
     */
    async systemFindRoundByToken(db: Database, token: string): Promise<{ tenantId: string; id: string; deviceSecret: Buffer | null; itemSetCode: string; itemSetVersion: number } | undefined> {
      const rows = await db
        .select({ tenantId: feedbackRounds.tenantId, id: feedbackRounds.id, deviceSecret: feedbackRounds.deviceSecret, itemSetCode: feedbackRounds.itemSetCode, itemSetVersion: feedbackRounds.itemSetVersion })
        .from(feedbackRounds)
        .where(eq(feedbackRounds.token, token))
        .limit(1);
      return rows[0];
    },

    /** The items of a (reference) item set, in order. */
    async itemsOfSet(q: Queryable, code: string, version: number): Promise<ItemRow[]> {
      return q.select().from(feedbackItems).where(and(eq(feedbackItems.setCode, code), eq(feedbackItems.setVersion, version))).orderBy(asc(feedbackItems.number));
    },

    /** The newest published item set. */
    async newestItemSet(q: Queryable): Promise<{ code: string; version: number } | undefined> {
      const rows = await q.select({ code: feedbackItems.setCode, version: feedbackItems.setVersion }).from(feedbackItems).orderBy(desc(feedbackItems.setVersion)).limit(1);
      return rows[0];
    },

    // ---------- settings ----------
    async findSettings(q: Queryable, tenantId: string): Promise<{ minAnswers: number } | undefined> {
      const rows = await q.select({ minAnswers: feedbackSettings.minAnswers }).from(feedbackSettings).where(eq(feedbackSettings.tenantId, tenantId)).limit(1);
      return rows[0];
    },

    async upsertSettings(q: Queryable, tenantId: string, minAnswers: number, now: Date): Promise<void> {
      await q
        .insert(feedbackSettings)
        .values({ tenantId, minAnswers, updatedAt: now })
        .onConflictDoUpdate({ target: feedbackSettings.tenantId, set: { minAnswers, updatedAt: now } });
    },

    // ---------- rounds ----------
    async insertRound(q: Queryable, row: typeof feedbackRounds.$inferInsert): Promise<void> {
      await q.insert(feedbackRounds).values(row);
    },

    async findRound(q: Queryable, tenantId: string, id: string): Promise<RoundListRow | undefined> {
      const rows = await listSelect(q)
        .where(and(eq(feedbackRounds.tenantId, tenantId), eq(feedbackRounds.id, id)))
        .limit(1);
      return rows[0];
    },

    /** Rounds matching the filter, newest first. `teacherId` restricts to one teacher (a guru's own). */
    async listRounds(
      q: Queryable,
      tenantId: string,
      f: { madrasahIds: 'all' | string[]; madrasahId?: string | undefined; teacherId?: string | undefined; status?: 'open' | 'closed' | undefined; now: Date; limit: number; offset: number },
    ): Promise<{ items: RoundListRow[]; total: number }> {
      const statusWhere: SQL | undefined =
        f.status === 'open'
          ? sql`(${feedbackRounds.status} = 'open' and (${feedbackRounds.closesAt} is null or ${feedbackRounds.closesAt} > ${f.now}))`
          : f.status === 'closed'
            ? sql`(${feedbackRounds.status} = 'closed' or ${feedbackRounds.closesAt} <= ${f.now})`
            : undefined;
      const where = and(
        eq(feedbackRounds.tenantId, tenantId),
        f.madrasahIds === 'all' ? undefined : f.madrasahIds.length === 0 ? sql`false` : inArray(feedbackRounds.madrasahId, f.madrasahIds),
        f.madrasahId ? eq(feedbackRounds.madrasahId, f.madrasahId) : undefined,
        f.teacherId ? eq(feedbackRounds.teacherId, f.teacherId) : undefined,
        statusWhere,
      );
      const items = await listSelect(q).where(where).orderBy(desc(feedbackRounds.createdAt), desc(feedbackRounds.id)).limit(f.limit).offset(f.offset);
      const totals = await q.select({ n: count() }).from(feedbackRounds).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    /** Closes a round and erases its device secret. */
    async closeRound(q: Queryable, tenantId: string, id: string, now: Date): Promise<void> {
      await q
        .update(feedbackRounds)
        .set({ status: 'closed', closedAt: now, deviceSecret: null, updatedAt: now })
        .where(and(eq(feedbackRounds.tenantId, tenantId), eq(feedbackRounds.id, id)));
    },

    // ---------- answers ----------
    /**
     * One statement: inserts the answer sheet and its values only while the round is open (not
     * closed, secret not erased, closing time not passed; the round row share-locked so a close
     * waits) and this device hash has not answered it. `open` false: closed; `inserted` false: the
     * device already answered. Nothing is written unless both hold.
     */
    async insertAnswerIfOpen(
      q: Queryable,
      row: { tenantId: string; id: string; roundId: string; deviceHash: string; comment: string | null },
      values: { itemId: string; value: number }[],
      now: Date,
    ): Promise<{ open: boolean; inserted: boolean }> {
      const itemIds = `{${values.map((v) => v.itemId).join(',')}}`;
      const numbers = `{${values.map((v) => v.value).join(',')}}`;
      const result = await q.execute<{ open: number; inserted: number }>(sql`
        with r as (
          select id from feedback_rounds
          where tenant_id = ${row.tenantId} and id = ${row.roundId} and status = 'open' and device_secret is not null
            and (closes_at is null or closes_at > ${now.toISOString()}::timestamptz)
          for share
        ), a as (
          insert into feedback_answers (tenant_id, id, round_id, device_hash, comment)
          select ${row.tenantId}::uuid, ${row.id}::uuid, r.id, ${row.deviceHash}, ${row.comment} from r
          on conflict do nothing
          returning id
        ), v as (
          insert into feedback_answer_values (tenant_id, answer_id, item_id, value)
          select ${row.tenantId}::uuid, a.id, x.item_id, x.value
          from a, unnest(${itemIds}::uuid[], ${numbers}::smallint[]) as x(item_id, value)
          returning 1
        )
        select (select count(*) from r)::int as open, (select count(*) from a)::int as inserted`);
      const r = result.rows[0];
      return { open: (r?.open ?? 0) > 0, inserted: (r?.inserted ?? 0) > 0 };
    },

    async countAnswers(q: Queryable, tenantId: string, roundId: string): Promise<number> {
      const rows = await q.select({ n: count() }).from(feedbackAnswers).where(and(eq(feedbackAnswers.tenantId, tenantId), eq(feedbackAnswers.roundId, roundId)));
      return rows[0]?.n ?? 0;
    },

    /** How many answers gave each value to each item of the round. */
    async valueCounts(q: Queryable, tenantId: string, roundId: string): Promise<{ itemId: string; value: number; n: number }[]> {
      return q
        .select({ itemId: feedbackAnswerValues.itemId, value: feedbackAnswerValues.value, n: sql<number>`count(*)::int` })
        .from(feedbackAnswerValues)
        .innerJoin(feedbackAnswers, and(eq(feedbackAnswers.tenantId, feedbackAnswerValues.tenantId), eq(feedbackAnswers.id, feedbackAnswerValues.answerId)))
        .where(and(eq(feedbackAnswerValues.tenantId, tenantId), eq(feedbackAnswers.roundId, roundId)))
        .groupBy(feedbackAnswerValues.itemId, feedbackAnswerValues.value);
    },

    async comments(q: Queryable, tenantId: string, roundId: string): Promise<(string | null)[]> {
      const rows = await q
        .select({ comment: feedbackAnswers.comment })
        .from(feedbackAnswers)
        .where(and(eq(feedbackAnswers.tenantId, tenantId), eq(feedbackAnswers.roundId, roundId), sql`${feedbackAnswers.comment} is not null`));
      return rows.map((r) => r.comment);
    },

    /** Every round of a teacher with its answer count and the mean per focus dimension (one query). */
    async teacherRoundFocusMeans(
      q: Queryable,
      tenantId: string,
      teacherId: string,
    ): Promise<{ roundId: string; className: string; subjectName: string | null; status: string; closesAt: Date | null; closedAt: Date | null; createdAt: Date; answers: number; focus: string | null; mean: number | null }[]> {
      const result = await q.execute<{ round_id: string; class_name: string; subject_name: string | null; status: string; closes_at: string | null; closed_at: string | null; created_at: string; answers: number; focus: string | null; mean: string | null }>(sql`
        select r.id as round_id, r.class_name, s.name as subject_name, r.status, r.closes_at, r.closed_at, r.created_at,
               (select count(*)::int from feedback_answers a where a.tenant_id = r.tenant_id and a.round_id = r.id) as answers,
               f.focus, f.mean
        from feedback_rounds r
        left join subjects s on s.tenant_id = r.tenant_id and s.id = r.subject_id
        left join lateral (
          select i.focus, avg(v.value)::float8 as mean
          from feedback_answers a
          join feedback_answer_values v on v.tenant_id = a.tenant_id and v.answer_id = a.id
          join feedback_items i on i.id = v.item_id
          where a.tenant_id = r.tenant_id and a.round_id = r.id
          group by i.focus
        ) f on true
        where r.tenant_id = ${tenantId} and r.teacher_id = ${teacherId}
        order by r.created_at, r.id`);
      return result.rows.map((r) => ({
        roundId: r.round_id,
        className: r.class_name,
        subjectName: r.subject_name,
        status: r.status,
        closesAt: r.closes_at ? new Date(r.closes_at) : null,
        closedAt: r.closed_at ? new Date(r.closed_at) : null,
        createdAt: new Date(r.created_at),
        answers: r.answers,
        focus: r.focus,
        mean: r.mean === null ? null : Number(r.mean),
      }));
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
