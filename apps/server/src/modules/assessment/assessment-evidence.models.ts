/**
 * Pure rules of the evidence shown beside each indicator of an assessment: which observations
 * count (the academic year of the assessment's period) and which notes go beside which indicator.
 */
import { academicYearBounds } from './assessment-settings.models.ts';

/** Indonesia's western time (WIB): the day boundaries of the window are the madrasah's days. */
const WIB_OFFSET = '+07:00';

/**
 * The observations that count as evidence for an assessment: lessons in the academic year of its
 * period (first day 00:00 to last day 24:00 WIB). Undefined for a malformed year.
 */
export function evidenceWindow(academicYear: string, yearStartsOn: string): { first: string; last: string; from: Date; to: Date } | undefined {
  const bounds = academicYearBounds(academicYear, yearStartsOn);
  if (!bounds) return undefined;
  return { ...bounds, from: new Date(`${bounds.first}T00:00:00${WIB_OFFSET}`), to: new Date(`${bounds.last}T23:59:59.999${WIB_OFFSET}`) };
}

/**
 * Notes grouped beside the indicators of the assessment's instrument version, in instrument order,
 * oldest note first. A tag to an indicator of another instrument (e.g. the PMM observation sheet)
 * is left out: no mapping between instruments is assumed. Indicators without notes are left out.
 */
export function evidenceByIndicator<N extends { indicatorIds: readonly string[]; notedAt: string; id: string }>(indicatorIds: readonly string[], notes: readonly N[]): { indicatorId: string; notes: N[] }[] {
  const map = new Map<string, N[]>(indicatorIds.map((id) => [id, []]));
  const sorted = [...notes].sort((a, b) => a.notedAt.localeCompare(b.notedAt) || a.id.localeCompare(b.id));
  for (const note of sorted) for (const id of new Set(note.indicatorIds)) map.get(id)?.push(note);
  return indicatorIds.flatMap((indicatorId) => {
    const list = map.get(indicatorId) ?? [];
    return list.length > 0 ? [{ indicatorId, notes: list }] : [];
  });
}
