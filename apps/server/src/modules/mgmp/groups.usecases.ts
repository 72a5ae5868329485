import type { CreateMgmpGroupInput, MgmpGroup, MgmpGroupSummary, MgmpMemberRole, MgmpTopic, UpdateMgmpGroupInput } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { canSeeMadrasah, visibleMadrasahIds, type Actor } from '../tenancy/tenancy.models.ts';
import { auditMgmp, loadGroup, requireActive, requireRead, type GroupContext, type MgmpDeps } from './mgmp.context.ts';
import { mgmpErrors } from './mgmp.errors.ts';
import { memberListProblem } from './mgmp.models.ts';
import { canAddTopic, canAdministerGroup, groupAccess } from './mgmp.policies.ts';
import { memberRole, presentGroup, presentGroupSummary, presentTopic } from './mgmp.presenters.ts';
import { mgmpGroups } from './mgmp.tables.ts';

type ListInput = { q?: string | undefined; limit: number; offset: number };

async function presentLoaded(tx: Tx, actor: Actor, ctx: GroupContext, deps: MgmpDeps): Promise<MgmpGroup> {
  const members = await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id);
  return presentGroup(ctx.group, ctx.access, ctx.myRole, members);
}

/**
 * Checks a member list: every teacher exists in the tenant (and in the group's madrasah for a
 * madrasah group), none repeats, one ketua / sekretaris / bendahara at most.
 * @throws mgmp.invalid_members
 */
async function checkMembers(tx: Tx, actor: Actor, madrasahId: string | null, members: readonly { teacherId: string; role: MgmpMemberRole }[], deps: MgmpDeps): Promise<void> {
  if (memberListProblem(members)) throw mgmpErrors['mgmp.invalid_members']();
  const found = await deps.mgmpRepository.findTeachers(tx, actor.tenantId, members.map((m) => m.teacherId));
  if (found.length !== members.length || found.some((t) => madrasahId !== null && t.madrasahId !== madrasahId)) throw mgmpErrors['mgmp.invalid_members']();
}

/** A madrasah id from a body: in the actor's scope and in the tenant (a tenant-wide grant covers every id, so the row is looked up). Null (tenant level) passes. */
async function madrasahVisible(tx: Tx, actor: Actor, madrasahId: string | null, deps: MgmpDeps): Promise<boolean> {
  if (madrasahId === null) return true;
  return canSeeMadrasah(actor, madrasahId) && (await deps.peopleRepository.findMadrasah(tx, actor.tenantId, madrasahId)) !== undefined;
}

/** Checks that the subject and the cluster, when given, belong to the group's madrasah (any madrasah of the tenant for a district group). */
async function checkSubjectAndCluster(tx: Tx, actor: Actor, madrasahId: string | null, input: { subjectId?: string | null | undefined; clusterId?: string | null | undefined }, deps: MgmpDeps): Promise<void> {
  if (input.subjectId) {
    const s = await deps.peopleRepository.findSubject(tx, actor.tenantId, input.subjectId);
    if (!s || (madrasahId !== null && s.madrasahId !== madrasahId)) throw commonErrors['common.validation_failed']([{ path: 'body.subjectId', code: 'not_found', message: 'subject' }]);
  }
  if (input.clusterId) {
    const c = await deps.peopleRepository.findCluster(tx, actor.tenantId, input.clusterId);
    if (!c || (madrasahId !== null && c.madrasahId !== madrasahId)) throw commonErrors['common.validation_failed']([{ path: 'body.clusterId', code: 'not_found', message: 'cluster' }]);
  }
}

/** Groups the actor can see (every teacher sees that a group exists), with the actor's access to each, member count, subject / cluster names and next meeting (only to those who may read the meetings). Two queries per page. */
export async function listGroups(actor: Actor, query: ListInput & { madrasahId?: string | undefined; archived: 'true' | 'false' | 'all'; mine?: 'true' | 'false' | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.mgmpRepository.listGroups(tx, actor.tenantId, {
      ...query,
      madrasahIds: visibleMadrasahIds(actor),
      teacherId: actor.teacherId,
      mineOnly: query.mine === 'true',
      now: deps.clock(),
    });
    const items: MgmpGroupSummary[] = page.items.map(({ group, myRole, ...extras }) => {
      const role = memberRole(myRole);
      return presentGroupSummary(group, groupAccess(actor, group, role), role, extras);
    });
    return { items, total: page.total };
  });
}

/** One group with its members. Teachers outside the group get 403, outside the madrasah 404. @throws mgmp.group_not_found, auth.forbidden */
export async function getGroup(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, id, deps);
    requireRead(ctx);
    return presentLoaded(tx, actor, ctx, deps);
  });
}

/**
 * Creates a group (madrasah-level, or tenant-level with `madrasahId: null`) with its officers and
 * members; also copies the default programme topics into the tenant on first use.
 * @throws people.madrasah_not_found (as mgmp.group_not_found), mgmp.invalid_members, auth.forbidden
 */
export async function createGroup(actor: Actor, input: CreateMgmpGroupInput, deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await madrasahVisible(tx, actor, input.madrasahId, deps))) throw mgmpErrors['mgmp.group_not_found']();
    if (!canAdministerGroup(actor, { madrasahId: input.madrasahId })) throw commonErrors['auth.forbidden']();
    await checkMembers(tx, actor, input.madrasahId, input.members, deps);
    await checkSubjectAndCluster(tx, actor, input.madrasahId, input, deps);
    const row: typeof mgmpGroups.$inferInsert & { id: string } = {
      tenantId: actor.tenantId,
      id: uuidv7(),
      madrasahId: input.madrasahId,
      subjectId: input.subjectId ?? null,
      clusterId: input.clusterId ?? null,
      name: input.name,
      termStart: input.termStart,
      termEnd: input.termEnd,
      quorum: input.quorum,
    };
    await deps.mgmpRepository.insertGroup(tx, row);
    await deps.mgmpRepository.replaceMembers(tx, actor.tenantId, row.id, input.members);
    await deps.mgmpRepository.ensureDefaultTopics(tx, actor.tenantId, uuidv7);
    const ctx = await loadGroup(tx, actor, row.id, deps);
    const after = await presentLoaded(tx, actor, ctx, deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.group.create', entityType: 'mgmp_group', entityId: row.id, after });
    return after;
  });
}

