import type { Tx } from '../../db/database.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { evidenceVisible, observationAccess } from './observation.models.ts';
import { createObservationRepository } from './observation.repository.ts';
import { OBSERVATION_STATUSES, type ObservationStatus } from '@tumbuh/shared';

/** One observation note offered as evidence for a rating, with the indicators it is tagged to. */
export interface EvidenceNote {
  id: string;
  observationId: string;
  notedAt: string;
  text: string;
  observer: { userId: string; name: string };
  indicatorIds: string[];
}

const repository = createObservationRepository();

/**
 * The notes of a teacher's observations in a window (the lesson between `from` and `to`, or linked
 * to the period) that the actor may read under the observation rules (observer, kepala and pengawas
 * of the madrasah; the observed teacher once shared): for the evidence beside an assessment's
 * indicators. Runs in the caller's transaction; the caller has checked the actor may read the assessment.
 */
export async function observationNotesAsEvidence(tx: Tx, actor: Actor, teacherId: string, window: { from: Date; to: Date; periodId: string }): Promise<EvidenceNote[]> {
  const rows = await repository.listNotesOfTeacherForEvidence(tx, actor.tenantId, teacherId, window);
  const statusOf = (text: string): ObservationStatus => OBSERVATION_STATUSES.find((s) => s === text) ?? 'planned';
  return rows
    .filter((r) => evidenceVisible(observationAccess(actor, r), statusOf(r.status)))
    .map((r) => ({ id: r.id, observationId: r.observationId, notedAt: r.notedAt.toISOString(), text: r.text, observer: { userId: r.observerUserId, name: r.observerName }, indicatorIds: [...r.indicatorIds] }));
}
