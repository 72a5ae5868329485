import { LIMITS, type MgmpMember, type MgmpMinutes } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useDraft } from '../../shared/hooks.ts';
import { ErrorNote, Field, Loading } from '../../shared/ui.tsx';
import { mgmpKeys, useMinutes } from './mgmp.api.ts';
import { addContribution, contributionErrors, contributionRows, contributionsToSend, CONTRIBUTIONS_MAX, namedContributions, removeContribution, restoredRows, updateContribution } from './minutes.models.ts';
import type { ContributionErrors, ContributionProblem, ContributionRow } from './minutes.models.ts';

type Member = Pick<MgmpMember, 'teacherId' | 'name'>;

interface Props {
  agendaItemId: string;
  /** The group's members: who may be named as a contributor. */
  members: readonly Member[];
  /** Officers write drafts and corrections. */
  canEdit: boolean;
  /** The ketua (or the kepala madrasah) approves. */
  canApprove: boolean;
}

/** Notulen of one agenda item: a draft the sekretaris writes, the ketua approves; approved ones are corrected by revision. */
export function MinutesSection({ agendaItemId, members, canEdit, canApprove }: Props) {
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
      {approved && <MinutesView minutes={approved} members={members} />}
      {approved && canEdit && !revising && (
        <button type="button" className="btn btn-small" onClick={() => setRevising(true)}>
          {t('mgmp.minutes.revise')}
        </button>
      )}
      {approved && revising && <MinutesForm agendaItemId={agendaItemId} members={members} initial={approved} revision onDone={() => setRevising(false)} />}
      {!approved && draft && !canEdit && <MinutesView minutes={draft} members={members} />}
      {/* No key by draft id: the first save of new minutes would remount the form and drop its "Tersimpan." (the saved values are already in the form). */}
      {!approved && canEdit && <MinutesForm agendaItemId={agendaItemId} members={members} initial={draft} revision={false} />}
      {!approved && !draft && !canEdit && <p className="muted small">{t('mgmp.minutes.none')}</p>}
      {draft && canApprove && <ApproveButton agendaItemId={agendaItemId} />}
      {older.length > 0 && (
        <details className="older">
          <summary>{t('mgmp.minutes.older', { count: older.length })}</summary>
          {older.map((m) => (
            <MinutesView key={m.id} minutes={m} members={members} />
          ))}
        </details>
      )}
    </div>
  );
}

