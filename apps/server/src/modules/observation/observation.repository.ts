import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { mgmpGroups } from '../mgmp/mgmp.tables.ts';
import { teachers } from '../people/people.tables.ts';
import { roleGrants, users } from '../tenancy/tenancy.tables.ts';
import type { ObservationReadScope } from './observation.models.ts';
import { observationGoals, observationNoteIndicators, observationNotes, observationRatings, observationReflections, observations } from './observation.tables.ts';

export type ObservationRow = typeof observations.$inferSelect;
export type GoalRow = typeof observationGoals.$inferSelect;

/** An observation with the names shown beside it and its number of notes. */
export interface ObservationListRow {
  observation: ObservationRow;
  teacherName: string;
  observerName: string;
  noteCount: number;
}

export interface NoteRow {
  id: string;
  observationId: string;
  notedAt: Date;
  text: string;
  authorUserId: string;
  authorName: string;
  updatedAt: Date;
  indicatorIds: string[];
}

export interface GoalListRow {
  goal: GoalRow;
  groupName: string | null;
}

/** Where-clause of what `scope` may list (the SQL twin of `observationAccess` ≠ none). */
function readable(scope: ObservationReadScope): SQL | undefined {
  if (scope.leadMadrasahIds === 'all') return undefined;
  return or(
    scope.leadMadrasahIds.length > 0 ? inArray(observations.madrasahId, scope.leadMadrasahIds) : undefined,
    eq(observations.observerUserId, scope.userId),
    scope.teacherId ? eq(observations.teacherId, scope.teacherId) : undefined,
  );
}

const noteCount = sql<number>`(select count(*)::int from observation_notes n where n.tenant_id = ${observations.tenantId} and n.observation_id = ${observations.id})`.mapWith(Number);
const indicatorIdsOfNote = sql<string[]>`coalesce((select array_agg(ni.indicator_id::text order by ni.indicator_id) from observation_note_indicators ni where ni.tenant_id = ${observationNotes.tenantId} and ni.note_id = ${observationNotes.id}), '{}')`;