async function administer(tx: Tx, actor: Actor, id: string, deps: MgmpDeps): Promise<GroupContext> {
  const ctx = await loadGroup(tx, actor, id, deps);
  if (!canAdministerGroup(actor, ctx.group)) throw commonErrors['auth.forbidden']();
  requireActive(ctx);
  return ctx;
}

/** Changes a group's name, subject/cluster, term or quorum rule. @throws mgmp.group_not_found, mgmp.group_archived, auth.forbidden */
export async function updateGroup(actor: Actor, id: string, patch: UpdateMgmpGroupInput, deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await administer(tx, actor, id, deps);
    const before = await presentLoaded(tx, actor, ctx, deps);
    const termStart = patch.termStart ?? ctx.group.termStart;
    const termEnd = patch.termEnd ?? ctx.group.termEnd;
    if (termEnd < termStart) throw commonErrors['common.validation_failed']([{ path: 'body.termEnd', code: 'custom', message: 'term_end_before_start' }]);
    await checkSubjectAndCluster(tx, actor, ctx.group.madrasahId, patch, deps);
    await deps.mgmpRepository.updateGroup(tx, actor.tenantId, id, patch);
    const after = await presentLoaded(tx, actor, await loadGroup(tx, actor, id, deps), deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.group.update', entityType: 'mgmp_group', entityId: id, before, after });
    return after;
  });
}

/** Archives a group: its records stay readable, nothing can be changed any more. @throws mgmp.group_not_found, mgmp.group_archived, auth.forbidden */
export async function archiveGroup(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await administer(tx, actor, id, deps);
    await deps.mgmpRepository.updateGroup(tx, actor.tenantId, id, { archivedAt: deps.clock() });
    const after = await presentLoaded(tx, actor, await loadGroup(tx, actor, id, deps), deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.group.archive', entityType: 'mgmp_group', entityId: id, before: { archivedAt: null }, after: { archivedAt: after.archivedAt } });
    return after;
  });
}

/**
 * Takes a group out of the archive (archived by mistake, or a new term): it can be changed again.
 * Same policy as archiving (kepala / operator of the madrasah). @throws mgmp.group_not_found, mgmp.group_not_archived, auth.forbidden
 */
export async function unarchiveGroup(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, id, deps);
    if (!canAdministerGroup(actor, ctx.group)) throw commonErrors['auth.forbidden']();
    if (ctx.group.archivedAt === null) throw mgmpErrors['mgmp.group_not_archived']();
    await deps.mgmpRepository.updateGroup(tx, actor.tenantId, id, { archivedAt: null });
    const after = await presentLoaded(tx, actor, await loadGroup(tx, actor, id, deps), deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.group.unarchive', entityType: 'mgmp_group', entityId: id, before: { archivedAt: ctx.group.archivedAt.toISOString() }, after: { archivedAt: null } });
    return after;
  });
}

/** Replaces the members and officers of a group. @throws mgmp.group_not_found, mgmp.invalid_members, mgmp.group_archived, auth.forbidden */
export async function replaceMembers(actor: Actor, id: string, members: { teacherId: string; role: MgmpMemberRole }[], deps: MgmpDeps): Promise<MgmpGroup> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await administer(tx, actor, id, deps);
    await checkMembers(tx, actor, ctx.group.madrasahId, members, deps);
    const before = await deps.mgmpRepository.listMembers(tx, actor.tenantId, id);
    await deps.mgmpRepository.replaceMembers(tx, actor.tenantId, id, members);
    const after = await presentLoaded(tx, actor, await loadGroup(tx, actor, id, deps), deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.group.members', entityType: 'mgmp_group', entityId: id, before: { members: before }, after: { members: after.members } });
    return after;
  });
}

// ---------- topics ----------
/** Topics of programme items: the defaults plus those added by the actor's madrasahs. */
export async function listTopics(actor: Actor, query: ListInput & { madrasahId?: string | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.mgmpRepository.listTopics(tx, actor.tenantId, { ...query, madrasahIds: visibleMadrasahIds(actor) });
    return { items: page.items.map(presentTopic), total: page.total };
  });
}

/** Adds a topic for a madrasah (or tenant-wide with `madrasahId: null`). @throws mgmp.topic_not_found, auth.forbidden */
export async function addTopic(actor: Actor, input: { madrasahId: string | null; name: string }, deps: MgmpDeps): Promise<MgmpTopic> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await madrasahVisible(tx, actor, input.madrasahId, deps))) throw mgmpErrors['mgmp.topic_not_found']();
    if (!canAddTopic(actor, input.madrasahId)) throw commonErrors['auth.forbidden']();
    await deps.mgmpRepository.ensureDefaultTopics(tx, actor.tenantId, uuidv7);
    const row = { tenantId: actor.tenantId, id: uuidv7(), madrasahId: input.madrasahId, code: null, name: input.name, createdAt: deps.clock() };
    await deps.mgmpRepository.insertTopic(tx, row);
    await auditMgmp(tx, actor, row, { action: 'mgmp.topic.create', entityType: 'mgmp_topic', entityId: row.id, after: presentTopic(row) });
    return presentTopic(row);
  });
}
