import type { TeacherGrowth } from '@tumbuh/shared';
import { useT, type TFunction } from '../../i18n/i18n.tsx';
import { isApiError } from '../../shared/api.ts';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { CATEGORY_COLOURS, LineChart, valueColours } from './growth.charts.tsx';
import { rekapPdfUrl, useTeacherGrowth } from './growth.api.ts';

const FOCUS_COLOURS = ['#2f6db5', '#1b7a4a', '#b5532f'];
const FOCUS_DASHES = [undefined, '6 4', '2 3'];

export function periodLabel(t: TFunction, p: { academicYear: string; kind: string }): string {
  return t('growth.period', { year: p.academicYear, kind: p.kind === 'sumatif' ? t('growth.kindSumatif') : t('growth.kindFormatif') });
}

/**
 * "Perkembangan" on the teacher page (loaded lazily): Nilai PKG line with the category, the
 * competency heat-map (14 × periods, colour and number), the focus-dimension lines and the raters
 * side by side. Shown to the teacher themself and to their madrasah's kepala / operator / pengawas.
 */
export function GrowthSection({ teacherId }: { teacherId: string }) {
  const t = useT();
  const growth = useTeacherGrowth(teacherId);
  return (
    <section className="card growth" aria-labelledby="growth-title">
      <h2 id="growth-title">{t('growth.title')}</h2>
      {growth.isPending ? (
        <Loading />
      ) : growth.error ? (
        isApiError(growth.error, 'auth.forbidden') ? (
          <p className="muted">{t('growth.forbidden')}</p>
        ) : (
          <ErrorNote error={growth.error} onRetry={() => void growth.refetch()} />
        )
      ) : growth.data.periods.length === 0 ? (
        <p className="muted">{t('growth.empty')}</p>
      ) : (
        <GrowthView growth={growth.data} />
      )}
    </section>
  );
}

function GrowthView({ growth }: { growth: TeacherGrowth }) {
  const t = useT();
  const periods = growth.periods;
  const labels = periods.map((p) => periodLabel(t, p));
  const official = periods.map((p) => p.official);
  const rules = [...new Set(official.filter((o) => o !== null).map((o) => o.rule))];
  return (
    <div className="growth-grid">
      <p className="muted small">{t('growth.intro')}</p>
      <LineChart
        title={t('growth.nilaiChart')}
        description={t('growth.nilaiChartDesc')}
        xLabels={labels}
        series={[
          {
            name: t('growth.nilai'),
            colour: '#1b7a4a',
            values: official.map((o) => o?.nilai ?? null),
            labels: official.map((o) => (o ? `${o.nilai} · ${o.category}` : null)),
          },
        ]}
      />
      <ul className="growth-legend" data-testid="growth-categories">
        {periods.map((p, i) =>
          p.official ? (
            <li key={p.periodId}>
              <span className="growth-swatch" style={{ background: CATEGORY_COLOURS[p.official.category] }} aria-hidden="true" />
              {labels[i]}: {p.official.nilai} ({p.official.category}, {p.official.creditPercent}% AK)
            </li>
          ) : null,
        )}
      </ul>
      {rules.map((rule) => (
        <p key={rule} className="muted small">
          {t('growth.ruleNote', { rule: t(`growth.rule.${rule}`) })}
        </p>
      ))}

      <figure className="growth-chart">
        <figcaption>{t('growth.heatmap')}</figcaption>
        <p className="muted small">{t('growth.heatmapDesc')}</p>
        <div className="heatmap-wrap">
          <table className="heatmap" data-testid="competency-heatmap">
            <thead>
              <tr>
                <th scope="col">{t('growth.competency')}</th>
                {labels.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {growth.competencies.map((c, row) => (
                <tr key={c.number}>
                  <th scope="row">
                    {c.number}. {c.name}
                  </th>
                  {official.map((o, col) => {
                    const v = o?.competencyValues[row];
                    return v === undefined ? (
                      <td key={labels[col]}>{t('growth.noResult')}</td>
                    ) : (
                      <td key={labels[col]} style={valueColours(v)}>
                        {v}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>

      <LineChart
        title={t('growth.focusChart')}
        description={t('growth.focusChartDesc')}
        xLabels={labels}
        series={growth.focusDimensions.map((d, i) => ({
          name: d.name,
          colour: FOCUS_COLOURS[i % FOCUS_COLOURS.length] ?? '#333',
          dash: FOCUS_DASHES[i % FOCUS_DASHES.length],
          values: official.map((o) => o?.focus.find((f) => f.code === d.code)?.percent ?? null),
        }))}
      />

      <div>
        <h3>{t('growth.feedbackTitle')}</h3>
        {growth.feedback.length === 0 ? (
          <p className="muted small">{t('growth.feedbackEmpty')}</p>
        ) : (
          <ul data-testid="growth-feedback">
            {growth.feedback.map((f) => (
              <li key={f.roundId}>
                {t('growth.feedbackRound', { class: f.subjectName ? `${f.className} (${f.subjectName})` : f.className, answers: f.answers })}:{' '}
                {growth.focusDimensions
                  .filter((d) => f.focus[d.code] !== undefined)
                  .map((d) => `${d.name} ${f.focus[d.code]}/4`)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div>
        <h3>{t('growth.notesTitle')}</h3>
        {growth.observationNotes.length === 0 ? (
          <p className="muted small">{t('growth.notesEmpty')}</p>
        ) : (
          [...periods.map((p, i) => ({ id: p.periodId as string | null, label: labels[i] ?? '' })), { id: null, label: t('growth.notesOther') }].map((group) => {
            const notes = growth.observationNotes.filter((n) => (group.id === null ? !periods.some((p) => p.periodId === n.periodId) : n.periodId === group.id));
            return notes.length === 0 ? null : (
              <div key={group.id ?? 'other'}>
                <h4 className="small">{group.label}</h4>
                <ul>
                  {notes.map((n) => (
                    <li key={n.id}>
                      <span className="muted small">{n.notedAt.slice(0, 10)}</span> {n.text}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </div>

      <div>
        <h3>{t('growth.raters')}</h3>
        <div className="heatmap-wrap">
          <table className="raters-table" data-testid="growth-raters">
            <thead>
              <tr>
                <th scope="col">{t('growth.periodColumn')}</th>
                <th scope="col">{t('growth.rater')}</th>
                <th scope="col">{t('growth.nilai')}</th>
                <th scope="col">{t('growth.category')}</th>
                <th scope="col">{t('growth.total')}</th>
                <th scope="col">
                  <span className="sr-only">{t('growth.printRekap')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.flatMap((p, i) =>
                p.raters.map((r) => (
                  <tr key={r.assessmentId}>
                    <td>{labels[i]}</td>
                    <td>
                      {t(`growth.kind.${r.kind}`)}
                      <span className="muted small"> · {r.rater.name}</span>
                    </td>
                    <td>{r.nilai}</td>
                    <td>{r.category}</td>
                    <td>{r.total}</td>
                    <td>
                      <a href={rekapPdfUrl(r.assessmentId)} className="small">
                        {t('growth.printRekap')}
                      </a>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
