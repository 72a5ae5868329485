import type { DeepStringRecord } from '../en.ts';
import type { koreksiId } from './koreksi.id.ts';

/** Correcting a closed musyawarah decision (an audited revision) and its revision history. */
export const koreksiEn: DeepStringRecord<typeof koreksiId> = {
  correct: 'Correct decision',
  hint: "The outcome and the members' votes cannot be changed. What can be corrected: the statement, the rationale and the review date. The earlier wording stays in the revision history.",
  reason: 'Reason for the correction',
  reasonHint: 'Required: why this decision is corrected.',
  save: 'Save correction',
  saved: 'Correction saved; the earlier wording is in the revision history.',
  history: 'Revision history ({count})',
  revision: 'Revision {n}',
  byOn: '{date} · {name}',
  reasonText: 'Reason: {reason}',
  earlier: 'Earlier wording',
  noRationale: '(no rationale)',
  noReviewDate: '(no review date)',
  reviewDate: 'Review: {date}',
};
