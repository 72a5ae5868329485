import type { MgmpAccess, MgmpMemberRole } from '@tumbuh/shared';
import type { Database, Tx } from '../../db/database.ts';
import type { AppError } from '../../http/app-error.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { mgmpErrors } from './mgmp.errors.ts';
import { canSeeGroup, groupAccess } from './mgmp.policies.ts';
import { memberRole } from './mgmp.presenters.ts';
import type { GroupRow, MgmpRepository } from './mgmp.repository.ts';

/** What the MGMP use cases need. */
export interface MgmpDeps {
  db: Database;
  mgmpRepository: MgmpRepository;
  peopleRepository: PeopleRepository;
  clock: () => Date;
}

/** A group as the actor sees it: the row, the actor's office in it and the access that follows. */
export interface GroupContext {
  group: GroupRow;
  myRole: MgmpMemberRole | null;
  access: MgmpAccess;
}

/**
 * Loads a group for the actor. A group outside the actor's madrasahs (or of another tenant: RLS
 * hides it) answers `notFound`, so its existence does not leak.
 */
export async function loadGroup(tx: Tx, actor: Actor, groupId: string, deps: MgmpDeps, notFound: () => AppError = () => mgmpErrors['mgmp.group_not_found']()): Promise<GroupContext> {
  const group = await deps.mgmpRepository.findGroup(tx, actor.tenantId, groupId);
  if (!group || !canSeeGroup(actor, group)) throw notFound();
  const myRole = actor.teacherId ? memberRole(await deps.mgmpRepository.findMemberRole(tx, actor.tenantId, group.id, actor.teacherId)) : null;
  return { group, myRole, access: groupAccess(actor, group, myRole) };
}

/** Members (and managers) read a group's records; other teachers only know it exists. */
export function requireRead(ctx: GroupContext): void {
  if (ctx.access === 'exists') throw commonErrors['auth.forbidden']();
}

/** Officers and the madrasah's kepala / operator change a group's records; an archived group is read-only. */
export function requireManage(ctx: GroupContext): void {
  if (ctx.access !== 'manage') throw commonErrors['auth.forbidden']();
  requireActive(ctx);
}

export function requireActive(ctx: GroupContext): void {
  if (ctx.group.archivedAt !== null) throw mgmpErrors['mgmp.group_archived']();
}

/** Records an MGMP write in the audit log, in the same transaction, under the madrasah of the group (or topic). */
export async function auditMgmp(
  tx: Tx,
  actor: Actor,
  scope: { madrasahId: string | null },
  entry: { action: string; entityType: string; entityId: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId: scope.madrasahId, ...entry });
}

/** The actor's teacher id, for acts done in one's own name (check-in, vote). */
export function requireTeacher(actor: Actor): string {
  if (!actor.teacherId) throw mgmpErrors['mgmp.no_teacher_account']();
  return actor.teacherId;
}
