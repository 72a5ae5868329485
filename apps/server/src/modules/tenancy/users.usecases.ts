import type { Invitation, RoleGrant, User } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import { hashToken, newToken } from './auth.usecases.ts';
import { tenancyErrors } from './tenancy.errors.ts';
import { canGrant, canManageAccounts, type Actor } from './tenancy.models.ts';
import type { InvitationRow, TenancyRepository, UserRow } from './tenancy.repository.ts';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

interface Deps {
  db: Database;
  tenancyRepository: TenancyRepository;
  clock?: () => Date;
}

function presentUser(u: UserRow, roles: RoleGrant[]): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    active: u.active,
    teacherId: u.teacherId,
    roles,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

function presentInvitation(i: InvitationRow): Invitation {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role as Invitation['role'],
    madrasahId: i.madrasahId,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}

/** A teacher linked to an account must be one of the tenant's. @throws people.teacher_not_found */
async function requireTeacher(tx: Tx, repo: TenancyRepository, tenantId: string, teacherId: string): Promise<void> {
  if (!(await repo.teacherExists(tx, tenantId, teacherId))) throw peopleErrors['people.teacher_not_found']();
}

function requireAccountManager(actor: Actor) {
  if (!canManageAccounts(actor)) throw commonErrors['auth.forbidden']();
}

/** Lists the tenant's accounts with their roles. Operators only. */
export async function listUsers(actor: Actor, query: { q?: string; limit: number; offset: number }, deps: Deps) {
  requireAccountManager(actor);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.tenancyRepository.listUsers(tx, actor.tenantId, query);
    const grants = await deps.tenancyRepository.listGrants(tx, actor.tenantId, page.items.map((u) => u.id));
    return {
      items: page.items.map((u) => presentUser(u, grants.filter((g) => g.userId === u.id).map(({ role, madrasahId }) => ({ role, madrasahId })))),
      total: page.total,
    };
  });
}

/**
 * Changes an account: name, active, roles, linked teacher. Operators only; the last active
 * operator cannot be disabled or lose the role; a disabled account's sessions end at once.
 * @throws tenancy.user_not_found, tenancy.last_operator, tenancy.madrasah_required, people.teacher_not_found, auth.forbidden (also when the account holds a role beyond the actor's scope)
 */
export async function updateUser(
  actor: Actor,
  userId: string,
  patch: { name?: string; active?: boolean; roles?: RoleGrant[]; teacherId?: string | null },
  deps: Deps,
): Promise<User> {
  requireAccountManager(actor);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const repo = deps.tenancyRepository;
    const before = await repo.getUser(tx, actor.tenantId, userId);
    if (!before) throw tenancyErrors['tenancy.user_not_found']();
    const beforeGrants = (await repo.listGrants(tx, actor.tenantId, [userId])).map(({ role, madrasahId }) => ({ role, madrasahId }));
    // Any change needs the actor's scope to cover every role the account holds: a madrasah
    // operator must not disable or rename a tenant-wide operator.
    for (const g of beforeGrants) {
      if (!canGrant(actor, g)) throw commonErrors['auth.forbidden']();
    }
    for (const g of patch.roles ?? []) {
      if (!canGrant(actor, g)) throw commonErrors['auth.forbidden']();
      if (g.madrasahId && !(await repo.madrasahExists(tx, actor.tenantId, g.madrasahId))) throw tenancyErrors['tenancy.madrasah_required']();
    }
    if (patch.teacherId) await requireTeacher(tx, repo, actor.tenantId, patch.teacherId);
    // The tenant always keeps an active operator, and one with a tenant-wide grant if it had one:
    // without it nobody could grant tenant-wide roles again.
    const isOperator = (grants: RoleGrant[], tenantWide: boolean) => grants.some((g) => g.role === 'operator' && (!tenantWide || g.madrasahId === null));
    const remaining = patch.active === false ? [] : (patch.roles ?? beforeGrants);
    for (const tenantWide of [false, true]) {
      if (isOperator(beforeGrants, tenantWide) && !isOperator(remaining, tenantWide) && (await repo.countActiveOperators(tx, actor.tenantId, userId, { tenantWide })) === 0) {
        throw tenancyErrors['tenancy.last_operator']();
      }
    }
    const { roles, ...fields } = patch;
    if (Object.keys(fields).length > 0) await repo.updateUser(tx, actor.tenantId, userId, fields);
    if (roles) await repo.replaceGrants(tx, actor.tenantId, userId, roles, uuidv7);
    if (patch.active === false) await repo.deleteSessionsOfUser(tx, actor.tenantId, userId);
    const after = await repo.getUser(tx, actor.tenantId, userId);
    if (!after) throw tenancyErrors['tenancy.user_not_found']();
    const afterGrants = roles ?? beforeGrants;
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { userId: actor.userId, label: actor.email },
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before: { name: before.name, active: before.active, teacherId: before.teacherId, roles: beforeGrants },
      after: { name: after.name, active: after.active, teacherId: after.teacherId, roles: afterGrants },
    });
    return presentUser(after, afterGrants);
  });
}

