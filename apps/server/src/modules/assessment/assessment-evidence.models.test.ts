import { describe, expect, it } from 'vitest';
import { evidenceByIndicator, evidenceWindow } from './assessment-evidence.models.ts';

const note = (id: string, notedAt: string, indicatorIds: string[]) => ({ id, notedAt, indicatorIds });

describe('evidence beside the indicators of an assessment', () => {
  it('notes go beside each indicator they are tagged to, in instrument order, oldest first', () => {
    const items = evidenceByIndicator(['i1', 'i2', 'i3'], [note('b', '2026-08-02T02:00:00Z', ['i3', 'i1']), note('a', '2026-08-01T02:00:00Z', ['i1'])]);
    expect(items.map((i) => [i.indicatorId, i.notes.map((n) => n.id)])).toEqual([
      ['i1', ['a', 'b']],
      ['i3', ['b']],
    ]);
  });

  it('a tag to an indicator of another instrument (PMM) is not mapped to any PKG indicator', () => {
    expect(evidenceByIndicator(['pkg1', 'pkg2'], [note('a', '2026-08-01T02:00:00Z', ['pmm1', 'pmm6'])])).toEqual([]);
  });

  it('a note tagged twice to the same indicator is listed once', () => {
    expect(evidenceByIndicator(['i1'], [note('a', '2026-08-01T02:00:00Z', ['i1', 'i1'])])[0]?.notes).toHaveLength(1);
  });

  it('the window is the academic year of the period, in WIB days', () => {
    const w = evidenceWindow('2026/2027', '07-01');
    expect(w?.first).toBe('2026-07-01');
    expect(w?.last).toBe('2027-06-30');
    expect(w?.from.toISOString()).toBe('2026-06-30T17:00:00.000Z');
    expect(w?.to.toISOString()).toBe('2027-06-30T16:59:59.999Z');
    expect(evidenceWindow('2026/2028', '07-01')).toBeUndefined();
  });
});
