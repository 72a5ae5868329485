import type { AssessmentPeriod, AssessmentPeriodKind } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, MadrasahOptions, useFieldErrors } from '../../shared/ui.tsx';
import { PeriodDates, PeriodName } from './parts.tsx';
import { penilaianKeys, usePeriods, useSettings } from './penilaian.api.ts';

/** The academic year of today: it starts in July (the settings may move the start; the server checks). */
function currentYear(today = new Date()): string {
  const y = today.getFullYear();
  return today.getMonth() >= 6 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

/** /penilaian: the periods of the madrasah(s), a new period for kepala / operator, and the links to "Penilaian saya" and the settings. */
export function PeriodsPage() {
  const t = useT();
  const me = useMe();
  const periods = usePeriods();
  const manages = me.madrasahs.some((m) => hasRole(me, 'kepala_madrasah', m.id) || hasRole(me, 'operator', m.id));
  const items = periods.data?.items ?? [];

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('penilaian.periods.title')}</h1>
          <p className="muted">{t('penilaian.periods.intro')}</p>
        </div>
        <div className="quick-links">
          {me.user.teacherId && (
            <Link to="/penilaian/saya" className="btn">
              {t('penilaian.periods.mine')}
            </Link>
          )}
          <Link to="/penilaian/pengaturan" className="btn">
            {t('penilaian.periods.settings')}
          </Link>
          <Link to="/instrumen" className="btn">
            {t('instruments.nav')}
          </Link>
        </div>
      </div>
      {periods.isPending ? (
        <Loading />
      ) : periods.error ? (
        <ErrorNote error={periods.error} onRetry={() => void periods.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('penilaian.periods.empty')}</p>
      ) : (
        <ul className="pk-list">
          {items.map((p) => (
            <li key={p.id} className="card pk-row">
              <div className="item-main cell-stack">
                <Link to={`/penilaian/periode/${p.id}`} className="row-link">
                  <PeriodName period={p} />
                </Link>
                <PeriodDates period={p} />
              </div>
              <span className={`badge ${p.status === 'open' ? 'badge-ok' : 'badge-muted'}`}>{t(`penilaian.periodStatus.${p.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {manages && <NewPeriodForm />}
    </section>
  );
}

function NewPeriodForm() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const madrasahs = me.madrasahs.filter((m) => hasRole(me, 'kepala_madrasah', m.id) || hasRole(me, 'operator', m.id));
  const draft = useDraft('penilaian-period', { madrasahId: madrasahs[0]?.id ?? '', academicYear: currentYear(), kind: 'formatif', startsOn: '', endsOn: '' });
  const v = draft.values;
  const settings = useSettings(v.madrasahId || undefined);
  const window = settings.data?.[v.kind === 'sumatif' ? 'sumatif' : 'formatif'];
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api<AssessmentPeriod>('POST', '/assessment/periods', {
        body: { madrasahId: v.madrasahId, academicYear: v.academicYear.trim(), kind: v.kind, startsOn: v.startsOn || undefined, endsOn: v.endsOn || undefined },
      }),
    onSuccess: (period) => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.periods });
      void navigate(`/penilaian/periode/${period.id}`);
    },
  });
  const errors = useFieldErrors(create.error);
  if (!open) {
    return (
      <button type="button" className="btn btn-primary subhead" onClick={() => setOpen(true)}>
        {t('penilaian.periods.newTitle')}
      </button>
    );
  }
  return (
    <form
      className="card subhead"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <h2 className="section-title">{t('penilaian.periods.newTitle')}</h2>
      {madrasahs.length > 1 && (
        <Field label={t('penilaian.periods.madrasah')} required>
          {(p) => (
            <select {...p} value={v.madrasahId} onChange={(e) => draft.set('madrasahId', e.target.value)}>
              <MadrasahOptions madrasahs={madrasahs} />
            </select>
          )}
        </Field>
      )}
      <div className="form-grid">
        <Field label={t('penilaian.periods.year')} hint={t('penilaian.periods.yearHint')} error={errors.academicYear} required>
          {(p) => <input {...p} inputMode="numeric" value={v.academicYear} onChange={(e) => draft.set('academicYear', e.target.value)} />}
        </Field>
        <Field label={t('penilaian.periods.kindLabel')} required>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => draft.set('kind', e.target.value === 'sumatif' ? 'sumatif' : 'formatif')}>
              {(['formatif', 'sumatif'] as AssessmentPeriodKind[]).map((k) => (
                <option key={k} value={k}>
                  {t(`penilaian.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('penilaian.periods.startsOn')} error={errors.startsOn} hint={window ? t('penilaian.periods.datesHint', { from: window.startsOn, to: window.endsOn }) : undefined}>
          {(p) => <input {...p} type="date" value={v.startsOn} onChange={(e) => draft.set('startsOn', e.target.value)} />}
        </Field>
        <Field label={t('penilaian.periods.endsOn')} error={errors.endsOn}>
          {(p) => <input {...p} type="date" value={v.endsOn} onChange={(e) => draft.set('endsOn', e.target.value)} />}
        </Field>
      </div>
      <ErrorNote error={create.error} />
      <div className="actions">
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !v.madrasahId}>
          {create.isPending ? t('penilaian.periods.creating') : t('penilaian.periods.create')}
        </button>
      </div>
    </form>
  );
}
