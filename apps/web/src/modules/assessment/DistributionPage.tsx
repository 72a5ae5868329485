import type { AssessmentPeriod, Distribution, DistributionGrouping, Movement } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, MadrasahOptions } from '../../shared/ui.tsx';
import { CategoryLegend, StackedBar } from './growth.charts.tsx';
import { periodKey, recapXlsxUrl, rekapXlsxUrl, useDistribution, useMovement } from './growth.api.ts';
import { periodLabel } from './GrowthSection.tsx';

const GROUPINGS: DistributionGrouping[] = ['overall', 'madrasah', 'cluster', 'mgmp'];
const GROUPING_KEY = { overall: 'growth.distribution.byOverall', madrasah: 'growth.distribution.byMadrasah', cluster: 'growth.distribution.byCluster', mgmp: 'growth.distribution.byMgmp' } as const;

/**
 * "Sebaran kinerja guru" (lazy page, /penilaian/sebaran): the category distribution per period as
 * stacked bars, overall or by madrasah / cluster / MGMP group, who improved or declined between
 * two periods, and the XLSX recap of each period. Kepala, operator and pengawas.
 */
export function DistributionPage() {
  const t = useT();
  const me = useMe();
  const [madrasahId, setMadrasahId] = useState(me.madrasahs.length === 1 ? (me.madrasahs[0]?.id ?? '') : '');
  const [by, setBy] = useState<DistributionGrouping>('overall');
  const distribution = useDistribution(by, madrasahId);
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('growth.distribution.title')}</h1>
          <p className="muted">{t('growth.distribution.intro')}</p>
        </div>
      </div>
      <div className="growth-filters">
        {me.madrasahs.length > 1 && (
          <Field label={t('growth.distribution.madrasah')}>
            {(field) => (
            <select {...field} value={madrasahId} onChange={(e) => setMadrasahId(e.target.value)}>
              <option value="">{t('growth.distribution.allMadrasahs')}</option>
              <MadrasahOptions madrasahs={me.madrasahs} />
            </select>
)}
          </Field>
        )}
        <Field label={t('growth.distribution.by')}>
          {(field) => (
          <select {...field} value={by} onChange={(e) => setBy(e.target.value as DistributionGrouping)} data-testid="distribution-by">
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(GROUPING_KEY[g])}
              </option>
            ))}
          </select>
)}
        </Field>
      </div>
      {distribution.isPending ? (
        <Loading />
      ) : distribution.error ? (
        isApiError(distribution.error, 'auth.forbidden') ? (
          <p className="muted">{t('growth.distribution.forbidden')}</p>
        ) : (
          <ErrorNote error={distribution.error} onRetry={() => void distribution.refetch()} />
        )
      ) : distribution.data.periods.length === 0 ? (
        <p className="empty">{t('growth.distribution.none')}</p>
      ) : (
        <>
          <DistributionBars data={distribution.data} madrasahId={madrasahId} />
          <MovementList periods={distribution.data.periods} madrasahId={madrasahId} />
        </>
      )}
      {madrasahId && <PeriodRecaps madrasahId={madrasahId} />}
    </section>
  );
}

function DistributionBars({ data, madrasahId }: { data: Distribution; madrasahId: string }) {
  const t = useT();
  return (
    <div className="card" data-testid="distribution">
      <CategoryLegend title={t('growth.distribution.legend')} />
      {data.periods.map((p) => (
        <figure key={periodKey(p)} className="growth-chart">
          <figcaption>
            {periodLabel(t, p)} · {t('growth.distribution.assessed', { n: p.overall.assessed, mean: p.overall.meanNilai ?? '–' })}
          </figcaption>
          <StackedBar label={t('growth.distribution.byOverall')} counts={p.overall.distribution} total={p.overall.assessed} />
          {p.groups.map((g) => (
            <StackedBar key={g.id} label={g.name} counts={g.distribution} total={g.assessed} />
          ))}
          <a href={recapXlsxUrl(p, madrasahId)} download className="small">
            {t('growth.distribution.downloadXlsx')}
          </a>
        </figure>
      ))}
    </div>
  );
}

function MovementList({ periods, madrasahId }: { periods: Distribution['periods']; madrasahId: string }) {
  const t = useT();
  const keys = periods.map(periodKey);
  const [from, setFrom] = useState(keys.length >= 2 ? (keys[keys.length - 2] ?? '') : '');
  const [to, setTo] = useState(keys.length >= 2 ? (keys[keys.length - 1] ?? '') : '');
  const movement = useMovement(from, to, madrasahId);
  const option = (p: Distribution['periods'][number]) => (
    <option key={periodKey(p)} value={periodKey(p)}>
      {periodLabel(t, p)}
    </option>
  );
  return (
    <div className="card">
      <h2>{t('growth.distribution.movementTitle')}</h2>
      {keys.length < 2 ? (
        <p className="muted">{t('growth.distribution.needTwo')}</p>
      ) : (
        <>
          <div className="growth-filters">
            <Field label={t('growth.distribution.from')}>
              {(field) => (
              <select {...field} value={from} onChange={(e) => setFrom(e.target.value)}>
                {periods.map(option)}
              </select>
)}
            </Field>
            <Field label={t('growth.distribution.to')}>
              {(field) => (
              <select {...field} value={to} onChange={(e) => setTo(e.target.value)}>
                {periods.map(option)}
              </select>
)}
            </Field>
          </div>
          {movement.isPending ? null : movement.error ? <ErrorNote error={movement.error} /> : <MovementTable data={movement.data} />}
        </>
      )}
    </div>
  );
}

function MovementTable({ data }: { data: Movement }) {
  const t = useT();
  return (
    <>
      <p data-testid="movement-counts">{t('growth.distribution.counts', data.counts)}</p>
      <div className="heatmap-wrap">
        <table className="raters-table">
          <thead>
            <tr>
              <th scope="col">{t('growth.distribution.teacher')}</th>
              <th scope="col">{t('growth.nilai')}</th>
              <th scope="col">{t('growth.distribution.delta')}</th>
              <th scope="col">{t('growth.category')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items
              .filter((i) => i.movement !== 'unchanged')
              .map((i) => (
                <tr key={i.teacher.id}>
                  <td>
                    <Link to={`/guru/${i.teacher.id}`}>{i.teacher.name}</Link>
                    <span className="muted small"> · {i.madrasah.name}</span>
                  </td>
                  <td>
                    {i.from.nilai} → {i.to.nilai}
                  </td>
                  <td className={i.movement === 'improved' ? 'movement-up' : 'movement-down'}>
                    {i.movement === 'improved' ? '▲' : '▼'} {i.delta > 0 ? `+${i.delta}` : i.delta} <span className="sr-only">{t(`growth.distribution.${i.movement}`)}</span>
                  </td>
                  <td>
                    {i.from.category} → {i.to.category}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PeriodRecaps({ madrasahId }: { madrasahId: string }) {
  const t = useT();
  const periods = useQuery({
    queryKey: ['growth', 'periods', madrasahId],
    queryFn: ({ signal }) => api<{ items: AssessmentPeriod[] }>('GET', '/assessment/periods', { query: { madrasahId, limit: 100 }, signal }),
  });
  if (!periods.data || periods.data.items.length === 0) return null;
  return (
    <div className="card">
      <h2>{t('growth.distribution.periodRecaps')}</h2>
      <ul>
        {periods.data.items.map((p) => (
          <li key={p.id}>
            <a href={rekapXlsxUrl(p.id)} download>
              {t('growth.distribution.downloadXlsx')}: {periodLabel(t, p)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
