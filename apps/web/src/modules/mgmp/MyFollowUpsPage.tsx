import type { MgmpFollowUp, MgmpFollowUpStatus } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { mgmpKeys, nextFollowUpStatuses, useMgmpGroups, useMyFollowUps } from './mgmp.api.ts';
import { FollowUpSummary } from './parts.tsx';
import { EvidenceFiles } from '../files/FilesSection.tsx';

/** /mgmp/tindak-lanjut: the signed-in teacher's follow-ups, overdue first, each updatable from the phone. */
export function MyFollowUpsPage() {
  const t = useT();
  const list = useMyFollowUps();
  const groups = useMgmpGroups();
  const groupName = (id: string) => groups.data?.items.find((g) => g.id === id)?.name ?? '';
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const overdue = items.filter((f) => f.overdue).length;

  return (
    <section className="page">
      <Link to="/mgmp" className="back">
        ← {t('mgmp.group.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{t('mgmp.mine.title')}</h1>
          <p className="muted">{t('mgmp.mine.intro')}</p>
        </div>
        {overdue > 0 && <span className="badge badge-danger">{t('mgmp.mine.overdueCount', { count: overdue })}</span>}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('mgmp.mine.empty')}</p>
      ) : (
        <ul className="followup-list">
          {items.map((f) => (
            <FollowUpCard key={f.id} item={f} groupName={groupName(f.groupId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowUpCard({ item, groupName }: { item: MgmpFollowUp; groupName: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<MgmpFollowUpStatus>(item.status);
  const [evidence, setEvidence] = useState(item.evidence ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api<MgmpFollowUp>('PATCH', `/mgmp/follow-ups/${encodeURIComponent(item.id)}`, { body: { status, evidence } }),
    onSuccess: (fresh) => {
      setSaved(true);
      queryClient.setQueryData<{ items: MgmpFollowUp[]; total: number }>(mgmpKeys.mine, (old) => (old ? { ...old, items: old.items.map((f) => (f.id === fresh.id ? fresh : f)) } : old));
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.followUps(fresh.groupId) });
      void queryClient.invalidateQueries({ queryKey: mgmpKeys.overview(fresh.groupId) });
    },
  });
  const changed = status !== item.status || evidence !== (item.evidence ?? '');
  return (
    <li className={`card followup${item.overdue ? ' is-overdue' : ''}`}>
      {groupName && (
        <Link to={`/mgmp/${item.groupId}`} className="eyebrow">
          {groupName}
        </Link>
      )}
      <FollowUpSummary item={item} />
      <form
        className="followup-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <Field label={t('mgmp.mine.status')}>
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) => {
                const next = nextFollowUpStatuses(item.status).find((s) => s === e.target.value);
                if (next) setStatus(next);
                setSaved(false);
              }}
            >
              {nextFollowUpStatuses(item.status).map((s) => (
                <option key={s} value={s}>
                  {t(`mgmp.followUpStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('mgmp.mine.evidence')} hint={t('mgmp.mine.evidenceHint')}>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={evidence}
              onChange={(e) => {
                setEvidence(e.target.value);
                setSaved(false);
              }}
            />
          )}
        </Field>
        <ErrorNote error={save.error} />
        {saved && !changed && (
          <p className="note note-ok small" role="status">
            {t('common.saved')}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={save.isPending || !changed}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </form>
      <EvidenceFiles followUpId={item.id} canUpload={item.status !== 'batal'} />
    </li>
  );
}
