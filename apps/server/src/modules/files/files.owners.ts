import type { FileOwnerKind } from '@tumbuh/shared';
import type { Tx } from '../../db/database.ts';
import type { AppError } from '../../http/app-error.ts';
import { loadGroup, type MgmpDeps } from '../mgmp/mgmp.context.ts';
import { mgmpErrors } from '../mgmp/mgmp.errors.ts';
import { loadMeeting } from '../mgmp/meetings.usecases.ts';
import { createMgmpRepository } from '../mgmp/mgmp.repository.ts';
import { canReadRecords } from '../mgmp/records.policies.ts';
import { createPeopleRepository } from '../people/people.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import { canSeeMadrasah, hasRole, type Actor } from '../tenancy/tenancy.models.ts';

/**
 * What an actor may do with the files of one owner (a meeting, a follow-up, a madrasah's logo…),
 * decided by the owning module's own policy.
 */
export interface OwnerAccess {
  /** The madrasah the owner belongs to (null: tenant-level); scopes the audit entry. */
  madrasahId: string | null;
  /** See the owner's files (list and content). */
  canRead: boolean;
  /** Add a file. */
  canAttach: boolean;
  /** Delete any file of the owner (the uploader may always delete their own while they can read). */
  canManage: boolean;
  /** Why nothing can be attached now although the actor may (archived group, cancelled meeting). */
  attachBlocked?: AppError | undefined;
}

/**
 * Loads an owner for the actor. Throws the owner's not-found error (404) when it does not exist,
 * belongs to another tenant (row-level security hides it) or is outside the actor's madrasahs.
 */
export type FileOwnerPolicy = (tx: Tx, actor: Actor, ownerId: string) => Promise<OwnerAccess>;

const registry = new Map<string, FileOwnerPolicy>();

/**
 * Lets a module make its owner kind readable through `GET /files/:id` and deletable through
 * `DELETE /files/:id` (e.g. the observation module for 'observation' photos). Call once at load.
 */
export function registerFileOwnerPolicy(kind: FileOwnerKind, policy: FileOwnerPolicy): void {
  registry.set(kind, policy);
}

/** The policy of an owner kind, or undefined when no module registered one (its files are then invisible). */
export function fileOwnerPolicy(kind: string): FileOwnerPolicy | undefined {
  return registry.get(kind);
}

const mgmpDeps = (): MgmpDeps => ({ db: undefined as never, mgmpRepository: createMgmpRepository(), peopleRepository: createPeopleRepository(), clock: () => new Date() });

/** Meeting photos and files: officers of the group and the madrasah's kepala / operator add; members, pengawas and the madrasah's peneliti (as for the printed records) see. */
registerFileOwnerPolicy('mgmp_meeting', async (tx, actor, meetingId) => {
  const { meeting, ctx } = await loadMeeting(tx, actor, meetingId, mgmpDeps());
  const manage = ctx.access === 'manage';
  const attachBlocked = ctx.group.archivedAt !== null ? mgmpErrors['mgmp.group_archived']() : meeting.status === 'dibatalkan' ? mgmpErrors['mgmp.meeting_cancelled']() : undefined;
  return { madrasahId: ctx.group.madrasahId, canRead: canReadRecords(actor, ctx), canAttach: manage, canManage: manage, attachBlocked };
});

/** Follow-up evidence: its owners and the group's managers add; members, pengawas and the madrasah's peneliti see. */
registerFileOwnerPolicy('mgmp_follow_up', async (tx, actor, followUpId) => {
  const deps = mgmpDeps();
  const row = await deps.mgmpRepository.findFollowUp(tx, actor.tenantId, followUpId);
  if (!row) throw mgmpErrors['mgmp.follow_up_not_found']();
  const ctx = await loadGroup(tx, actor, row.groupId, deps, () => mgmpErrors['mgmp.follow_up_not_found']());
  const owners = await deps.mgmpRepository.ownersOf(tx, actor.tenantId, [followUpId]);
  const isOwner = actor.teacherId !== null && owners.some((o) => o.teacherId === actor.teacherId);
  const manage = ctx.access === 'manage';
  return {
    madrasahId: ctx.group.madrasahId,
    canRead: canReadRecords(actor, ctx) || isOwner,
    canAttach: manage || isOwner,
    canManage: manage,
    attachBlocked: ctx.group.archivedAt !== null ? mgmpErrors['mgmp.group_archived']() : undefined,
  };
});

/** The madrasah's logo (kop): everyone who sees the madrasah reads it; its operator replaces or removes it. */
registerFileOwnerPolicy('madrasah_logo', async (tx, actor, madrasahId) => {
  const madrasah = await createPeopleRepository().findMadrasah(tx, actor.tenantId, madrasahId);
  if (!madrasah || !canSeeMadrasah(actor, madrasah.id)) throw peopleErrors['people.madrasah_not_found']();
  const operator = hasRole(actor, 'operator', madrasah.id);
  return { madrasahId: madrasah.id, canRead: true, canAttach: operator, canManage: operator };
});
