import { OBSERVATION_STATUSES } from '@tumbuh/shared';
import { registerFileOwnerPolicy } from '../files/files.usecases.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { observationErrors } from './observation.errors.ts';
import { evidenceVisible, observationAccess } from './observation.models.ts';
import { createObservationRepository } from './observation.repository.ts';

/**
 * Photos of an observation (owner_kind 'observation', through the files module): the observer and
 * the kepala add and remove them until the observation is closed; whoever may see the notes (the
 * pengawas of the madrasah; the teacher once shared) sees them; anyone else gets 404.
 */
const repository = createObservationRepository();

registerFileOwnerPolicy('observation', async (tx, actor: Actor, observationId) => {
  const row = await repository.findObservation(tx, actor.tenantId, observationId);
  const access = row ? observationAccess(actor, row.observation) : 'none';
  if (!row || access === 'none') throw observationErrors['observation.not_found']();
  const status = OBSERVATION_STATUSES.find((s) => s === row.observation.status) ?? 'closed';
  const edit = access === 'edit';
  return {
    madrasahId: row.observation.madrasahId,
    canRead: evidenceVisible(access, status),
    canAttach: edit,
    canManage: edit && status !== 'closed',
    attachBlocked: status === 'closed' ? observationErrors['observation.closed']() : undefined,
  };
});
