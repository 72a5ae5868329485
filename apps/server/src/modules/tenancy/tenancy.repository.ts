import { and, asc, count, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Role, RoleGrant } from '@tumbuh/shared';
import type { Queryable } from '../../db/database.ts';
import { escapeLike } from '../people/people.models.ts';
import { madrasahs, teachers } from '../people/people.tables.ts';
import { invitations, roleGrants, sessions, tenants, users } from './tenancy.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/**
 * SQL of tenants, users, roles, sessions and invitations. Every method that reads tenant data takes
 * the tenant; the few that cannot (login by email, session by token) say so and run as the system.
 */
export function createTenancyRepository() {
  return {
    /** System lookup (no tenant yet): the account with this email, any tenant. */
    async findUserByEmailForLogin(q: Queryable, email: string): Promise<UserRow | undefined> {
      const rows = await q.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
      return rows[0];
    },

    /** System lookup (no tenant yet): a live session by its token hash, with its user. */
    /**
     * System lookup (no tenant yet): a live session by its token hash, with its user and the user's
     * role grants, in one round trip (it runs on every request).
     */
    async findLiveSession(q: Queryable, tokenHash: string, now: Date) {
      const rows = await q
        .select({
          session: sessions,
          user: users,
          grants: sql<{ role: string; madrasahId: string | null }[]>`coalesce((
            select json_agg(json_build_object('role', g.role, 'madrasahId', g.madrasah_id) order by g.created_at)
            from ${roleGrants} g where g.tenant_id = ${users.tenantId} and g.user_id = ${users.id}), '[]'::json)`,
        })
        .from(sessions)
        .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
        .limit(1)
        // Named: runs on every API request; PostgreSQL plans it once per connection.
        .prepare('tumbuh_find_live_session')
        .execute();
      const row = rows[0];
      if (!row) return undefined;
      return { ...row, grants: row.grants.map((g) => ({ role: g.role as Role, madrasahId: g.madrasahId })) };
    },

    async insertSession(q: Queryable, row: typeof sessions.$inferInsert): Promise<void> {
      await q.insert(sessions).values(row);
    },

    async touchSession(q: Queryable, tenantId: string, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
      await q
        .update(sessions)
        .set({ lastSeenAt: now, expiresAt })
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
    },

    async deleteSession(q: Queryable, tenantId: string, sessionId: string): Promise<void> {
      await q.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sessionId)));
    },

    async deleteSessionsOfUser(q: Queryable, tenantId: string, userId: string): Promise<void> {
      await q.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
    },

    async getTenant(q: Queryable, tenantId: string) {
      const rows = await q.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
      return rows[0];
    },

    async listGrants(q: Queryable, tenantId: string, userIds: string[]): Promise<(RoleGrant & { userId: string })[]> {
      if (userIds.length === 0) return [];
      const rows = await q
        .select({ userId: roleGrants.userId, role: roleGrants.role, madrasahId: roleGrants.madrasahId })
        .from(roleGrants)
        .where(and(eq(roleGrants.tenantId, tenantId), inArray(roleGrants.userId, userIds)))
        .orderBy(asc(roleGrants.createdAt));
      return rows.map((r) => ({ userId: r.userId, role: r.role as Role, madrasahId: r.madrasahId }));
    },

    async replaceGrants(q: Queryable, tenantId: string, userId: string, grants: RoleGrant[], newId: () => string) {
      await q.delete(roleGrants).where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId)));
      if (grants.length > 0) {
        await q.insert(roleGrants).values(grants.map((g) => ({ tenantId, id: newId(), userId, role: g.role, madrasahId: g.madrasahId })));
      }
    },

    async listMadrasahsOf(q: Queryable, tenantId: string, ids: 'all' | string[]) {
      if (ids !== 'all' && ids.length === 0) return [];
      return q
        .select({ id: madrasahs.id, name: madrasahs.name, npsn: madrasahs.npsn })
        .from(madrasahs)
        .where(and(eq(madrasahs.tenantId, tenantId), ids === 'all' ? undefined : inArray(madrasahs.id, ids)))
        .orderBy(asc(madrasahs.name));
    },

    async madrasahExists(q: Queryable, tenantId: string, madrasahId: string): Promise<boolean> {
      const rows = await q.select({ id: madrasahs.id }).from(madrasahs).where(and(eq(madrasahs.tenantId, tenantId), eq(madrasahs.id, madrasahId))).limit(1);
      return rows.length > 0;
    },

    async teacherExists(q: Queryable, tenantId: string, teacherId: string): Promise<boolean> {
      const rows = await q.select({ id: teachers.id }).from(teachers).where(and(eq(teachers.tenantId, tenantId), eq(teachers.id, teacherId))).limit(1);
      return rows.length > 0;
    },

    async getUser(q: Queryable, tenantId: string, userId: string): Promise<UserRow | undefined> {
      const rows = await q.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId))).limit(1);
      return rows[0];
    },

    async listUsers(q: Queryable, tenantId: string, filter: { q?: string; limit: number; offset: number }) {
      const where = and(
        eq(users.tenantId, tenantId),
        filter.q ? or(ilike(users.name, `%${escapeLike(filter.q)}%`), ilike(users.email, `%${escapeLike(filter.q)}%`)) : undefined,
      );
      // One query at a time: a transaction's connection runs them in order anyway.
      const items = await q.select().from(users).where(where).orderBy(asc(users.name)).limit(filter.limit).offset(filter.offset);
      const totals = await q.select({ n: count() }).from(users).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    async insertUser(q: Queryable, row: typeof users.$inferInsert): Promise<void> {
      await q.insert(users).values(row);
    },

    async updateUser(q: Queryable, tenantId: string, userId: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
      await q.update(users).set({ ...patch, updatedAt: new Date() }).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
    },

    /** Active operators other than `exceptUserId`; with `tenantWide`, only those whose grant covers the whole tenant. */
    async countActiveOperators(q: Queryable, tenantId: string, exceptUserId: string, options: { tenantWide?: boolean } = {}): Promise<number> {
      const rows = await q
        .select({ n: sql<number>`count(distinct ${users.id})::int` })
        .from(users)
        .innerJoin(roleGrants, and(eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id)))
        .where(and(eq(users.tenantId, tenantId), eq(users.active, true), eq(roleGrants.role, 'operator'), options.tenantWide ? isNull(roleGrants.madrasahId) : undefined, sql`${users.id} <> ${exceptUserId}`));
      return rows[0]?.n ?? 0;
    },

    async listInvitations(q: Queryable, tenantId: string, filter: { q?: string; limit: number; offset: number }) {
      const where = and(
        eq(invitations.tenantId, tenantId),
        isNull(invitations.revokedAt),
        filter.q ? or(ilike(invitations.name, `%${escapeLike(filter.q)}%`), ilike(invitations.email, `%${escapeLike(filter.q)}%`)) : undefined,
      );
      // One query at a time: a transaction's connection runs them in order anyway.
      const items = await q.select().from(invitations).where(where).orderBy(sql`${invitations.createdAt} desc`).limit(filter.limit).offset(filter.offset);
      const totals = await q.select({ n: count() }).from(invitations).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    async insertInvitation(q: Queryable, row: typeof invitations.$inferInsert): Promise<void> {
      await q.insert(invitations).values(row);
    },

    async getInvitation(q: Queryable, tenantId: string, id: string): Promise<InvitationRow | undefined> {
      const rows = await q.select().from(invitations).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id))).limit(1);
      return rows[0];
    },

    /** System lookup (the invitee has no session yet): an invitation by its token hash. */
    async findInvitationByTokenHash(q: Queryable, tokenHash: string): Promise<InvitationRow | undefined> {
      const rows = await q.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).limit(1);
      return rows[0];
    },

    async markInvitation(q: Queryable, tenantId: string, id: string, patch: { acceptedAt?: Date; revokedAt?: Date }) {
      await q.update(invitations).set(patch).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
    },
  };
}
export type TenancyRepository = ReturnType<typeof createTenancyRepository>;
