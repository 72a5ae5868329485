/**
 * Pure rules of madrasah-built instruments: the scale, descriptors, what publishing needs, version
 * numbering, the code, and turning a submitted tree into numbered rows.
 */
import type { BuilderDomainInput, BuilderScale, FocusDimension, InstrumentDetail, InstrumentStatus, PublishProblem } from '@tumbuh/shared';
import { INSTRUMENT_BUILDER_LIMITS } from '@tumbuh/shared';

/** A scale is valid with 2–7 levels whose values are distinct and strictly ascending, 0–100. */
export function scaleIsValid(scale: { levels: readonly { value: number }[] }): boolean {
  const L = INSTRUMENT_BUILDER_LIMITS;
  const values = scale.levels.map((l) => l.value);
  if (values.length < L.scaleLevelsMin || values.length > L.scaleLevelsMax) return false;
  if (values.some((v) => !Number.isInteger(v) || v < L.scaleValueMin || v > L.scaleValueMax)) return false;
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? Number.POSITIVE_INFINITY));
}

/** Descriptor keys that are not a level value of the scale (each once, in the order met). */
export function unknownDescriptorLevels(scale: BuilderScale, domains: readonly BuilderDomainInput[]): string[] {
  const known = new Set(scale.levels.map((l) => String(l.value)));
  const unknown = new Set<string>();
  for (const d of domains) for (const c of d.competencies) for (const i of c.indicators) for (const key of Object.keys(i.descriptors)) if (!known.has(key)) unknown.add(key);
  return [...unknown];
}

/** The tree as far as publishing cares: names of nothing, only counts. */
export interface TreeShape {
  domains: readonly { competencies: readonly { indicators: readonly unknown[] }[] }[];
}

/**
 * What stops a draft from being published: no domain, a domain without competencies, a competency
 * without indicators (positions are 1-based). Descriptors are optional per level, so they never
 * stop publishing.
 */
export function publishProblems(tree: TreeShape): PublishProblem[] {
  if (tree.domains.length === 0) return [{ kind: 'no_domains' }];
  const problems: PublishProblem[] = [];
  tree.domains.forEach((d, di) => {
    if (d.competencies.length === 0) problems.push({ kind: 'domain_without_competencies', domain: di + 1 });
    d.competencies.forEach((c, ci) => {
      if (c.indicators.length === 0) problems.push({ kind: 'competency_without_indicators', domain: di + 1, competency: ci + 1 });
    });
  });
  return problems;
}

/** Sizes beyond the limits across the whole instrument (per-array limits are in the schema). */
export function exceedsTotals(domains: readonly BuilderDomainInput[]): boolean {
  const competencies = domains.flatMap((d) => d.competencies);
  const indicators = competencies.reduce((n, c) => n + c.indicators.length, 0);
  return competencies.length > INSTRUMENT_BUILDER_LIMITS.competenciesMax || indicators > INSTRUMENT_BUILDER_LIMITS.indicatorsMax;
}

/** The versions of one code as far as numbering cares. */
export interface VersionFacts {
  version: number;
  status: InstrumentStatus;
}

/**
 * May `from` get a new draft version, and which number? Only from a published version, only when
 * the code has no draft yet; the number is one more than the highest version of the code.
 */
export function nextVersion(from: VersionFacts, all: readonly VersionFacts[]): { ok: true; version: number } | { ok: false; reason: 'not_published' | 'draft_exists' } {
  if (from.status !== 'published') return { ok: false, reason: 'not_published' };
  if (all.some((v) => v.status === 'draft')) return { ok: false, reason: 'draft_exists' };
  return { ok: true, version: Math.max(from.version, ...all.map((v) => v.version)) + 1 };
}

/** A published version is frozen: no edit, no delete, no second publish. */
export function isFrozen(status: InstrumentStatus): boolean {
  return status === 'published';
}

/** Lower-case ASCII slug of a title, at most `max` characters, never empty. */
export function slugOf(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug === '' ? 'instrumen' : slug;
}

/**
 * The code of a new madrasah instrument: the title's slug and 8 hex characters of its (random) id,
 * unique across tenants in practice and by the database (`instruments_code_version_key`). Fits the
 * instrument code pattern `^[a-z0-9][a-z0-9-]{0,62}$`.
 */
export function instrumentCodeOf(title: string, id: string): string {
  return `${slugOf(title)}-${id.replace(/-/g, '').slice(-8)}`;
}

/** Rows of one tree, numbered: competencies 1…n across the instrument, indicators 1…m within their competency. */
export interface TreeRows {
  domains: { id: string; code: string; name: string; sortOrder: number }[];
  competencies: { id: string; domainId: string; number: number; name: string; sortOrder: number }[];
  indicators: { id: string; competencyId: string; number: number; text: string; sortOrder: number; descriptors: Record<string, string> }[];
  focusTags: { indicatorId: string; focus: FocusDimension }[];
}

/** Turns a submitted tree (in order) into rows with new ids from `newId`. */
export function treeRowsOf(domains: readonly BuilderDomainInput[], newId: () => string): TreeRows {
  const rows: TreeRows = { domains: [], competencies: [], indicators: [], focusTags: [] };
  let competencyNumber = 0;
  let position = 0;
  domains.forEach((d, di) => {
    const domainId = newId();
    rows.domains.push({ id: domainId, code: `ranah-${di + 1}`, name: d.name, sortOrder: di + 1 });
    for (const c of d.competencies) {
      competencyNumber++;
      const competencyId = newId();
      rows.competencies.push({ id: competencyId, domainId, number: competencyNumber, name: c.name, sortOrder: competencyNumber });
      c.indicators.forEach((i, ii) => {
        position++;
        const indicatorId = newId();
        rows.indicators.push({ id: indicatorId, competencyId, number: ii + 1, text: i.text, sortOrder: position, descriptors: { ...i.descriptors } });
        for (const focus of new Set(i.focus)) rows.focusTags.push({ indicatorId, focus });
      });
    }
  });
  return rows;
}

/** The submitted-tree form of a stored instrument (to copy it into a new version). */
export function treeInputOf(detail: InstrumentDetail): BuilderDomainInput[] {
  return detail.domains.map((d) => ({
    name: d.name,
    competencies: d.competencies.map((c) => ({
      name: c.name,
      indicators: c.indicators.map((i) => ({ text: i.text, descriptors: { ...i.descriptors }, focus: [...i.focus] })),
    })),
  }));
}
