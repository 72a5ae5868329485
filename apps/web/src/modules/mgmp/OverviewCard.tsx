import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { useMadrasahOverview } from './ringkasan.api.ts';
import { percent } from './ringkasan.models.ts';

/**
 * The dashboard card of the kepala madrasah (and operator, pengawas, peneliti): MGMP of the current
 * semester across every group — meetings held of planned, average attendance, overdue follow-ups —
 * linking to /mgmp/ringkasan. Same request as the page's default period.
 */
export function MgmpOverviewCard() {
  const t = useT();
  const overview = useMadrasahOverview({});
  if (overview.isPending || overview.error || overview.data.groups.length === 0) return null;
  const o = overview.data.totals;
  const rate = percent(o.averageAttendance);
  return (
    <Link to="/mgmp/ringkasan" className="card section mgmp-overview-card" data-testid="dashboard-mgmp">
      <h2>{t('ringkasan.dashboardTitle')}</h2>
      <p className="muted small">{t('ringkasan.dashboardHint')}</p>
      <dl className="stats">
        <div className="stat" data-figure="meetings">
          <dt className="stat-label">{t('ringkasan.meetings')}</dt>
          <dd className="stat-value">{t('ringkasan.heldOfPlanned', { held: o.meetings.held, planned: o.meetings.planned })}</dd>
        </div>
        <div className="stat" data-figure="attendance">
          <dt className="stat-label">{t('ringkasan.attendance')}</dt>
          <dd className="stat-value">{rate === null ? t('ringkasan.none') : `${rate}%`}</dd>
        </div>
        <div className="stat" data-figure="overdue">
          <dt className="stat-label">{t('ringkasan.overdueLabel')}</dt>
          <dd className={`stat-value${o.followUps.overdue > 0 ? ' stat-danger' : ''}`}>{o.followUps.overdue}</dd>
        </div>
      </dl>
    </Link>
  );
}