/** Lists open and accepted invitations. Operators only. */
export async function listInvitations(actor: Actor, query: { q?: string; limit: number; offset: number }, deps: Deps) {
  requireAccountManager(actor);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.tenancyRepository.listInvitations(tx, actor.tenantId, query);
    return { items: page.items.map(presentInvitation), total: page.total };
  });
}

/**
 * Invites a person with one role. The answer carries the one-time accept link (only its hash is kept).
 * @throws tenancy.email_taken, tenancy.madrasah_required, people.teacher_not_found, auth.forbidden
 */
export async function createInvitation(
  actor: Actor,
  input: { email: string; name: string; role: RoleGrant['role']; madrasahId: string | null; teacherId?: string | null | undefined },
  deps: Deps & { publicUrl: string },
): Promise<Invitation> {
  requireAccountManager(actor);
  const grant = { role: input.role, madrasahId: input.madrasahId };
  if (!canGrant(actor, grant)) throw commonErrors['auth.forbidden']();
  const now = (deps.clock ?? (() => new Date()))();
  if (await deps.tenancyRepository.findUserByEmailForLogin(deps.db, input.email)) throw tenancyErrors['tenancy.email_taken']();
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (input.madrasahId && !(await deps.tenancyRepository.madrasahExists(tx, actor.tenantId, input.madrasahId))) {
      throw tenancyErrors['tenancy.madrasah_required']();
    }
    if (input.teacherId) await requireTeacher(tx, deps.tenancyRepository, actor.tenantId, input.teacherId);
    const token = newToken();
    const row = {
      tenantId: actor.tenantId,
      id: uuidv7(),
      email: input.email,
      name: input.name,
      role: input.role,
      madrasahId: input.madrasahId,
      teacherId: input.teacherId ?? null,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await deps.tenancyRepository.insertInvitation(tx, row);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { userId: actor.userId, label: actor.email },
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: row.id,
      after: { email: row.email, name: row.name, role: row.role, madrasahId: row.madrasahId },
    });
    return {
      ...presentInvitation({ ...row, acceptedAt: null, revokedAt: null, createdAt: now }),
      acceptUrl: `${deps.publicUrl}/undangan/${token}`,
    };
  });
}

/** Revokes an invitation that was not yet accepted. @throws tenancy.invitation_not_found (also when already accepted) */
export async function revokeInvitation(actor: Actor, invitationId: string, deps: Deps): Promise<void> {
  requireAccountManager(actor);
  const now = (deps.clock ?? (() => new Date()))();
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    const inv = await deps.tenancyRepository.getInvitation(tx, actor.tenantId, invitationId);
    // An accepted invitation is spent: revoking it would only hide it from the list.
    if (!inv || inv.revokedAt || inv.acceptedAt) throw tenancyErrors['tenancy.invitation_not_found']();
    await deps.tenancyRepository.markInvitation(tx, actor.tenantId, invitationId, { revokedAt: now });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { userId: actor.userId, label: actor.email },
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: invitationId,
      before: { email: inv.email, role: inv.role },
    });
  });
}
