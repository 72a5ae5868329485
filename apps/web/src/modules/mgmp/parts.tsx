import type { MgmpFollowUp, MgmpMeetingStatus } from '@tumbuh/shared';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { isApiError } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { ErrorNote } from '../../shared/ui.tsx';
import { followUpSource, type FollowUpSource } from './followups.models.ts';
import { FollowUpSourceLine } from './FollowUpSource.tsx';

const STATUS_CLASS: Record<MgmpMeetingStatus, string> = {
  direncanakan: 'badge-plan',
  berlangsung: 'badge-warn',
  selesai: 'badge-ok',
  dibatalkan: 'badge-muted',
};

export function MeetingStatusBadge({ status }: { status: MgmpMeetingStatus }) {
  const t = useT();
  return <span className={`badge ${STATUS_CLASS[status]}`}>{t(`mgmp.meetingStatus.${status}`)}</span>;
}

/** A page-sized message for 403 / 404 answers; other errors get the usual note with a retry. */
export function MgmpErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  const status = isApiError(error) ? error.status : 0;
  if (status === 403 || status === 404) {
    return (
      <section className="page narrow center">
        <p className="big-code" aria-hidden="true">
          {status}
        </p>
        <h1>{status === 403 ? t('forbidden.title') : t('mgmp.error.notFoundTitle')}</h1>
        <p>{status === 403 ? t('mgmp.error.forbidden') : t('mgmp.error.notFound')}</p>
        <Link to="/mgmp" className="btn btn-primary">
          {t('mgmp.group.back')}
        </Link>
      </section>
    );
  }
  return (
    <section className="page">
      <ErrorNote error={error} onRetry={onRetry} />
    </section>
  );
}

/**
 * One follow-up: what, owners, due date (overdue flagged), status and where it comes from. Without
 * `source` (a page that has not loaded the group's decisions and meetings) only the kind of source shows.
 */
export function FollowUpSummary({ item, source }: { item: MgmpFollowUp; source?: FollowUpSource | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="item-main">
      <strong>{item.what}</strong>
      <span className="muted small">
        {t('mgmp.due', { date: formatDate(item.dueDate, locale) })} · {t(`mgmp.followUpStatus.${item.status}`)}{' '}
        {item.overdue && <span className="badge badge-danger">{t('mgmp.overdue')}</span>}
      </span>
      {item.owners.length > 0 && <span className="muted small">{t('mgmp.owners', { names: item.owners.map((o) => o.name).join(', ') })}</span>}
      <FollowUpSourceLine source={source === undefined ? followUpSource(item, [], new Map()) : source} />
    </div>
  );
}

/**
 * Grey placeholder rows of a list while its data loads, so the sections below keep their place
 * instead of jumping when the list arrives (one row per expected item, each as tall as a row).
 */
export function SkeletonList({ rows }: { rows: number }) {
  const t = useT();
  return (
    <ul className="item-list skeleton-list" aria-busy="true" aria-label={t('app.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <li key={i}>
          <div className="item-main">
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line skeleton-short" />
          </div>
        </li>
      ))}
    </ul>
  );
}
