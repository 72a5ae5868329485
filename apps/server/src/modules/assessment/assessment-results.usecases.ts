import { DEFAULT_PKG_BAND_RULE, PKG_BAND_RULES, type PkgBandRule } from '@tumbuh/shared';
import type { Tx } from '../../db/database.ts';
import { indexInstrument } from './assessment-cycle.models.ts';
import { focusIndexOf, resultRecord, type ResultRecord } from './assessment-results.models.ts';
import { createAssessmentResultsRepository } from './assessment-results.repository.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';
import { findEntry } from './instruments.models.ts';

/** What persisting a result needs. */
export interface PersistResultDeps {
  instrumentCatalogue: InstrumentCatalogue;
  clock: () => Date;
}

const repository = createAssessmentResultsRepository();

function bandRuleOf(text: string | null): PkgBandRule {
  return (PKG_BAND_RULES as readonly string[]).includes(text ?? '') ? (text as PkgBandRule) : DEFAULT_PKG_BAND_RULE;
}

/**
 * Computes an assessment's PKG result with the pure scoring module (pkg-scoring.models.ts) and
 * stores it in `assessment_results`, inside the caller's transaction (call it after finalising and
 * after every audited revision of a final assessment). The band rule is the madrasah's setting
 * (assessment_settings.band_rule), round-half-up when none is set, unless `rule` is given.
 * A draft, an incomplete assessment or an instrument that is not scored as PKG has no result: any
 * stored one is removed and null is returned.
 */
export async function persistAssessmentResult(tx: Tx, tenantId: string, assessmentId: string, deps: PersistResultDeps, rule?: PkgBandRule): Promise<ResultRecord | null> {
  const loaded = await repository.loadForResult(tx, tenantId, assessmentId);
  if (!loaded) return null;
  const a = loaded.assessment;
  const entry = a.status === 'final' ? findEntry(await deps.instrumentCatalogue.entries(), a.instrumentCode, a.instrumentVersion) : undefined;
  const index = entry ? indexInstrument(entry.detail) : undefined;
  const record = entry && index ? resultRecord(index, focusIndexOf(entry.detail), loaded.ratings, rule ?? bandRuleOf(loaded.bandRule)) : null;
  if (!record) {
    await repository.deleteResult(tx, tenantId, assessmentId);
    return null;
  }
  await repository.upsertResult(tx, tenantId, { id: a.id, periodId: a.periodId, madrasahId: a.madrasahId, teacherId: a.teacherId, raterKind: a.raterKind }, record, deps.clock());
  return record;
}

/**
 * Computes the results missing for final assessments (finalised before results were stored, or
 * written directly by a seed) of some periods or of one teacher: the "backfill on first use".
 * Returns how many were written.
 */
export async function backfillResults(tx: Tx, tenantId: string, scope: { periodIds?: readonly string[]; teacherId?: string }, deps: PersistResultDeps): Promise<number> {
  if (scope.periodIds && scope.periodIds.length === 0) return 0;
  const missing = await repository.missingResults(tx, tenantId, scope);
  for (const id of missing) await persistAssessmentResult(tx, tenantId, id, deps);
  return missing.length;
}
