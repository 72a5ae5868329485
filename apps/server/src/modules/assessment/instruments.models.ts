/** Pure rules of instruments: assembling the tree from reference rows, and what scoring needs of it. */
import {
  FOCUS_DIMENSIONS,
  INSTRUMENT_KINDS,
  INSTRUMENT_STATUSES,
  SCORING_METHODS,
  instrumentScaleSchema,
  type FocusDimension,
  type InstrumentDetail,
  type InstrumentSummary,
} from '@tumbuh/shared';
import type { PkgDefinition } from './pkg-scoring.models.ts';

/** The rows of instruments and their trees, as the repositories read them. */
export interface InstrumentRows {
  instruments: {
    id: string;
    code: string;
    version: number;
    title: string;
    kind: string;
    scoringMethod: string;
    source: string;
    scale: unknown;
    status: string;
    publishedAt: Date | null;
    tenantId: string | null;
    madrasahId: string | null;
  }[];
  domains: { id: string; instrumentId: string; code: string; name: string; sortOrder: number }[];
  competencies: { id: string; instrumentId: string; domainId: string; number: number; name: string; sortOrder: number }[];
  indicators: { id: string; instrumentId: string; competencyId: string; number: number; text: string; sortOrder: number; descriptors: unknown }[];
  focusTags: { indicatorId: string; focus: string }[];
  focusDimensions: { code: string; name: string; description: string; sortOrder: number }[];
}

/** One instrument ready to serve: the full tree, its summary, and the PKG definition when it is scored. */
export interface CatalogueEntry {
  detail: InstrumentDetail;
  summary: InstrumentSummary;
  pkg: PkgDefinition | undefined;
}

function oneOf<const T extends readonly string[]>(values: T, text: string, what: string): T[number] {
  const found = values.find((v) => v === text);
  if (found === undefined) throw new Error(`instrument reference data: unknown ${what} "${text}"`);
  return found;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const bySortOrder = (a: { sortOrder: number }, b: { sortOrder: number }) => a.sortOrder - b.sortOrder;

/**
 * Builds every published instrument's tree (domains → competencies → indicators with focus tags).
 * Throws on reference data that breaks the contract (an unknown kind, scale or focus): that is a
 * broken migration, not a user error. The caller passes official rows only (the catalogue is shared
 * by every tenant).
 */
export function buildCatalogue(rows: InstrumentRows): CatalogueEntry[] {
  const entries = buildDetails(rows)
    .filter((detail) => detail.status === 'published')
    .map((detail) => ({ detail, summary: summaryOf(detail), pkg: pkgDefinitionOf(detail) }));
  return entries.sort((a, b) => a.summary.code.localeCompare(b.summary.code) || a.summary.version - b.summary.version);
}

/** The summary part of a detail (what lists show). */
export function summaryOf(detail: InstrumentDetail): InstrumentSummary {
  return {
    id: detail.id,
    code: detail.code,
    version: detail.version,
    title: detail.title,
    kind: detail.kind,
    scoringMethod: detail.scoringMethod,
    status: detail.status,
    owner: detail.owner,
    madrasahId: detail.madrasahId,
    domainCount: detail.domainCount,
    competencyCount: detail.competencyCount,
    indicatorCount: detail.indicatorCount,
  };
}

/**
 * Builds the full tree of every instrument in `rows` (drafts too), official or madrasah-built:
 * domains → competencies → indicators with focus tags and descriptors, in order.
 */
export function buildDetails(rows: InstrumentRows): InstrumentDetail[] {
  const domainsOf = groupBy(rows.domains, (d) => d.instrumentId);
  const competenciesOf = groupBy(rows.competencies, (c) => c.domainId);
  const indicatorsOf = groupBy(rows.indicators, (i) => i.competencyId);
  const dimensionOrder = new Map(rows.focusDimensions.map((d) => [d.code, d.sortOrder]));
  const tagsOf = new Map<string, FocusDimension[]>();
  for (const [indicatorId, tags] of groupBy(rows.focusTags, (t) => t.indicatorId)) {
    const codes = tags.map((t) => oneOf(FOCUS_DIMENSIONS, t.focus, 'focus dimension'));
    codes.sort((a, b) => (dimensionOrder.get(a) ?? 0) - (dimensionOrder.get(b) ?? 0));
    tagsOf.set(indicatorId, codes);
  }
  const focusDimensions = [...rows.focusDimensions]
    .sort(bySortOrder)
    .map((d) => ({ code: oneOf(FOCUS_DIMENSIONS, d.code, 'focus dimension'), name: d.name, description: d.description }));

  return rows.instruments.map((instrument) => {
    const domains = [...(domainsOf.get(instrument.id) ?? [])].sort(bySortOrder).map((domain) => ({
      id: domain.id,
      code: domain.code,
      name: domain.name,
      competencies: [...(competenciesOf.get(domain.id) ?? [])].sort(bySortOrder).map((competency) => ({
        id: competency.id,
        number: competency.number,
        name: competency.name,
        indicators: [...(indicatorsOf.get(competency.id) ?? [])]
          .sort((a, b) => a.number - b.number)
          .map((indicator) => ({
            id: indicator.id,
            number: indicator.number,
            position: indicator.sortOrder,
            text: indicator.text,
            focus: tagsOf.get(indicator.id) ?? [],
            descriptors: descriptorsOf(indicator.descriptors),
          })),
      })),
    }));
    const competencies = domains.flatMap((d) => d.competencies);
    return {
      id: instrument.id,
      code: instrument.code,
      version: instrument.version,
      title: instrument.title,
      kind: oneOf(INSTRUMENT_KINDS, instrument.kind, 'instrument kind'),
      scoringMethod: oneOf(SCORING_METHODS, instrument.scoringMethod, 'scoring method'),
      status: oneOf(INSTRUMENT_STATUSES, instrument.status, 'instrument status'),
      owner: instrument.tenantId === null ? 'official' : 'madrasah',
      madrasahId: instrument.madrasahId,
      domainCount: domains.length,
      competencyCount: competencies.length,
      indicatorCount: competencies.reduce((n, c) => n + c.indicators.length, 0),
      source: instrument.source,
      publishedAt: instrument.publishedAt ? instrument.publishedAt.toISOString() : null,
      scale: instrumentScaleSchema.parse(instrument.scale),
      domains,
      focusDimensions,
    };
  });
}

/** The stored descriptors jsonb as `{ level: text }` (anything else is dropped). */
function descriptorsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/**
 * What PKG scoring needs of an instrument scored with `pkg-2009`: its competencies in order with
 * their indicator counts; undefined for an instrument scored otherwise.
 */
export function pkgDefinitionOf(detail: InstrumentDetail): PkgDefinition | undefined {
  switch (detail.scoringMethod) {
    case 'pkg-2009':
      return { competencies: detail.domains.flatMap((d) => d.competencies.map((c) => ({ number: c.number, indicatorCount: c.indicators.length }))) };
    case 'none':
      return undefined;
    default: {
      const unknown: never = detail.scoringMethod;
      throw new Error(`unknown scoring method ${String(unknown)}`);
    }
  }
}

/** The entry of `code` at `version`, or its newest version when none is asked for. */
export function findEntry(entries: readonly CatalogueEntry[], code: string, version?: number): CatalogueEntry | undefined {
  let best: CatalogueEntry | undefined;
  for (const entry of entries) {
    if (entry.summary.code !== code) continue;
    if (version !== undefined) {
      if (entry.summary.version === version) return entry;
    } else if (!best || entry.summary.version > best.summary.version) {
      best = entry;
    }
  }
  return best;
}
