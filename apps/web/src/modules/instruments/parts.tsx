import type { InstrumentDetail, InstrumentStatus, PublishProblem } from '@tumbuh/shared';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { formatDate } from '../../shared/format.ts';

export function InstrumentStatusBadge({ status }: { status: InstrumentStatus }) {
  const t = useT();
  return <span className={`badge ${status === 'published' ? 'badge-ok' : 'badge-warn'}`}>{t(`instruments.status.${status}`)}</span>;
}

/** What still stops a draft from being published. */
export function PublishProblems({ problems }: { problems: readonly PublishProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="note" role="status" data-testid="ib-publish-problems">
      <p>{t('instruments.publishProblem.title')}</p>
      <ul className="ib-problems">
        {problems.map((p, i) => (
          <li key={i}>{t(`instruments.publishProblem.${p.kind}`, { domain: p.domain ?? '', competency: p.competency ?? '' })}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The read-only content of an instrument version: identity, the scale, and the tree with every
 * indicator's descriptors and focus tags. Laid out to print from the browser as it is.
 */
export function InstrumentContent({ instrument }: { instrument: InstrumentDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const levelLabel = new Map(instrument.scale.levels.map((l) => [String(l.value), l.label]));
  let competencyNumber = 0;
  return (
    <>
      <p className="muted">
        {t('instruments.version', { version: instrument.version })} · <InstrumentStatusBadge status={instrument.status} /> · {t(`instruments.kind.${instrument.kind}`)}
        {instrument.publishedAt && <> · {t('instruments.view.publishedAt', { date: formatDate(instrument.publishedAt, locale) })}</>}
      </p>
      <p className="muted small">
        {t('instruments.counts', { domains: instrument.domainCount, competencies: instrument.competencyCount, indicators: instrument.indicatorCount })}
      </p>
      {instrument.source && (
        <p>
          <strong>{t('instruments.view.source')}:</strong> {instrument.source}
        </p>
      )}
      <h2 className="section-title">{t('instruments.view.scale')}</h2>
      <table className="ib-view-scale">
        <thead>
          <tr>
            <th scope="col">{t('instruments.view.value')}</th>
            <th scope="col">{t('instruments.view.label')}</th>
            <th scope="col">{t('instruments.view.description')}</th>
          </tr>
        </thead>
        <tbody>
          {instrument.scale.levels.map((l) => (
            <tr key={l.value}>
              <td>{l.value}</td>
              <td>{l.label}</td>
              <td>{l.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {instrument.domains.length === 0 && <p className="empty">{t('instruments.view.empty')}</p>}
      {instrument.domains.map((d) => (
        <section key={d.id} className="ib-view-domain">
          <h2>{d.name}</h2>
          {d.competencies.map((c) => {
            competencyNumber += 1;
            return (
              <div key={c.id} className="ib-view-comp">
                <h3>
                  {competencyNumber}. {c.name}
                </h3>
                <ol className="ib-view-indicators">
                  {c.indicators.map((i) => {
                    const descriptors = Object.entries(i.descriptors).sort(([a], [b]) => Number(a) - Number(b));
                    return (
                      <li key={i.id}>
                        {i.text}
                        {i.focus.length > 0 && (
                          <ul className="chips ib-view-focus">
                            {i.focus.map((f) => (
                              <li key={f} className="chip">
                                {t(`instruments.focus.${f}`)}
                              </li>
                            ))}
                          </ul>
                        )}
                        {descriptors.length > 0 && (
                          <ul className="ib-view-descriptors" aria-label={t('instruments.view.descriptors')}>
                            {descriptors.map(([value, text]) => (
                              <li key={value}>
                                <strong>
                                  {value} {levelLabel.get(value) ?? ''}:
                                </strong>{' '}
                                {text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
