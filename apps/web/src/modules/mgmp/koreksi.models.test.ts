import { MGMP_MEMBER_ROLES, type MgmpMemberRole } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { canCorrectDecision, correctionBody, correctionForm } from './koreksi.models.ts';

describe('who is offered "Koreksi keputusan"', () => {
  const offices: (MgmpMemberRole | null)[] = [...MGMP_MEMBER_ROLES, null];
  const cases = offices.flatMap((myRole) => [false, true].flatMap((kepalaMadrasah) => [false, true].map((operator) => ({ myRole, kepalaMadrasah, operator }))));
  it.each(cases)('office $myRole, kepala $kepalaMadrasah, operator $operator', (who) => {
    const may = who.myRole === 'ketua' || who.kepalaMadrasah || who.operator;
    expect(canCorrectDecision({ ...who, status: 'closed', archived: false })).toBe(may);
    expect(canCorrectDecision({ ...who, status: 'open', archived: false })).toBe(false);
    expect(canCorrectDecision({ ...who, status: 'closed', archived: true })).toBe(false);
  });
});

describe('the correction body', () => {
  const d = { statement: 'Ulangan tiap bulan.', rationale: 'Sepakat.', reviewDate: '2027-01-01' };
  it('is null when nothing differs (spaces around the text do not count)', () => {
    expect(correctionBody(d, { ...correctionForm(d), reason: 'x' })).toBeNull();
    expect(correctionBody(d, { ...correctionForm(d), statement: ' Ulangan tiap bulan. ', reason: 'x' })).toBeNull();
  });
  it('sends only what changed, with the reason; emptied fields as null', () => {
    expect(correctionBody(d, { ...correctionForm(d), statement: 'Ulangan tiap semester.', reason: ' Salah tulis ' })).toEqual({ statement: 'Ulangan tiap semester.', reason: 'Salah tulis' });
    expect(correctionBody(d, { ...correctionForm(d), rationale: ' ', reviewDate: '', reason: 'Hapus' })).toEqual({ rationale: null, reviewDate: null, reason: 'Hapus' });
    expect(correctionBody({ ...d, rationale: null, reviewDate: null }, { ...correctionForm({ ...d, rationale: null, reviewDate: null }), reviewDate: '2027-03-01', reason: 'Tinjau' })).toEqual({ reviewDate: '2027-03-01', reason: 'Tinjau' });
  });
});
