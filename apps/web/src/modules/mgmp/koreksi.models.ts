import type { MgmpDecision, MgmpMemberRole } from '@tumbuh/shared';

/**
 * Whether to offer "Koreksi keputusan": a closed decision of a group that is not archived, to its
 * ketua or the madrasah's kepala / operator (the server decides again: mgmp.models.ts
 * `decisionRevisionRefusal`).
 */
export function canCorrectDecision(input: { status: MgmpDecision['status']; archived: boolean; myRole: MgmpMemberRole | null; kepalaMadrasah: boolean; operator: boolean }): boolean {
  return input.status === 'closed' && !input.archived && (input.myRole === 'ketua' || input.kepalaMadrasah || input.operator);
}

export interface CorrectionForm {
  statement: string;
  rationale: string;
  reviewDate: string;
  reason: string;
}

/** The form, filled with the decision's current wording. */
export function correctionForm(d: Pick<MgmpDecision, 'statement' | 'rationale' | 'reviewDate'>): CorrectionForm {
  return { statement: d.statement ?? '', rationale: d.rationale ?? '', reviewDate: d.reviewDate ?? '', reason: '' };
}

/**
 * The body of POST /mgmp/decisions/:id/revise: only the fields that differ from the decision (an
 * emptied rationale or review date is sent as null), and the reason. Null when nothing differs.
 */
export function correctionBody(
  d: Pick<MgmpDecision, 'statement' | 'rationale' | 'reviewDate'>,
  form: CorrectionForm,
): { statement?: string; rationale?: string | null; reviewDate?: string | null; reason: string } | null {
  const statement = form.statement.trim();
  const rationale = form.rationale.trim() || null;
  const reviewDate = form.reviewDate || null;
  const body: { statement?: string; rationale?: string | null; reviewDate?: string | null; reason: string } = { reason: form.reason.trim() };
  if (statement !== (d.statement ?? '')) body.statement = statement;
  if (rationale !== d.rationale) body.rationale = rationale;
  if (reviewDate !== d.reviewDate) body.reviewDate = reviewDate;
  return Object.keys(body).length > 1 ? body : null;
}
