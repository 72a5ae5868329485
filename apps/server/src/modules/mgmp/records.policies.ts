import { commonErrors } from '../../http/app-error.ts';
import { hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import type { GroupContext } from './mgmp.context.ts';

/**
 * Who may download a group's printed records (PDF, XLSX): whoever reads the group's records on
 * screen (members and officers, the madrasah's kepala madrasah / operator / pengawas), and the
 * madrasah's peneliti (the study reads the paper records schools file). Teachers of other groups
 * only know the group exists: 403. Other madrasahs and tenants: 404 before this is asked.
 */
export function canReadRecords(actor: Pick<Actor, 'roles'>, ctx: Pick<GroupContext, 'access' | 'group'>): boolean {
  return ctx.access !== 'exists' || hasRole(actor, 'peneliti', ctx.group.madrasahId);
}

/** @throws auth.forbidden */
export function requireReadRecords(actor: Pick<Actor, 'roles'>, ctx: Pick<GroupContext, 'access' | 'group'>): void {
  if (!canReadRecords(actor, ctx)) throw commonErrors['auth.forbidden']();
}
