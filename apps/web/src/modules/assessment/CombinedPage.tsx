import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { raterKindKey, RuleNote } from './parts.tsx';
import { decimal, useCombined, useInstrument } from './penilaian.api.ts';
import { formIndex } from './penilaian.models.ts';

/** /penilaian/periode/:periodId/guru/:teacherId — each rater's final result side by side, and the weighted combination when the madrasah shows it. */
export function CombinedPage() {
  const t = useT();
  const { locale } = useLocale();
  const { periodId = '', teacherId = '' } = useParams();
  const view = useCombined(periodId, teacherId);
  const instrument = useInstrument('pkg-2009-guru-mapel', 1);
  const names = useMemo(() => new Map((instrument.data ? formIndex(instrument.data).competencies : []).map((c) => [c.number, c.name])), [instrument.data]);
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorNote error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const first = v.raters[0];
  return (
    <section className="page">
      <Link to={`/penilaian/periode/${periodId}`} className="back">
        ← {t('penilaian.result.back')}
      </Link>
      <h1>{t('penilaian.combined.title', { name: v.teacher.name })}</h1>
      <p className="muted">{t('penilaian.combined.intro')}</p>
      {v.raters.length === 0 ? (
        <p className="empty">{t('penilaian.combined.none')}</p>
      ) : (
        <div className="scroll-x">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('penilaian.result.competency')}</th>
                {v.raters.map((r) => (
                  <th key={r.assessmentId} scope="col" className="pk-num">
                    <Link to={`/penilaian/hasil/${r.assessmentId}`}>{t(raterKindKey(r.rater.kind))}</Link>
                    <br />
                    <span className="muted small">{r.rater.name}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(first?.score.competencies ?? []).map((c, ci) => (
                <tr key={c.number}>
                  <th scope="row">
                    {c.number}. {names.get(c.number) ?? ''}
                  </th>
                  {v.raters.map((r) => (
                    <td key={r.assessmentId} className="pk-num">
                      {r.score.competencies[ci]?.value ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('penilaian.result.nilai100')}</th>
                {v.raters.map((r) => (
                  <td key={r.assessmentId} className="pk-num" data-testid={`pk-combined-${r.rater.kind}`}>
                    <strong>{decimal(r.score.nilai, locale)}</strong>
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('penilaian.result.category')}</th>
                {v.raters.map((r) => (
                  <td key={r.assessmentId} className="pk-num">
                    {r.score.category}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <h2 className="section-title subhead">{t('penilaian.combined.weighted')}</h2>
      {v.combined ? (
        <div className="card">
          <dl className="pk-result">
            <div className="stat">
              <dt className="stat-label">{t('penilaian.result.nilai100')}</dt>
              <dd className="stat-value">{decimal(v.combined.nilai, locale)}</dd>
            </div>
            <div className="stat">
              <dt className="stat-label">{t('penilaian.result.category')}</dt>
              <dd className="stat-value">{v.combined.category}</dd>
            </div>
          </dl>
          <p className="small">{t('penilaian.combined.weights', v.weights)}</p>
          <p className="muted small">{t('penilaian.combined.normalised', { used: v.combined.weightUsed })}</p>
          {!v.combined.complete && <p className="muted small">{t('penilaian.combined.incomplete')}</p>}
        </div>
      ) : (
        <p className="muted">{v.showCombined ? t('penilaian.combined.none') : t('penilaian.combined.hidden')}</p>
      )}
      <RuleNote rule={v.rule} />
    </section>
  );
}