/** SQL of classroom observation. Every method takes the tenant; callers run it inside `withTenant`. */
export function createObservationRepository() {
  const listSelect = (q: Queryable) =>
    q
      .select({ observation: observations, teacherName: teachers.name, observerName: users.name, noteCount })
      .from(observations)
      .innerJoin(teachers, and(eq(teachers.tenantId, observations.tenantId), eq(teachers.id, observations.teacherId)))
      .innerJoin(users, and(eq(users.tenantId, observations.tenantId), eq(users.id, observations.observerUserId)));

  const notesSelect = (q: Queryable) =>
    q
      .select({
        id: observationNotes.id,
        observationId: observationNotes.observationId,
        notedAt: observationNotes.notedAt,
        text: observationNotes.text,
        authorUserId: observationNotes.authorUserId,
        authorName: users.name,
        updatedAt: observationNotes.updatedAt,
        indicatorIds: indicatorIdsOfNote,
      })
      .from(observationNotes)
      .innerJoin(users, and(eq(users.tenantId, observationNotes.tenantId), eq(users.id, observationNotes.authorUserId)));

  return {
    // ---------- observations ----------
    async insertObservation(q: Queryable, row: typeof observations.$inferInsert): Promise<void> {
      await q.insert(observations).values(row);
    },

    async updateObservation(q: Queryable, tenantId: string, id: string, patch: Partial<typeof observations.$inferInsert>): Promise<void> {
      await q.update(observations).set(patch).where(and(eq(observations.tenantId, tenantId), eq(observations.id, id)));
    },

    /** One observation with names, or undefined (also for another tenant's id: RLS hides it). */
    async findObservation(q: Queryable, tenantId: string, id: string): Promise<ObservationListRow | undefined> {
      const rows = await listSelect(q).where(and(eq(observations.tenantId, tenantId), eq(observations.id, id))).limit(1);
      return rows[0];
    },

    /** Locks an observation row for a write (so two writes on one observation run one after the other). */
    async lockObservation(q: Queryable, tenantId: string, id: string): Promise<boolean> {
      const rows = await q.select({ id: observations.id }).from(observations).where(and(eq(observations.tenantId, tenantId), eq(observations.id, id))).for('update');
      return rows.length > 0;
    },

    /** Observations `scope` may see, newest lesson first. */
    async listObservations(
      q: Queryable,
      tenantId: string,
      scope: ObservationReadScope,
      f: { teacherId?: string | undefined; periodId?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: ObservationListRow[]; total: number }> {
      const where = and(
        eq(observations.tenantId, tenantId),
        readable(scope),
        f.teacherId ? eq(observations.teacherId, f.teacherId) : undefined,
        f.periodId ? eq(observations.periodId, f.periodId) : undefined,
        f.status ? eq(observations.status, f.status) : undefined,
      );
      const items = await listSelect(q).where(where).orderBy(desc(observations.scheduledAt), desc(observations.id)).limit(f.limit).offset(f.offset);
      const totals = await q.select({ n: count() }).from(observations).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    /** Active accounts of other teachers of the madrasah holding the guru role there (or tenant-wide): who may be a peer observer. */
    async listPeerCandidates(q: Queryable, tenantId: string, madrasahId: string, exceptTeacherId: string) {
      return q
        .selectDistinct({ userId: users.id, name: users.name })
        .from(users)
        .innerJoin(teachers, and(eq(teachers.tenantId, users.tenantId), eq(teachers.id, users.teacherId)))
        .innerJoin(roleGrants, and(eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id), eq(roleGrants.role, 'guru')))
        .where(
          and(
            eq(users.tenantId, tenantId),
            eq(users.active, true),
            eq(teachers.madrasahId, madrasahId),
            sql`${teachers.id} <> ${exceptTeacherId}`,
            or(sql`${roleGrants.madrasahId} is null`, eq(roleGrants.madrasahId, madrasahId)),
          ),
        )
        .orderBy(asc(users.name))
        .limit(500);
    },

    // ---------- notes ----------
    /** A note by its (device-generated) id, whatever observation it belongs to. */
    async findNote(q: Queryable, tenantId: string, id: string): Promise<NoteRow | undefined> {
      const rows = await notesSelect(q).where(and(eq(observationNotes.tenantId, tenantId), eq(observationNotes.id, id))).limit(1);
      return rows[0];
    },

    async listNotes(q: Queryable, tenantId: string, observationId: string): Promise<NoteRow[]> {
      return notesSelect(q)
        .where(and(eq(observationNotes.tenantId, tenantId), eq(observationNotes.observationId, observationId)))
        .orderBy(asc(observationNotes.notedAt), asc(observationNotes.id));
    },

    /** Writes a note (insert or replace its text, time and tags). */
    async saveNote(q: Queryable, row: { tenantId: string; id: string; observationId: string; notedAt: Date; text: string; authorUserId: string; now: Date }, indicatorIds: readonly string[]): Promise<void> {
      await q
        .insert(observationNotes)
        .values({ tenantId: row.tenantId, id: row.id, observationId: row.observationId, notedAt: row.notedAt, text: row.text, authorUserId: row.authorUserId, createdAt: row.now, updatedAt: row.now })
        .onConflictDoUpdate({ target: [observationNotes.tenantId, observationNotes.id], set: { notedAt: row.notedAt, text: row.text, updatedAt: row.now } });
      await q.delete(observationNoteIndicators).where(and(eq(observationNoteIndicators.tenantId, row.tenantId), eq(observationNoteIndicators.noteId, row.id)));
      if (indicatorIds.length > 0) await q.insert(observationNoteIndicators).values(indicatorIds.map((indicatorId) => ({ tenantId: row.tenantId, noteId: row.id, indicatorId })));
    },

    async deleteNote(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(observationNoteIndicators).where(and(eq(observationNoteIndicators.tenantId, tenantId), eq(observationNoteIndicators.noteId, id)));
      await q.delete(observationNotes).where(and(eq(observationNotes.tenantId, tenantId), eq(observationNotes.id, id)));
    },

    /**
     * The notes of a teacher's shared (reflected or closed) observations whose lesson falls in
     * [from, to] (ISO instants, either open), with the observation they belong to.
     */
    async listSharedNotesOfTeacher(q: Queryable, tenantId: string, teacherId: string, range: { from?: Date | undefined; to?: Date | undefined }) {
      return q
        .select({
          id: observationNotes.id,
          observationId: observations.id,
          scheduledAt: observations.scheduledAt,
          periodId: observations.periodId,
          instrumentCode: observations.instrumentCode,
          instrumentVersion: observations.instrumentVersion,
          notedAt: observationNotes.notedAt,
          text: observationNotes.text,
          indicatorIds: indicatorIdsOfNote,
        })
        .from(observationNotes)
        .innerJoin(observations, and(eq(observations.tenantId, observationNotes.tenantId), eq(observations.id, observationNotes.observationId)))
        .where(
          and(
            eq(observationNotes.tenantId, tenantId),
            eq(observations.teacherId, teacherId),
            inArray(observations.status, ['reflected', 'closed']),
            range.from ? gte(observations.scheduledAt, range.from) : undefined,
            range.to ? lte(observations.scheduledAt, range.to) : undefined,
          ),
        )
        .orderBy(asc(observations.scheduledAt), asc(observationNotes.notedAt), asc(observationNotes.id));
    },

    /**
     * The notes of a teacher's observations (any status but planned) whose lesson falls in
     * [from, to] or that are linked to `periodId`, with what decides who may read them and the
     * observer's name; oldest first, at most 1000.
     */
    async listNotesOfTeacherForEvidence(q: Queryable, tenantId: string, teacherId: string, window: { from: Date; to: Date; periodId: string }) {
      return q
        .select({
          id: observationNotes.id,
          observationId: observations.id,
          madrasahId: observations.madrasahId,
          teacherId: observations.teacherId,
          observerUserId: observations.observerUserId,
          observerName: users.name,
          status: observations.status,
          notedAt: observationNotes.notedAt,
          text: observationNotes.text,
          indicatorIds: indicatorIdsOfNote,
        })
        .from(observationNotes)
        .innerJoin(observations, and(eq(observations.tenantId, observationNotes.tenantId), eq(observations.id, observationNotes.observationId)))
        .innerJoin(users, and(eq(users.tenantId, observations.tenantId), eq(users.id, observations.observerUserId)))
        .where(
          and(
            eq(observationNotes.tenantId, tenantId),
            eq(observations.teacherId, teacherId),
            sql`${observations.status} <> 'planned'`,
            or(and(gte(observations.scheduledAt, window.from), lte(observations.scheduledAt, window.to)), eq(observations.periodId, window.periodId)),
          ),
        )
        .orderBy(asc(observationNotes.notedAt), asc(observationNotes.id))
        .limit(1000);
    },

    // ---------- ratings ----------
    async listRatings(q: Queryable, tenantId: string, observationId: string) {
      return q
        .select({ indicatorId: observationRatings.indicatorId, value: observationRatings.value, comment: observationRatings.comment })
        .from(observationRatings)
        .where(and(eq(observationRatings.tenantId, tenantId), eq(observationRatings.observationId, observationId)));
    },

    async upsertRatings(q: Queryable, tenantId: string, observationId: string, ratings: readonly { indicatorId: string; value: number; comment: string | null }[], now: Date): Promise<void> {
      await q
        .insert(observationRatings)
        .values(ratings.map((r) => ({ tenantId, observationId, indicatorId: r.indicatorId, value: r.value, comment: r.comment, updatedAt: now })))
        .onConflictDoUpdate({
          target: [observationRatings.tenantId, observationRatings.observationId, observationRatings.indicatorId],
          set: { value: sql`excluded.value`, comment: sql`excluded.comment`, updatedAt: now },
        });
    },

    // ---------- reflections ----------
    async insertReflection(q: Queryable, row: typeof observationReflections.$inferInsert): Promise<void> {
      await q.insert(observationReflections).values(row);
    },

    async listReflections(q: Queryable, tenantId: string, observationId: string) {
      return q
        .select({ row: observationReflections, authorName: users.name })
        .from(observationReflections)
        .innerJoin(users, and(eq(users.tenantId, observationReflections.tenantId), eq(users.id, observationReflections.authorUserId)))
        .where(and(eq(observationReflections.tenantId, tenantId), eq(observationReflections.observationId, observationId)))
        .orderBy(asc(observationReflections.createdAt), asc(observationReflections.id));
    },

    // ---------- goals ----------
    async insertGoal(q: Queryable, row: typeof observationGoals.$inferInsert): Promise<void> {
      await q.insert(observationGoals).values(row);
    },

    async findGoal(q: Queryable, tenantId: string, id: string): Promise<GoalRow | undefined> {
      const rows = await q.select().from(observationGoals).where(and(eq(observationGoals.tenantId, tenantId), eq(observationGoals.id, id))).limit(1);
      return rows[0];
    },

    async updateGoal(q: Queryable, tenantId: string, id: string, patch: Partial<typeof observationGoals.$inferInsert>): Promise<void> {
      await q.update(observationGoals).set(patch).where(and(eq(observationGoals.tenantId, tenantId), eq(observationGoals.id, id)));
    },

    async deleteGoal(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(observationGoals).where(and(eq(observationGoals.tenantId, tenantId), eq(observationGoals.id, id)));
    },

    async listGoals(q: Queryable, tenantId: string, observationId: string): Promise<GoalListRow[]> {
      return q
        .select({ goal: observationGoals, groupName: mgmpGroups.name })
        .from(observationGoals)
        .leftJoin(mgmpGroups, and(eq(mgmpGroups.tenantId, observationGoals.tenantId), eq(mgmpGroups.id, observationGoals.mgmpGroupId)))
        .where(and(eq(observationGoals.tenantId, tenantId), eq(observationGoals.observationId, observationId)))
        .orderBy(asc(observationGoals.createdAt), asc(observationGoals.id));
    },

    /** Goals of a teacher's observations in `scope`, with the lesson date and observer; `sharedOnly` keeps reflected / closed ones. */
    async listGoalsOfTeacher(q: Queryable, tenantId: string, teacherId: string, scope: ObservationReadScope, sharedOnly: boolean) {
      return q
        .select({ goal: observationGoals, groupName: mgmpGroups.name, scheduledAt: observations.scheduledAt, observerName: users.name })
        .from(observationGoals)
        .innerJoin(observations, and(eq(observations.tenantId, observationGoals.tenantId), eq(observations.id, observationGoals.observationId)))
        .innerJoin(users, and(eq(users.tenantId, observations.tenantId), eq(users.id, observations.observerUserId)))
        .leftJoin(mgmpGroups, and(eq(mgmpGroups.tenantId, observationGoals.tenantId), eq(mgmpGroups.id, observationGoals.mgmpGroupId)))
        .where(and(eq(observationGoals.tenantId, tenantId), eq(observations.teacherId, teacherId), readable(scope), sharedOnly ? inArray(observations.status, ['reflected', 'closed']) : undefined))
        .orderBy(asc(observationGoals.dueDate), asc(observationGoals.id))
        .limit(200);
    },
  };
}

export type ObservationRepository = ReturnType<typeof createObservationRepository>;
