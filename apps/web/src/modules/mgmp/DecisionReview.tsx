import type { MgmpDecision, MgmpGroup } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field, useFieldErrors } from '../../shared/ui.tsx';
import { mgmpKeys, useMgmpDecisions } from './mgmp.api.ts';
import { SkeletonList } from './parts.tsx';

/**
 * Decisions due for review on the group page. Officers (and the kepala / operator) mark one
 * reviewed with a note; the decision itself stays as it was closed. The latest reviews are listed
 * with their notes.
 */
export function DecisionReviewCard({ group }: { group: MgmpGroup }) {
  const t = useT();
  const { locale } = useLocale();
  const decisions = useMgmpDecisions(group.id);
  const manage = group.access === 'manage' && !group.archived;
  const items = decisions.data?.items ?? [];
  const due = items.filter((d) => d.dueForReview);
  const reviewed = items
    .filter((d) => d.reviewedAt !== null)
    .sort((a, b) => (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''))
    .slice(0, 5);
  return (
    <div className="card decision-review">
      <h2>{t('mgmpAdmin.decisions.dueTitle')}</h2>
      {decisions.isPending ? (
        <SkeletonList rows={1} />
      ) : decisions.error ? (
        <ErrorNote error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : (
        <>
          {due.length === 0 ? (
            <p className="muted">{t('mgmpAdmin.decisions.noDue')}</p>
          ) : (
            <ul className="item-list">
              {due.map((d) => (
                <li key={d.id} className="due-decision">
                  <div className="item-main">
                    <strong>{d.statement ?? d.proposal}</strong>
                    <span className="muted small">
                      {d.reviewDate && t('mgmpAdmin.decisions.reviewDate', { date: formatDate(d.reviewDate, locale) })} <Link to={`/mgmp/rapat/${d.meetingId}`}>{t('mgmpAdmin.decisions.openMeeting')}</Link>
                    </span>
                    {manage && <ReviewForm decision={d} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {manage && due.length > 0 && <p className="muted small">{t('mgmpAdmin.decisions.immutable')}</p>}
          {reviewed.length > 0 && (
            <>
              <h3 className="subhead">{t('mgmpAdmin.decisions.reviewedTitle')}</h3>
              <ul className="item-list reviewed-decisions">
                {reviewed.map((d) => (
                  <li key={d.id}>
                    <div className="item-main">
                      <strong>{d.statement ?? d.proposal}</strong>
                      <span className="muted small">{t('mgmpAdmin.decisions.reviewedOn', { date: formatDate((d.reviewedAt ?? '').slice(0, 10), locale) })}</span>
                      <span className="small">{d.reviewNote ?? t('mgmpAdmin.decisions.noNote')}</span>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

function ReviewForm({ decision }: { decision: MgmpDecision }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`mgmp.review.${decision.id}`, { note: '' });
  const review = useMutation({
    mutationFn: () => api<MgmpDecision>('POST', `/mgmp/decisions/${encodeURIComponent(decision.id)}/review`, { body: { note: draft.values.note.trim() || null } }),
    onSuccess: (fresh) => {
      draft.clear();
      queryClient.setQueryData<{ items: MgmpDecision[]; total: number }>(mgmpKeys.decisions(fresh.groupId), (old) => (old ? { ...old, items: old.items.map((d) => (d.id === fresh.id ? fresh : d)) } : old));
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.decisions(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(fresh.groupId) });
    },
  });
  const errors = useFieldErrors(review.error);
  return (
    <form
      className="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        review.mutate();
      }}
    >
      {draft.restored && <p className="note small">{t('mgmpAdmin.restored')}</p>}
      <Field label={t('mgmpAdmin.decisions.note')} hint={t('mgmpAdmin.decisions.noteHint')} error={errors.note}>
        {(p) => <textarea {...p} rows={2} value={draft.values.note} onChange={(e) => draft.set('note', e.target.value)} />}
      </Field>
      <ErrorNote error={review.error} />
      <button type="submit" className="btn btn-primary btn-block btn-touch" disabled={review.isPending}>
        {t('mgmpAdmin.decisions.markReviewed')}
      </button>
    </form>
  );
}
