import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { raterKindKey } from './parts.tsx';
import { shortDate, useAssessments, usePeriods } from './penilaian.api.ts';

/** /penilaian/saya — the teacher's own final results (to read, acknowledge, comment) and the assessments they fill in. */
export function MyAssessmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const mine = useAssessments({ teacherId: me.user.teacherId ?? '', status: 'final' });
  const all = useAssessments({});
  const periods = usePeriods();
  const periodName = (id: string) => {
    const p = periods.data?.items.find((x) => x.id === id);
    return p ? `${t(`penilaian.kind.${p.kind}`)} ${p.academicYear}` : '';
  };
  const results = me.user.teacherId ? (mine.data?.items ?? []).filter((a) => a.teacher.id === me.user.teacherId) : [];
  const toFill = (all.data?.items ?? []).filter((a) => a.rater.userId === me.user.id && a.status === 'draft');

  return (
    <section className="page">
      <Link to="/penilaian" className="back">
        ← {t('penilaian.period.back')}
      </Link>
      <h1>{t('penilaian.mine.title')}</h1>
      <p className="muted">{t('penilaian.mine.intro')}</p>
      {mine.isPending ? (
        <Loading />
      ) : mine.error ? (
        <ErrorNote error={mine.error} onRetry={() => void mine.refetch()} />
      ) : results.length === 0 ? (
        <p className="empty">{t('penilaian.mine.empty')}</p>
      ) : (
        <ul className="pk-list">
          {results.map((a) => (
            <li key={a.id} className="card pk-row">
              <div className="item-main cell-stack">
                <Link to={`/penilaian/hasil/${a.id}`} className="row-link">
                  {periodName(a.periodId)} · {t(raterKindKey(a.rater.kind))}
                </Link>
                <span className="muted small">
                  {a.rater.name} · {shortDate(a.finalisedAt, locale)}
                </span>
              </div>
              {!a.acknowledgedAt && <span className="badge badge-warn">{t('penilaian.mine.needsAck')}</span>}
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title subhead">{t('penilaian.mine.rateTitle')}</h2>
      {all.isPending ? (
        <Loading />
      ) : toFill.length === 0 ? (
        <p className="muted">{t('penilaian.mine.rateEmpty')}</p>
      ) : (
        <ul className="pk-list">
          {toFill.map((a) => (
            <li key={a.id} className="card pk-row">
              <Link to={`/penilaian/nilai/${a.id}`} className="row-link item-main">
                {a.teacher.name} · {t(raterKindKey(a.rater.kind))}
              </Link>
              <span className="muted small">
                {a.rated}/78
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
