/**
 * Pure rules of the rating form: the instrument in form order, the live PKG result with the same
 * shared scoring module the server uses, and the ratings kept on the device until they are sent.
 */
import { annualAngkaKredit, competencyValue, PKG_INDICATOR_MAX, roundHalfUpDiv, scorePkg, type InstrumentDetail, type PkgBandRule, type PkgScore } from '@tumbuh/shared';

export interface FormIndicator {
  id: string;
  number: number;
  position: number;
  text: string;
  /** What each scale level looks like for this indicator (madrasah instruments; {} for PKG). */
  descriptors: Readonly<Record<string, string>>;
}
export interface FormCompetency {
  number: number;
  name: string;
  domain: string;
  indicators: FormIndicator[];
}
export interface FormIndex {
  competencies: FormCompetency[];
  count: number;
  /** indicator id → position 1–78. */
  positionOf: Map<string, number>;
  /** Scored as PKG (0/1/2, Nilai PKG); false for a madrasah's own instrument rated on its own scale. */
  scored: boolean;
  /** The scale levels, lowest first: one button each. */
  levels: { value: number; label: string; description: string }[];
}

export function formIndex(detail: InstrumentDetail): FormIndex {
  const competencies = detail.domains.flatMap((d) =>
    d.competencies.map((c) => ({ number: c.number, name: c.name, domain: d.name, indicators: c.indicators.map((i) => ({ id: i.id, number: i.number, position: i.position, text: i.text, descriptors: i.descriptors })) })),
  );
  const positionOf = new Map(competencies.flatMap((c) => c.indicators.map((i) => [i.id, i.position] as const)));
  const scored = detail.scoringMethod === 'pkg-2009';
  const levels = scored ? detail.scale.levels.filter((l) => l.value >= 0 && l.value <= PKG_INDICATOR_MAX) : detail.scale.levels;
  return { competencies, count: positionOf.size, positionOf, scored, levels };
}

export interface CompetencyLive {
  number: number;
  rated: number;
  count: number;
  /** Percent and value once every indicator of the competency is rated. */
  percent: number | null;
  value: number | null;
}
export interface LiveResult {
  rated: number;
  total: number;
  competencies: CompetencyLive[];
  /** The full PKG result once every indicator is rated (same module and rule as the server). */
  score: PkgScore | null;
}

/** The live result of the ratings given so far (indicator id → a level: 0/1/2 for PKG); no PKG numbers for a madrasah instrument. */
export function liveResult(index: FormIndex, ratings: Readonly<Record<string, number>>, rule: PkgBandRule): LiveResult {
  const onScale = new Set(index.levels.map((l) => l.value));
  let rated = 0;
  const arrays: number[][] = [];
  const competencies = index.competencies.map((c) => {
    const values = c.indicators.map((i) => ratings[i.id]);
    const given = values.filter((v): v is number => v !== undefined && onScale.has(v));
    rated += given.length;
    arrays.push(given);
    const complete = index.scored && given.length === c.indicators.length;
    const score = given.reduce((s, v) => s + v, 0);
    const max = c.indicators.length * PKG_INDICATOR_MAX;
    return { number: c.number, rated: given.length, count: c.indicators.length, percent: complete ? roundHalfUpDiv(score * 10_000, max) / 100 : null, value: complete ? competencyValue(score, max) : null };
  });
  const complete = rated === index.count && index.count > 0;
  const definition = { competencies: index.competencies.map((c) => ({ number: c.number, indicatorCount: c.indicators.length })) };
  return { rated, total: index.count, competencies, score: complete && index.scored ? scorePkg(definition, arrays, rule) : null };
}

/** Ratings kept on the device until the server has them: indicator id → score. */
export type Pending = Record<string, number>;

const PREFIX = 'tumbuh.penilaian.';

export function loadPending(assessmentId: string): Pending {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(PREFIX + assessmentId) ?? '{}');
    const out: Pending = {};
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) if (v === 0 || v === 1 || v === 2) out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

export function savePending(assessmentId: string, pending: Pending): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(PREFIX + assessmentId);
    else localStorage.setItem(PREFIX + assessmentId, JSON.stringify(pending));
  } catch {
    // Storage unavailable: ratings are still sent while online.
  }
}

/** What is left to send after the server confirmed `sent`: entries changed again meanwhile stay. */
export function afterSent(pending: Pending, sent: Pending): Pending {
  const out: Pending = {};
  for (const [k, v] of Object.entries(pending)) if (sent[k] !== v) out[k] = v;
  return out;
}

/** Evidence notes typed on the device not yet on the server: indicator id → text ('' clears). */
export type PendingEvidence = Record<string, string>;

const EVIDENCE_PREFIX = 'tumbuh.penilaian.bukti.';
/** The server's limit of an evidence note. */
export const EVIDENCE_MAX = 2000;

