/**
 * Pure rules of the instrument builder: the draft as the form holds it (a tree of domains →
 * competencies → indicators, each node with a local key for React), the tree edits (add, rename,
 * move up/down, remove), the scale edits that keep every indicator's descriptors in step with the
 * levels, a mirror of the server's validation (so most mistakes show before saving), and the
 * check that a draft restored from the device still has the right shape.
 */
import {
  FOCUS_DIMENSIONS,
  INSTRUMENT_BUILDER_LIMITS as L,
  type FocusDimension,
  type InstrumentScale,
  type InstrumentSummary,
  type MadrasahInstrument,
  type PublishProblem,
  type UpdateMadrasahInstrumentInput,
} from '@tumbuh/shared';

export const MIN_LEVELS = L.scaleLevelsMin;
export const MAX_LEVELS = L.scaleLevelsMax;

export interface LevelDraft {
  value: number;
  label: string;
  description: string;
}
export interface IndicatorDraft {
  key: string;
  text: string;
  /** One descriptor per scale level, in the order of the levels. */
  descriptors: string[];
  focus: FocusDimension[];
}
export interface CompetencyDraft {
  key: string;
  name: string;
  indicators: IndicatorDraft[];
}
export interface DomainDraft {
  key: string;
  name: string;
  competencies: CompetencyDraft[];
}
export interface BuilderDraft {
  title: string;
  source: string;
  /** Lowest first. */
  levels: LevelDraft[];
  domains: DomainDraft[];
}