function MinutesView({ minutes, members }: { minutes: MgmpMinutes; members: readonly Member[] }) {
  const t = useT();
  const contributions = namedContributions(minutes.contributions, members);
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
      {contributions.length > 0 && (
        <div className="contributions-view small">
          <strong>{t('mgmpRecord.contributions.view')}:</strong>
          <ul>
            {contributions.map((c, i) => (
              <li key={`${c.teacherId}-${i}`} className="pre">
                <strong>{c.name ?? t('mgmpRecord.contributions.formerMember')}</strong>: {c.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function MinutesForm({ agendaItemId, members, initial, revision, onDone }: { agendaItemId: string; members: readonly Member[]; initial?: MgmpMinutes; revision: boolean; onDone?: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const draft = useDraft<{ summary: string; problems: string; reason: string; contributions: ContributionRow[] }>(`mgmp.minutes.${agendaItemId}.${revision ? 'revision' : 'draft'}`, {
    summary: initial?.summary ?? '',
    problems: initial?.problems ?? '',
    reason: '',
    contributions: contributionRows(initial?.contributions ?? []),
  });
  // A restored draft is whatever this device kept: only well-formed rows are used.
  const rows = useMemo(() => restoredRows(draft.values.contributions), [draft.values.contributions]);
  const rowErrors = contributionErrors(rows);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const body = { summary: draft.values.summary, problems: draft.values.problems, contributions: contributionsToSend(rows) };
      const path = `/mgmp/agenda-items/${encodeURIComponent(agendaItemId)}/minutes`;
      return revision ? api<MgmpMinutes>('POST', `${path}/revisions`, { body: { ...body, reason: draft.values.reason } }) : api<MgmpMinutes>('PUT', path, { body });
    },
    onSuccess: (fresh) => {
      draft.clear({ summary: fresh.summary, problems: fresh.problems ?? '', reason: '', contributions: contributionRows(fresh.contributions) });
      setTried(false);
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
        setTried(true);
        if (contributionErrors(rows).size > 0) return;
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
      <ContributionsEditor rows={rows} members={members} errors={tried ? rowErrors : NO_ERRORS} onChange={(next) => draft.set('contributions', next)} />
      {tried && rowErrors.size > 0 && (
        <p className="note note-error small" role="alert">
          {t('mgmpRecord.contributions.fix')}
        </p>
      )}
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

const NO_ERRORS: ReadonlyMap<string, ContributionErrors> = new Map();

/**
 * "Kontribusi anggota": one small block per contribution (who from the group's members, what
 * they contributed, remove), and one wide button to add the next; every change goes to the draft.
 */
function ContributionsEditor({ rows, members, errors, onChange }: { rows: ContributionRow[]; members: readonly Member[]; errors: ReadonlyMap<string, ContributionErrors>; onChange: (rows: ContributionRow[]) => void }) {
  const t = useT();
  const baseId = useId();
  const sorted = useMemo(() => [...members].sort((a, b) => a.name.localeCompare(b.name, 'id')), [members]);
  const known = new Set(members.map((m) => m.teacherId));
  const problem = (p: ContributionProblem | undefined) =>
    p === 'who_required' ? t('mgmpRecord.contributions.whoRequired') : p === 'text_required' ? t('mgmpRecord.contributions.textRequired') : p === 'text_too_long' ? t('mgmpRecord.contributions.textTooLong', { max: LIMITS.textMax }) : undefined;
  const add = () => {
    const next = addContribution(rows);
    onChange(next);
    const added = next[next.length - 1];
    // Straight to the member picker of the new row (the phone opens its list on tap anyway).
    if (added && next.length > rows.length) requestAnimationFrame(() => document.getElementById(`${baseId}-who-${added.key}`)?.focus());
  };
  return (
    <fieldset className="field field-wide contributions">
      <legend>{t('mgmpRecord.contributions.title')}</legend>
      <small className="hint">{t('mgmpRecord.contributions.hint')}</small>
      {rows.map((r, i) => {
        const e = errors.get(r.key) ?? {};
        const whoId = `${baseId}-who-${r.key}`;
        const textId = `${baseId}-text-${r.key}`;
        const whoError = problem(e.teacherId);
        const textError = problem(e.text);
        return (
          <fieldset key={r.key} className="contribution-row">
            <legend>{t('mgmpRecord.contributions.row', { n: i + 1 })}</legend>
            <div className={`field${whoError ? ' field-invalid' : ''}`}>
              <label htmlFor={whoId}>{t('mgmpRecord.contributions.who')}</label>
              <select id={whoId} value={r.teacherId} aria-invalid={Boolean(whoError)} aria-describedby={whoError ? `${whoId}-error` : undefined} onChange={(ev) => onChange(updateContribution(rows, r.key, { teacherId: ev.target.value }))}>
                <option value="">{t('mgmpRecord.contributions.choose')}</option>
                {r.teacherId !== '' && !known.has(r.teacherId) && <option value={r.teacherId}>{t('mgmpRecord.contributions.formerMember')}</option>}
                {sorted.map((m) => (
                  <option key={m.teacherId} value={m.teacherId}>
                    {m.name}
                  </option>
                ))}
              </select>
              {whoError && (
                <small id={`${whoId}-error`} className="field-error">
                  {whoError}
                </small>
              )}
            </div>
            <div className={`field${textError ? ' field-invalid' : ''}`}>
              <label htmlFor={textId}>{t('mgmpRecord.contributions.text')}</label>
              <textarea id={textId} rows={2} value={r.text} aria-invalid={Boolean(textError)} aria-describedby={textError ? `${textId}-error` : undefined} onChange={(ev) => onChange(updateContribution(rows, r.key, { text: ev.target.value }))} />
              {textError && (
                <small id={`${textId}-error`} className="field-error">
                  {textError}
                </small>
              )}
            </div>
            <button type="button" className="btn btn-small" aria-label={t('mgmpRecord.contributions.removeLabel', { n: i + 1 })} onClick={() => onChange(removeContribution(rows, r.key))}>
              {t('mgmpRecord.contributions.remove')}
            </button>
          </fieldset>
        );
      })}
      {rows.length >= CONTRIBUTIONS_MAX ? (
        <small className="hint">{t('mgmpRecord.contributions.full', { max: CONTRIBUTIONS_MAX })}</small>
      ) : (
        <button type="button" className="btn btn-block contribution-add" onClick={add}>
          + {t('mgmpRecord.contributions.add')}
        </button>
      )}
    </fieldset>
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
