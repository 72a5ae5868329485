import type { AssessmentEvidence } from '@tumbuh/shared';
import { withTenant } from '../../db/database.ts';
import { observationNotesAsEvidence } from '../observation/observation.evidence.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { evidenceByIndicator, evidenceWindow } from './assessment-evidence.models.ts';
import { loadPeriod, loadReadable, requireIndex, type AssessmentCycleDeps } from './assessment-cycle.usecases.ts';
import { loadSettingsValues } from './assessment-settings.usecases.ts';

/**
 * The observation notes beside each indicator of an assessment (issue 4: rate with the evidence in
 * view): notes of the assessed teacher's observations in the academic year of the period (or linked
 * to it), tagged to indicators of the assessment's own instrument version, that the requester may
 * read under the observation rules. Whoever may read the assessment may ask (its rater, the kepala,
 * operator and pengawas of the madrasah, the teacher for their own final one); anyone else gets 404.
 * @throws assessment.not_found
 */
export async function getAssessmentEvidence(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<AssessmentEvidence> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadReadable(tx, actor, id, deps);
    const a = row.assessment;
    const period = await loadPeriod(tx, actor, a.periodId, deps);
    const { yearStartsOn } = await loadSettingsValues(tx, actor.tenantId, a.madrasahId);
    const window = evidenceWindow(period.academicYear, yearStartsOn);
    if (!window) throw new Error(`period ${period.id} has a malformed academic year "${period.academicYear}"`);
    const index = await requireIndex(a.instrumentCode, a.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
    const notes = await observationNotesAsEvidence(tx, actor, a.teacherId, { from: window.from, to: window.to, periodId: period.id });
    return {
      assessmentId: a.id,
      window: { from: window.first, to: window.last },
      items: evidenceByIndicator(index.indicatorIds, notes).map((item) => ({
        indicatorId: item.indicatorId,
        notes: item.notes.map((n) => ({ observationId: n.observationId, noteId: n.id, at: n.notedAt, text: n.text, observer: n.observer })),
      })),
    };
  });
}