let counter = 0;
/** A key unique on this page (no crypto.randomUUID: a school server on plain http is not a secure context). */
export function newKey(): string {
  counter += 1;
  return `k${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

// ---------- list helpers ----------
/** The list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

function replaceAt<T>(list: readonly T[], index: number, fn: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? fn(item) : item));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

// ---------- tree paths ----------
/** Where a node sits: `[d]` a domain, `[d, c]` a competency, `[d, c, i]` an indicator. */
export type NodePath = readonly [number] | readonly [number, number] | readonly [number, number, number];

export function emptyIndicator(levelCount: number): IndicatorDraft {
  return { key: newKey(), text: '', descriptors: Array.from({ length: levelCount }, () => ''), focus: [] };
}
export function emptyCompetency(levelCount: number): CompetencyDraft {
  return { key: newKey(), name: '', indicators: [emptyIndicator(levelCount)] };
}
export function emptyDomain(levelCount: number): DomainDraft {
  return { key: newKey(), name: '', competencies: [emptyCompetency(levelCount)] };
}

/** Adds an empty child under `parent` (`[]` adds a domain, `[d]` a competency, `[d, c]` an indicator). */
export function addNode(draft: BuilderDraft, parent: readonly [] | readonly [number] | readonly [number, number]): BuilderDraft {
  const n = draft.levels.length;
  if (parent.length === 0) return { ...draft, domains: [...draft.domains, emptyDomain(n)] };
  if (parent.length === 1) {
    return { ...draft, domains: replaceAt(draft.domains, parent[0], (d) => ({ ...d, competencies: [...d.competencies, emptyCompetency(n)] })) };
  }
  const [d, c] = parent;
  return {
    ...draft,
    domains: replaceAt(draft.domains, d, (dom) => ({ ...dom, competencies: replaceAt(dom.competencies, c, (comp) => ({ ...comp, indicators: [...comp.indicators, emptyIndicator(n)] })) })),
  };
}

/** Applies `fn` to the list that holds the node at `path` (the domains, a domain's competencies or a competency's indicators). */
function editSiblings(draft: BuilderDraft, path: NodePath, fn: <T>(list: readonly T[], index: number) => T[]): BuilderDraft {
  if (path.length === 1) return { ...draft, domains: fn(draft.domains, path[0]) };
  if (path.length === 2) {
    const [d, c] = path;
    return { ...draft, domains: replaceAt(draft.domains, d, (dom) => ({ ...dom, competencies: fn(dom.competencies, c) })) };
  }
  const [d, c, i] = path;
  return {
    ...draft,
    domains: replaceAt(draft.domains, d, (dom) => ({ ...dom, competencies: replaceAt(dom.competencies, c, (comp) => ({ ...comp, indicators: fn(comp.indicators, i) })) })),
  };
}

/** Moves a node up (-1) or down (+1) among its siblings. */
export function moveNode(draft: BuilderDraft, path: NodePath, delta: -1 | 1): BuilderDraft {
  return editSiblings(draft, path, (list, index) => move(list, index, delta));
}

/** Removes a node with everything under it. */
export function removeNode(draft: BuilderDraft, path: NodePath): BuilderDraft {
  return editSiblings(draft, path, (list, index) => removeAt(list, index));
}

/** Renames a domain or a competency. */
export function renameNode(draft: BuilderDraft, path: readonly [number] | readonly [number, number], name: string): BuilderDraft {
  if (path.length === 1) return { ...draft, domains: replaceAt(draft.domains, path[0], (d) => ({ ...d, name })) };
  const [d, c] = path;
  return { ...draft, domains: replaceAt(draft.domains, d, (dom) => ({ ...dom, competencies: replaceAt(dom.competencies, c, (comp) => ({ ...comp, name })) })) };
}

/** Changes one indicator. */
export function updateIndicator(draft: BuilderDraft, path: readonly [number, number, number], fn: (indicator: IndicatorDraft) => IndicatorDraft): BuilderDraft {
  const [d, c, i] = path;
  return {
    ...draft,
    domains: replaceAt(draft.domains, d, (dom) => ({ ...dom, competencies: replaceAt(dom.competencies, c, (comp) => ({ ...comp, indicators: replaceAt(comp.indicators, i, fn) })) })),
  };
}

/** Turns a focus-dimension tag on or off, keeping the tags in their canonical order. */
export function toggleFocus(focus: readonly FocusDimension[], tag: FocusDimension): FocusDimension[] {
  const on = new Set(focus);
  if (on.has(tag)) on.delete(tag);
  else on.add(tag);
  return FOCUS_DIMENSIONS.filter((f) => on.has(f));
}

// ---------- scale ----------
function mapIndicators(draft: BuilderDraft, fn: (indicator: IndicatorDraft) => IndicatorDraft): DomainDraft[] {
  return draft.domains.map((d) => ({ ...d, competencies: d.competencies.map((c) => ({ ...c, indicators: c.indicators.map(fn) })) }));
}

/** Adds a level on top of the scale (value one more than the highest) and an empty descriptor to every indicator. */
export function addLevel(draft: BuilderDraft): BuilderDraft {
  if (draft.levels.length >= MAX_LEVELS) return draft;
  const top = draft.levels.reduce((m, l) => Math.max(m, l.value), draft.levels.length === 0 ? 0 : -Infinity);
  const value = draft.levels.length === 0 ? 1 : top + 1;
  return {
    ...draft,
    levels: [...draft.levels, { value, label: '', description: '' }],
    domains: mapIndicators(draft, (i) => ({ ...i, descriptors: [...i.descriptors, ''] })),
  };
}

/** Removes a level and the matching descriptor of every indicator (never below the minimum). */
export function removeLevel(draft: BuilderDraft, index: number): BuilderDraft {
  if (draft.levels.length <= MIN_LEVELS || index < 0 || index >= draft.levels.length) return draft;
  return { ...draft, levels: removeAt(draft.levels, index), domains: mapIndicators(draft, (i) => ({ ...i, descriptors: removeAt(i.descriptors, index) })) };
}

export function updateLevel(draft: BuilderDraft, index: number, patch: Partial<LevelDraft>): BuilderDraft {
  return { ...draft, levels: replaceAt(draft.levels, index, (l) => ({ ...l, ...patch })) };
}

/** A fresh draft: a 4-level scale (1–4) and one empty domain. */
export function newDraft(): BuilderDraft {
  const levels = [1, 2, 3, 4].map((value) => ({ value, label: '', description: '' }));
  return { title: '', source: '', levels, domains: [emptyDomain(levels.length)] };
}

/** The scale a new instrument starts with (1–4, labels in the person's language); the builder changes it. */
export function startingScale(labels: readonly [string, string, string, string]): InstrumentScale {
  return { levels: labels.map((label, i) => ({ value: i + 1, label, description: '' })) };
}

// ---------- to and from the API ----------
/** The form's draft of a stored instrument version (descriptors keyed by level value become one per level). */
export function draftFromInstrument(instrument: Pick<MadrasahInstrument, 'title' | 'source' | 'scale' | 'domains'>): BuilderDraft {
  const levels = instrument.scale.levels.map((l) => ({ value: l.value, label: l.label, description: l.description }));
  return {
    title: instrument.title,
    source: instrument.source,
    levels,
    domains: instrument.domains.map((d) => ({
      key: newKey(),
      name: d.name,
      competencies: d.competencies.map((c) => ({
        key: newKey(),
        name: c.name,
        indicators: c.indicators.map((i) => ({ key: newKey(), text: i.text, descriptors: levels.map((l) => i.descriptors[String(l.value)] ?? ''), focus: FOCUS_DIMENSIONS.filter((f) => i.focus.includes(f)) })),
      })),
    })),
  };
}

/** The body of `PUT /madrasah-instruments/:id`: the whole draft, empty descriptors left out. */
export function draftToRequest(draft: BuilderDraft): UpdateMadrasahInstrumentInput {
  return {
    title: draft.title.trim(),
    source: draft.source.trim() || null,
    scale: { levels: draft.levels.map((l) => ({ value: l.value, label: l.label.trim(), description: l.description.trim() })) },
    domains: draft.domains.map((d) => ({
      name: d.name.trim(),
      competencies: d.competencies.map((c) => ({
        name: c.name.trim(),
        indicators: c.indicators.map((i) => ({
          text: i.text.trim(),
          descriptors: Object.fromEntries(
            draft.levels.flatMap((l, k) => {
              const text = (i.descriptors[k] ?? '').trim();
              return text ? [[String(l.value), text] as const] : [];
            }),
          ),
          focus: [...i.focus],
        })),
      })),
    })),
  };
}

/** Whether the form holds something the server does not (compared as the request it would send). */
export function sameContent(a: BuilderDraft, b: BuilderDraft): boolean {
  return JSON.stringify(draftToRequest(a)) === JSON.stringify(draftToRequest(b));
}

// ---------- counts ----------
export interface DraftCounts {
  domains: number;
  competencies: number;
  indicators: number;
}
export function countDraft(draft: BuilderDraft): DraftCounts {
  let competencies = 0;
  let indicators = 0;
  for (const d of draft.domains) {
    competencies += d.competencies.length;
    for (const c of d.competencies) indicators += c.indicators.length;
  }
  return { domains: draft.domains.length, competencies, indicators };
}

// ---------- validation mirror ----------
/** Why a field is not ready to save; the page shows the matching text beside the field. */
export type DraftProblem = 'required' | 'tooLong' | 'levelCount' | 'levelOrder' | 'levelRange';

/**
 * The server's rules for saving, checked on the device. Keys are the dotted paths of the request
 * body (`domains.0.competencies.1.indicators.2.descriptors.3`, a descriptor keyed by its level
 * value), the same the server names in a 422, so one lookup shows either beside its field.
 * Descriptors are optional; an empty tree may be saved (it cannot be published: see {@link publishProblems}).
 */
export function validateDraft(draft: BuilderDraft): Record<string, DraftProblem> {
  const out: Record<string, DraftProblem> = {};
  const text = (path: string, value: string, max: number, required = true) => {
    const v = value.trim();
    if (!v && required) out[path] = 'required';
    else if (v.length > max) out[path] = 'tooLong';
  };
  text('title', draft.title, L.titleMax);
  text('source', draft.source, L.sourceMax, false);
  if (draft.levels.length < MIN_LEVELS || draft.levels.length > MAX_LEVELS) out['scale.levels'] = 'levelCount';
  draft.levels.forEach((l, i) => {
    text(`scale.levels.${i}.label`, l.label, L.levelLabelMax);
    text(`scale.levels.${i}.description`, l.description, L.levelDescriptionMax, false);
    if (!Number.isInteger(l.value) || l.value < L.scaleValueMin || l.value > L.scaleValueMax) out[`scale.levels.${i}.value`] = 'levelRange';
    else if (i > 0 && l.value <= (draft.levels[i - 1]?.value ?? -Infinity)) out[`scale.levels.${i}.value`] = 'levelOrder';
  });
  draft.domains.forEach((d, di) => {
    const dp = `domains.${di}`;
    text(`${dp}.name`, d.name, L.nameMax);
    d.competencies.forEach((c, ci) => {
      const cp = `${dp}.competencies.${ci}`;
      text(`${cp}.name`, c.name, L.nameMax);
      c.indicators.forEach((ind, ii) => {
        const ip = `${cp}.indicators.${ii}`;
        text(`${ip}.text`, ind.text, L.indicatorTextMax);
        draft.levels.forEach((l, li) => text(`${ip}.descriptors.${l.value}`, ind.descriptors[li] ?? '', L.descriptorMax, false));
      });
    });
  });
  return out;
}

/** What stops the draft from being published, as the server lists it (1-based positions). */
export function publishProblems(draft: BuilderDraft): PublishProblem[] {
  if (draft.domains.length === 0) return [{ kind: 'no_domains' }];
  const out: PublishProblem[] = [];
  draft.domains.forEach((d, di) => {
    if (d.competencies.length === 0) out.push({ kind: 'domain_without_competencies', domain: di + 1 });
    d.competencies.forEach((c, ci) => {
      if (c.indicators.length === 0) out.push({ kind: 'competency_without_indicators', domain: di + 1, competency: ci + 1 });
    });
  });
  return out;
}

/** Whether any problem sits at `prefix` or below it (to mark a collapsed section that hides one). */
export function hasProblemUnder(problems: Readonly<Record<string, unknown>>, prefix: string): boolean {
  return Object.keys(problems).some((k) => k === prefix || k.startsWith(`${prefix}.`));
}

// ---------- restored drafts ----------
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function isFocus(v: unknown): v is FocusDimension {
  return FOCUS_DIMENSIONS.some((f) => f === v);
}

/**
 * A draft read back from the device, made safe: unknown fields dropped, missing ones filled,
 * descriptors padded or cut to the number of levels. Answers null when it is not a draft at all.
 */
export function normaliseDraft(raw: unknown): BuilderDraft | null {
  if (!isRecord(raw) || !Array.isArray(raw.levels) || !Array.isArray(raw.domains)) return null;
  const levels = raw.levels.filter(isRecord).map((l) => ({ value: typeof l.value === 'number' ? l.value : 0, label: str(l.label), description: str(l.description) }));
  const n = levels.length;
  const domains = raw.domains.filter(isRecord).map((d) => ({
    key: str(d.key) || newKey(),
    name: str(d.name),
    competencies: arr(d.competencies)
      .filter(isRecord)
      .map((c) => ({
        key: str(c.key) || newKey(),
        name: str(c.name),
        indicators: arr(c.indicators)
          .filter(isRecord)
          .map((i) => {
            const descriptors = arr(i.descriptors).map(str).slice(0, n);
            while (descriptors.length < n) descriptors.push('');
            return { key: str(i.key) || newKey(), text: str(i.text), descriptors, focus: FOCUS_DIMENSIONS.filter((f) => arr(i.focus).some((x) => isFocus(x) && x === f)) };
          }),
      })),
  }));
  return { title: str(raw.title), source: str(raw.source), levels, domains };
}

// ---------- the list ----------
/** The versions of one madrasah instrument code, newest first. */
export interface CodeGroup {
  code: string;
  newest: InstrumentSummary;
  versions: InstrumentSummary[];
}

/** The madrasah's instruments by code (one row each), versions newest first, rows by title. */
export function groupByCode(items: readonly InstrumentSummary[]): CodeGroup[] {
  const groups = new Map<string, InstrumentSummary[]>();
  for (const item of items) groups.set(item.code, [...(groups.get(item.code) ?? []), item]);
  return [...groups.entries()]
    .map(([code, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      const newest = sorted[0];
      return newest ? { code, newest, versions: sorted } : null;
    })
    .filter((g): g is CodeGroup => g !== null)
    .sort((a, b) => a.newest.title.localeCompare(b.newest.title, 'id'));
}
