import { hasAnyRole, hasRole, type Actor } from '../tenancy/tenancy.models.ts';

/**
 * Who may do what with student feedback.
 * - Open / close rounds and see the link: kepala madrasah or operator of the round's madrasah.
 * - Results: the kepala madrasah (with the free-text answers), a pengawas of the madrasah
 *   (aggregates only), the teacher the round is about (aggregates only). An operator manages rounds
 *   but does not read results: they are a teacher's evaluation, not administration.
 * - Tenant threshold: operator or kepala (tenant-wide or of any madrasah).
 */

export function canManageRounds(actor: Pick<Actor, 'roles'>, madrasahId: string): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'operator'], madrasahId);
}

export type ResultAccess = 'full' | 'aggregate' | 'none';

/** What of a round's results the actor may read. */
export function resultAccess(actor: Pick<Actor, 'roles' | 'teacherId'>, round: { madrasahId: string; teacherId: string }): ResultAccess {
  if (hasRole(actor, 'kepala_madrasah', round.madrasahId)) return 'full';
  if (hasRole(actor, 'pengawas', round.madrasahId)) return 'aggregate';
  if (actor.teacherId !== null && actor.teacherId === round.teacherId) return 'aggregate';
  return 'none';
}

/** May see the round at all (its class, teacher, count): managers, result readers. */
export function canSeeRound(actor: Pick<Actor, 'roles' | 'teacherId'>, round: { madrasahId: string; teacherId: string }): boolean {
  return canManageRounds(actor, round.madrasahId) || resultAccess(actor, round) !== 'none';
}

export function canChangeSettings(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((g) => g.role === 'operator' || g.role === 'kepala_madrasah');
}

const MADRASAH_READERS = new Set(['kepala_madrasah', 'operator', 'pengawas']);

/** Madrasahs whose every round the actor sees (kepala, operator, pengawas); 'all' for a tenant-wide grant of those. */
export function roundReaderMadrasahIds(actor: Pick<Actor, 'roles'>): 'all' | string[] {
  const grants = actor.roles.filter((g) => MADRASAH_READERS.has(g.role));
  if (grants.some((g) => g.madrasahId === null)) return 'all';
  return [...new Set(grants.map((g) => g.madrasahId).filter((m): m is string => m !== null))];
}