export function loadPendingEvidence(assessmentId: string): PendingEvidence {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(EVIDENCE_PREFIX + assessmentId) ?? '{}');
    const out: PendingEvidence = {};
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v.slice(0, EVIDENCE_MAX);
    }
    return out;
  } catch {
    return {};
  }
}

export function savePendingEvidence(assessmentId: string, pending: PendingEvidence): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(EVIDENCE_PREFIX + assessmentId);
    else localStorage.setItem(EVIDENCE_PREFIX + assessmentId, JSON.stringify(pending));
  } catch {
    // Storage unavailable: evidence is still sent while online.
  }
}

/** What is left of the typed evidence after the server confirmed `sent`: texts changed again meanwhile stay. */
export function afterSentEvidence(pending: PendingEvidence, sent: PendingEvidence): PendingEvidence {
  const out: PendingEvidence = {};
  for (const [k, v] of Object.entries(pending)) if (sent[k] !== v) out[k] = v;
  return out;
}

/** Stored evidence as the form compares it: null and '' are both "none". */
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();

export interface RatingEntry {
  indicatorId: string;
  score: number;
  /** Sent only when the note changed; left out, the server keeps the stored note. */
  evidence?: string;
}

/**
 * The ratings to send: every indicator whose score or evidence note differs from the server's.
 * A rating needs a score, so a note typed on an indicator not yet rated waits on the device
 * until the indicator is rated. An unchanged note is left out (the server keeps it).
 */
export function ratingBatch(scores: Pending, evidence: PendingEvidence, server: Readonly<Record<string, { score: number; evidence: string | null }>>): RatingEntry[] {
  const ids = [...new Set([...Object.keys(scores), ...Object.keys(evidence)])];
  const out: RatingEntry[] = [];
  for (const indicatorId of ids) {
    const stored = server[indicatorId];
    const score = scores[indicatorId] ?? stored?.score;
    if (score === undefined) continue;
    const note = evidence[indicatorId];
    const noteChanged = note !== undefined && !same(note, stored?.evidence);
    if (score === stored?.score && !noteChanged) continue;
    out.push(noteChanged ? { indicatorId, score, evidence: note.trim() } : { indicatorId, score });
  }
  return out;
}

/** The rank data typed into the angka kredit calculator, as text (what the fields hold). */
export interface RankFields {
  akk: string;
  akpkb: string;
  akp: string;
  teachingHours: string;
}

export const EMPTY_RANK_FIELDS: RankFields = { akk: '', akpkb: '', akp: '', teachingHours: '' };

/** A number as typed by an Indonesian or English user: `12,5` and `12.5` are the same; empty is null. */
function typedNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

export type AngkaKreditAnswer =
  | { kind: 'incomplete' }
  | { kind: 'invalid'; reason: 'invalid_number' | 'credits_exceed_akk' }
  | { kind: 'ok'; perYear: number; hoursFactor: number; npk: number };

/**
 * The annual angka kredit of a PKG result from the rank data typed in (Permenneg PAN-RB 16/2009,
 * the same pure formula the server's calculator uses): nothing until all four fields are filled;
 * JM must be a whole number of hours.
 */
export function angkaKreditFromFields(fields: RankFields, npk: number): AngkaKreditAnswer {
  const values = [fields.akk, fields.akpkb, fields.akp, fields.teachingHours];
  if (values.some((v) => v.trim() === '')) return { kind: 'incomplete' };
  const [akk, akpkb, akp, teachingHours] = values.map(typedNumber);
  if (akk == null || akpkb == null || akp == null || teachingHours == null || !Number.isInteger(teachingHours)) return { kind: 'invalid', reason: 'invalid_number' };
  const r = annualAngkaKredit({ akk, akpkb, akp, teachingHours, npk });
  return r.ok ? { kind: 'ok', perYear: r.perYear, hoursFactor: r.hoursFactor, npk: r.npk } : { kind: 'invalid', reason: r.reason };
}

const rankKey = (teacherId: string) => `tumbuh.penilaian.rank.${teacherId}`;

/** Rank data kept on this device per teacher (it is not stored on the server). */
export function loadRankFields(teacherId: string): RankFields {
  try {
    const raw = localStorage.getItem(rankKey(teacherId));
    const v: unknown = raw ? JSON.parse(raw) : null;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const s = (k: keyof RankFields) => (typeof o[k] === 'string' ? (o[k] as string) : '');
      return { akk: s('akk'), akpkb: s('akpkb'), akp: s('akp'), teachingHours: s('teachingHours') };
    }
  } catch {
    // storage unavailable or damaged: start empty
  }
  return { ...EMPTY_RANK_FIELDS };
}

export function saveRankFields(teacherId: string, fields: RankFields): void {
  try {
    localStorage.setItem(rankKey(teacherId), JSON.stringify(fields));
  } catch {
    // private mode or full storage: the calculator still works for this visit
  }
}
