/**
 * Exact PKG scoring lives in @tumbuh/shared (packages/shared/src/pkg-scoring.ts) so the web rating
 * form computes the same result as the server; this file keeps the module's server-side name.
 */
export {
  annualAngkaKredit,
  competencyValue,
  JWM_MIN,
  PKG_BANDS,
  PKG_INDICATOR_MAX,
  PKG_VALUE_MAX,
  pkgBand,
  roundHalfUpDiv,
  scorePkg,
  validatePkgRatings,
  type AngkaKreditInput,
  type AngkaKreditResult,
  type PkgBand,
  type PkgCompetencyScore,
  type PkgDefinition,
  type PkgScore,
  type RatingProblem,
  type RatingsValidation,
} from '@tumbuh/shared';
