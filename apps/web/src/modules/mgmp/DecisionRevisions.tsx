import type { MgmpDecision, MgmpDecisionRevision } from '@tumbuh/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import type { ListResult } from '../../shared/people.api.ts';
import { ErrorNote, Field, Loading, useFieldErrors } from '../../shared/ui.tsx';
import { correctionBody, correctionForm, type CorrectionForm } from './koreksi.models.ts';
import { mgmpKeys } from './mgmp.api.ts';

/** Under the 'mgmp' key, so the page's broad invalidations reach it. */
const revisionsKey = (decisionId: string) => ['mgmp', 'decision-revisions', decisionId] as const;

function useDecisionRevisions(decisionId: string) {
  return useQuery({
    queryKey: revisionsKey(decisionId),
    queryFn: ({ signal }) => api<ListResult<MgmpDecisionRevision>>('GET', `/mgmp/decisions/${encodeURIComponent(decisionId)}/revisions`, { signal }),
  });
}

/**
 * "Koreksi keputusan" on a closed decision (ketua, kepala madrasah, operator): statement, rationale
 * and review date with a required reason; an audited revision, the earlier wording stays in the history.
 */
export function DecisionCorrection({ decision, meetingId }: { decision: MgmpDecision; meetingId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!open) {
    return (
      <div className="decision-correction">
        {saved && (
          <p className="note note-ok small" role="status">
            {t('koreksi.saved')}
          </p>
        )}
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          {t('koreksi.correct')}
        </button>
      </div>
    );
  }
  return (
    <CorrectionFormView
      decision={decision}
      meetingId={meetingId}
      onDone={() => {
        setSaved(true);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

function CorrectionFormView({ decision, meetingId, onDone, onCancel }: { decision: MgmpDecision; meetingId: string; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<CorrectionForm>(() => correctionForm(decision));
  const set = (field: keyof CorrectionForm, value: string) => setForm((f) => ({ ...f, [field]: value }));
  const body = correctionBody(decision, form);
  const save = useMutation({
    mutationFn: () => api<MgmpDecision>('POST', `/mgmp/decisions/${encodeURIComponent(decision.id)}/revise`, { body: body ?? { reason: form.reason } }),
    onSuccess: (fresh) => {
      queryClient.setQueryData<{ items: MgmpDecision[]; total: number }>(mgmpKeys.decisions(fresh.groupId), (old) => (old ? { ...old, items: old.items.map((d) => (d.id === fresh.id ? fresh : d)) } : old));
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.decisions(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(fresh.groupId) });
      // A new review date may have put the decision on the next meeting's agenda.
      void queryClient.invalidateQueries({ queryKey: ['mgmp', 'meeting'] });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.meeting(meetingId) });
      void queryClient.invalidateQueries({ queryKey: revisionsKey(fresh.id) });
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <form
      className="close-form correction-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h5>{t('koreksi.correct')}</h5>
      <p className="small muted">{t('koreksi.hint')}</p>
      <Field label={t('mgmp.decision.statement')} required error={errors.statement}>
        {(p) => <textarea {...p} rows={2} value={form.statement} onChange={(e) => set('statement', e.target.value)} />}
      </Field>
      <Field label={t('mgmp.decision.rationale')} hint={decision.outcome === 'vote' && decision.tally.blok > 0 ? t('mgmp.decision.rationaleHint') : undefined} error={errors.rationale}>
        {(p) => <textarea {...p} rows={2} value={form.rationale} onChange={(e) => set('rationale', e.target.value)} />}
      </Field>
      <Field label={t('mgmp.decision.reviewDate')} error={errors.reviewDate}>
        {(p) => <input {...p} type="date" value={form.reviewDate} onChange={(e) => set('reviewDate', e.target.value)} />}
      </Field>
      <Field label={t('koreksi.reason')} hint={t('koreksi.reasonHint')} required error={errors.reason}>
        {(p) => <input {...p} value={form.reason} onChange={(e) => set('reason', e.target.value)} />}
      </Field>
      <ErrorNote error={save.error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending || body === null || form.reason.trim() === ''}>
          {save.isPending ? t('common.saving') : t('koreksi.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Riwayat revisi": every correction of a decision, newest first, with the earlier wording. Shown to everyone who reads the decision. */
export function DecisionRevisionHistory({ decisionId }: { decisionId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const revisions = useDecisionRevisions(decisionId);
  if (revisions.isPending) return <Loading />;
  if (revisions.error) return <ErrorNote error={revisions.error} onRetry={() => void revisions.refetch()} />;
  if (revisions.data.total === 0) return null;
  return (
    <details className="older decision-revisions">
      <summary>{t('koreksi.history', { count: revisions.data.total })}</summary>
      {revisions.data.items.map((r) => (
        <div key={r.revision} className="minutes-view decision-revision">
          <p className="muted small">
            <strong>{t('koreksi.revision', { n: r.revision })}</strong> · {t('koreksi.byOn', { date: formatDateTime(r.revisedAt, locale), name: r.revisedBy })}
          </p>
          <p className="small">{t('koreksi.reasonText', { reason: r.reason })}</p>
          <div className="small">
            <p className="muted">{t('koreksi.earlier')}:</p>
            <p className="statement">{r.before.statement ?? t('common.none')}</p>
            <p className="muted">{r.before.rationale ?? t('koreksi.noRationale')}</p>
            <p className="muted">{r.before.reviewDate ? t('koreksi.reviewDate', { date: formatDate(r.before.reviewDate, locale) }) : t('koreksi.noReviewDate')}</p>
          </div>
        </div>
      ))}
    </details>
  );
}
