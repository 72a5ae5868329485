import { DEFAULT_PKG_BAND_RULE, type PkgScoreRequest, type PkgScoreResult } from '@tumbuh/shared';
import { assessmentErrors, invalidRatingsError } from './assessment.errors.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';
import { findEntry, type CatalogueEntry } from './instruments.models.ts';
import { annualAngkaKredit, scorePkg, validatePkgRatings } from './pkg-scoring.models.ts';

interface Deps {
  instrumentCatalogue: InstrumentCatalogue;
}

/** Which instrument: its code and, optionally, a version (the newest published when omitted). */
export interface InstrumentRef {
  code: string;
  version?: number | undefined;
}

async function getEntry(ref: InstrumentRef, deps: Deps): Promise<CatalogueEntry> {
  const entry = findEntry(await deps.instrumentCatalogue.entries(), ref.code, ref.version);
  if (!entry) throw assessmentErrors['assessment.instrument_not_found']();
  return entry;
}

/**
 * Stateless PKG calculator: checks the ratings against the instrument's own indicator counts and
 * scores them with the band-edge rule asked for (round-half-up by default); with rank data it also
 * computes the annual angka kredit. Nothing is stored.
 * Throws `assessment.instrument_not_found` (404), `assessment.scoring_not_supported` (422) for an
 * instrument that is not scored, `assessment.invalid_ratings` (422, naming each competency at
 * fault) and `assessment.invalid_rank_data` (422).
 */
export async function scoreWithInstrument(ref: InstrumentRef, request: PkgScoreRequest, deps: Deps): Promise<PkgScoreResult> {
  const entry = await getEntry(ref, deps);
  if (!entry.pkg) throw assessmentErrors['assessment.scoring_not_supported']();
  const checked = validatePkgRatings(entry.pkg, request.ratings);
  if (!checked.ok) throw invalidRatingsError(checked.problems);
  const score = scorePkg(entry.pkg, checked.ratings, request.rule ?? DEFAULT_PKG_BAND_RULE);
  const result: PkgScoreResult = { ...score, instrument: { code: entry.summary.code, version: entry.summary.version } };
  if (request.rank) {
    const ak = annualAngkaKredit({ ...request.rank, npk: score.creditPercent });
    if (!ak.ok) throw assessmentErrors['assessment.invalid_rank_data']();
    result.angkaKredit = { perYear: ak.perYear, hoursFactor: ak.hoursFactor, npk: ak.npk };
  }
  return result;
}
