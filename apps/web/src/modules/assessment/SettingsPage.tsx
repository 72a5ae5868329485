import { PKG_BAND_RULES, type AssessmentSettings, type PkgBandRule, type PutAssessmentSettingsInput } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { useDraft } from '../../shared/hooks.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, MadrasahOptions } from '../../shared/ui.tsx';
import { penilaianKeys, shortDate, useSettings } from './penilaian.api.ts';

/** /penilaian/pengaturan — the madrasah's band rule, period windows, rater weights and combined view (kepala / operator write). */
export function SettingsPage() {
  const t = useT();
  const me = useMe();
  const [madrasahId, setMadrasahId] = useState(me.madrasahs[0]?.id ?? '');
  const settings = useSettings(madrasahId);
  return (
    <section className="page">
      <Link to="/penilaian" className="back">
        ← {t('penilaian.period.back')}
      </Link>
      <h1>{t('penilaian.settings.title')}</h1>
      <p className="muted">{t('penilaian.settings.intro')}</p>
      {me.madrasahs.length > 1 && (
        <Field label={t('penilaian.periods.madrasah')}>
          {(p) => (
            <select {...p} value={madrasahId} onChange={(e) => setMadrasahId(e.target.value)}>
              <MadrasahOptions madrasahs={me.madrasahs} />
            </select>
          )}
        </Field>
      )}
      {settings.isPending ? <Loading /> : settings.error ? <ErrorNote error={settings.error} onRetry={() => void settings.refetch()} /> : <SettingsForm key={madrasahId} settings={settings.data} />}
    </section>
  );
}

type Values = Omit<PutAssessmentSettingsInput, 'madrasahId'>;

function SettingsForm({ settings }: { settings: AssessmentSettings }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const writes = hasRole(me, 'kepala_madrasah', settings.madrasahId) || hasRole(me, 'operator', settings.madrasahId);
  const initial: Values = { bandRule: settings.bandRule, yearStartsOn: settings.yearStartsOn, formatif: settings.formatif, sumatif: settings.sumatif, weights: settings.weights, showCombined: settings.showCombined };
  const draft = useDraft<Values>(`penilaian-settings-${settings.madrasahId}`, initial);
  const v = draft.values;
  const sum = v.weights.kepala + v.weights.pengawas + v.weights.peer + v.weights.self;
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [v]);
  const save = useMutation({
    mutationFn: () => api<AssessmentSettings>('PUT', '/assessment/settings', { body: { madrasahId: settings.madrasahId, ...v } }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(penilaianKeys.settings(settings.madrasahId), fresh);
      void queryClient.invalidateQueries({ queryKey: penilaianKeys.all });
      draft.clear({ bandRule: fresh.bandRule, yearStartsOn: fresh.yearStartsOn, formatif: fresh.formatif, sumatif: fresh.sumatif, weights: fresh.weights, showCombined: fresh.showCombined });
      setSaved(true);
    },
  });
  const weight = (k: keyof Values['weights'], label: string) => (
    <Field label={label}>
      {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={100} disabled={!writes} value={v.weights[k]} onChange={(e) => draft.set('weights', { ...v.weights, [k]: Number(e.target.value) || 0 })} />}
    </Field>
  );
  const window = (kind: 'formatif' | 'sumatif') => (
    <fieldset className="card">
      <legend>{t(`penilaian.settings.${kind}`)}</legend>
      <div className="pk-window">
        <Field label={t('penilaian.settings.from')}>{(p) => <input {...p} disabled={!writes} value={v[kind].startsOn} placeholder="07-15" onChange={(e) => draft.set(kind, { ...v[kind], startsOn: e.target.value })} />}</Field>
        <Field label={t('penilaian.settings.to')}>{(p) => <input {...p} disabled={!writes} value={v[kind].endsOn} onChange={(e) => draft.set(kind, { ...v[kind], endsOn: e.target.value })} />}</Field>
      </div>
    </fieldset>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <p className="muted small">{settings.isDefault ? t('penilaian.settings.isDefault') : t('penilaian.settings.updated', { date: shortDate(settings.updatedAt, locale), name: settings.updatedBy?.name ?? '' })}</p>
      {!writes && <p className="note">{t('penilaian.settings.readOnly')}</p>}
      <Field label={t('penilaian.settings.bandRule')} hint={t('penilaian.settings.bandRuleHint')}>
        {(p) => (
          <select {...p} disabled={!writes} value={v.bandRule} onChange={(e) => draft.set('bandRule', PKG_BAND_RULES.find((r) => r === e.target.value) ?? v.bandRule)}>
            {PKG_BAND_RULES.map((r: PkgBandRule) => (
              <option key={r} value={r}>
                {t(`penilaian.rule.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('penilaian.settings.yearStartsOn')}>{(p) => <input {...p} disabled={!writes} value={v.yearStartsOn} onChange={(e) => draft.set('yearStartsOn', e.target.value)} />}</Field>
      {window('formatif')}
      {window('sumatif')}
      <fieldset className="card subhead">
        <legend>{t('penilaian.settings.weights')}</legend>
        <div className="pk-weights">
          {weight('kepala', t('penilaian.rater.kepala'))}
          {weight('pengawas', t('penilaian.rater.pengawas'))}
          {weight('peer', t('penilaian.rater.peer'))}
          {weight('self', t('penilaian.rater.self'))}
        </div>
        <p className={sum === 100 ? 'muted small' : 'field-error'} role="status">
          {t('penilaian.settings.weightsSum', { sum })}
        </p>
        <label className="check">
          <input type="checkbox" disabled={!writes} checked={v.showCombined} onChange={(e) => draft.set('showCombined', e.target.checked)} /> {t('penilaian.settings.showCombined')}
        </label>
      </fieldset>
      <ErrorNote error={save.error} />
      {saved && (
        <p className="note note-ok small" role="status">
          {t('common.saved')}
        </p>
      )}
      {writes && (
        <div className="sticky-actions actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending || sum !== 100}>
            {save.isPending ? t('common.saving') : t('penilaian.settings.save')}
          </button>
        </div>
      )}
    </form>
  );
}
