import type { MgmpMinutes } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { mgmpKeys, useMinutes } from './mgmp.api.ts';

interface Props {
  agendaItemId: string;
  /** Officers write drafts and corrections. */
  canEdit: boolean;
  /** The ketua (or the kepala madrasah) approves. */
  canApprove: boolean;
}

/** Notulen of one agenda item: a draft the sekretaris writes, the ketua approves; approved ones are corrected by revision. */
export function MinutesSection({ agendaItemId, canEdit, canApprove }: Props) {
  const t = useT();
  const minutes = useMinutes(agendaItemId);
  const [revising, setRevising] = useState(false);
  if (minutes.isPending) return <Loading />;
  if (minutes.error) return <ErrorNote error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const [latest, ...older] = minutes.data.items;
  const draft = latest?.status === 'draft' ? latest : undefined;
  const approved = latest?.status === 'approved' ? latest : undefined;

  return (
    <div className="minutes">
      <h4 className="minutes-title">{t('mgmp.minutes.title')}</h4>
      {approved && <MinutesView minutes={approved} />}
      {approved && canEdit && !revising && (
        <button type="button" className="btn btn-small" onClick={() => setRevising(true)}>
          {t('mgmp.minutes.revise')}
        </button>
      )}
      {approved && revising && <MinutesForm agendaItemId={agendaItemId} initial={approved} revision onDone={() => setRevising(false)} />}
      {!approved && draft && !canEdit && <MinutesView minutes={draft} />}
      {!approved && canEdit && <MinutesForm key={draft?.id ?? 'new'} agendaItemId={agendaItemId} initial={draft} revision={false} />}
      {!approved && !draft && !canEdit && <p className="muted small">{t('mgmp.minutes.none')}</p>}
      {draft && canApprove && <ApproveButton agendaItemId={agendaItemId} />}
      {older.length > 0 && (
        <details className="older">
          <summary>{t('mgmp.minutes.older', { count: older.length })}</summary>
          {older.map((m) => (
            <MinutesView key={m.id} minutes={m} />
          ))}
        </details>
      )}
    </div>
  );
}

function MinutesView({ minutes }: { minutes: MgmpMinutes }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="minutes-view">
      <p className="muted small">
        {t('mgmp.minutes.revision', { n: minutes.revision })} ·{' '}
        {minutes.status === 'approved' ? (
          <span className="badge badge-ok">{t('mgmp.minutes.approvedAt', { date: formatDateTime(minutes.approvedAt, locale) })}</span>
        ) : (
          <span className="badge badge-warn">{t('mgmp.minutes.draft')}</span>
        )}
      </p>
      {minutes.correctionReason && <p className="small">{t('mgmp.minutes.correction', { reason: minutes.correctionReason })}</p>}
      <p className="pre">{minutes.summary}</p>
      {minutes.problems && (
        <p className="small pre">
          <strong>{t('mgmp.minutes.problems')}:</strong> {minutes.problems}
        </p>
      )}
    </div>
  );
}

function MinutesForm({ agendaItemId, initial, revision, onDone }: { agendaItemId: string; initial?: MgmpMinutes; revision: boolean; onDone?: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft(`mgmp.minutes.${agendaItemId}.${revision ? 'revision' : 'draft'}`, {
    summary: initial?.summary ?? '',
    problems: initial?.problems ?? '',
    reason: '',
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { summary: draft.values.summary, problems: draft.values.problems, contributions: initial?.contributions ?? [] };
      const path = `/mgmp/agenda-items/${encodeURIComponent(agendaItemId)}/minutes`;
      return revision ? api<MgmpMinutes>('POST', `${path}/revisions`, { body: { ...body, reason: draft.values.reason } }) : api<MgmpMinutes>('PUT', path, { body });
    },
    onSuccess: (fresh) => {
      draft.clear({ summary: fresh.summary, problems: fresh.problems ?? '', reason: '' });
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.minutes(agendaItemId) });
      onDone?.();
    },
  });
  return (
    <form
      className="minutes-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      {draft.restored && <p className="note small">{t('mgmp.minutes.restored')}</p>}
      {revision && (
        <Field label={t('mgmp.minutes.reason')} required>
          {(p) => <input {...p} value={draft.values.reason} onChange={(e) => draft.set('reason', e.target.value)} />}
        </Field>
      )}
      <Field label={t('mgmp.minutes.summary')} required>
        {(p) => <textarea {...p} rows={4} value={draft.values.summary} onChange={(e) => draft.set('summary', e.target.value)} />}
      </Field>
      <Field label={t('mgmp.minutes.problems')}>
        {(p) => <textarea {...p} rows={2} value={draft.values.problems} onChange={(e) => draft.set('problems', e.target.value)} />}
      </Field>
      <ErrorNote error={save.error} />
      {saved && (
        <p className="note note-ok small" role="status">
          {t('common.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : revision ? t('mgmp.minutes.saveRevision') : t('mgmp.minutes.saveDraft')}
        </button>
        {onDone && (
          <button type="button" className="btn" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function ApproveButton({ agendaItemId }: { agendaItemId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () => api<MgmpMinutes>('POST', `/mgmp/agenda-items/${encodeURIComponent(agendaItemId)}/minutes/approve`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mgmpKeys.minutes(agendaItemId) }),
  });
  return (
    <div className="approve">
      <ErrorNote error={approve.error} />
      <button type="button" className="btn btn-primary" disabled={approve.isPending} onClick={() => approve.mutate()}>
        {t('mgmp.minutes.approve')}
      </button>
    </div>
  );
}
