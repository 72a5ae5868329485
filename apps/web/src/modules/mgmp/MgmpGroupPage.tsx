import type { MgmpGroup, MgmpMeetingSummary, MgmpOverview } from '@tumbuh/shared';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { useMgmpDecisions, useMgmpFollowUps, useMgmpGroup, useMgmpMeetings, useMgmpOverview } from './mgmp.api.ts';
import { followUpSource } from './followups.models.ts';
import { useAgendaSources } from './FollowUpSource.tsx';
import { NewFollowUpForm, NewMeetingForm } from './GroupForms.tsx';
import { FollowUpSummary, MeetingStatusBadge, MgmpErrorPage, SkeletonList } from './parts.tsx';
import { ProgrammeSection } from './Programme.tsx';
import { DecisionReviewCard } from './DecisionReview.tsx';
import { GroupDownloads } from './Downloads.tsx';
import { GroupAdminSection } from './GroupAdmin.tsx';

/** /mgmp/:groupId: officers and members, meetings, open follow-ups, decisions due for review, overview. */
export function MgmpGroupPage() {
  const { groupId = '' } = useParams();
  const group = useMgmpGroup(groupId);
  if (group.isPending) return <Loading />;
  if (group.error) return <MgmpErrorPage error={group.error} onRetry={() => void group.refetch()} />;
  return <GroupView group={group.data} />;
}

function GroupView({ group }: { group: MgmpGroup }) {
  const t = useT();
  const { locale } = useLocale();
  const meetings = useMgmpMeetings(group.id);
  const followUps = useMgmpFollowUps(group.id);
  // For "from decision … / from agenda item …" under each follow-up.
  const decisions = useMgmpDecisions(group.id);
  const sources = useAgendaSources(group.id);
  const officers = group.members.filter((m) => m.role !== 'anggota');
  const members = group.members.filter((m) => m.role === 'anggota');
  const all = meetings.data?.items ?? [];
  const upcoming = all.filter((m) => m.status === 'direncanakan' || m.status === 'berlangsung').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = all.filter((m) => m.status === 'selesai' || m.status === 'dibatalkan');
  const open = (followUps.data?.items ?? []).filter((f) => f.status === 'belum' || f.status === 'sedang').sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const manage = group.access === 'manage' && !group.archived;

  return (
    <section className="page">
      <Link to="/mgmp" className="back">
        ← {t('mgmp.group.back')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{group.name}</h1>
          <p className="muted small">{t('mgmp.group.term', { from: formatDate(group.termStart, locale), to: formatDate(group.termEnd, locale) })}</p>
        </div>
        {group.myRole && <span className="badge badge-ok">{t(`mgmp.role.${group.myRole}`)}</span>}
      </div>

      <Overview groupId={group.id} memberCount={group.members.length} />

      <GroupAdminSection group={group} />

      {manage && (
        <div className="detail-grid">
          <NewMeetingForm group={group} />
          <NewFollowUpForm group={group} />
        </div>
      )}

      <ProgrammeSection group={group} />

      <GroupDownloads group={group} />

      <div className="detail-grid">
        <div className="card">
          <h2>{t('mgmp.group.upcoming')}</h2>
          <MeetingList items={upcoming} loading={meetings.isPending} error={meetings.error} onRetry={() => void meetings.refetch()} empty={t('mgmp.group.noUpcoming')} />
        </div>
        <div className="card">
          <h2>{t('mgmp.group.openFollowUps')}</h2>
          {followUps.isPending ? (
            <SkeletonList rows={2} />
          ) : followUps.error ? (
            <ErrorNote error={followUps.error} onRetry={() => void followUps.refetch()} />
          ) : open.length === 0 ? (
            <p className="muted">{t('mgmp.group.noOpenFollowUps')}</p>
          ) : (
            <ul className="item-list">
              {open.map((f) => (
                <li key={f.id} className={f.overdue ? 'is-overdue' : undefined}>
                  <FollowUpSummary item={f} source={followUpSource(f, decisions.data?.items ?? [], sources.index)} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <DecisionReviewCard group={group} />
        <div className="card">
          <h2>{t('mgmp.group.officers')}</h2>
          <ul className="item-list">
            {officers.map((m) => (
              <li key={m.teacherId}>
                <span>{m.name}</span>
                <span className="badge badge-ok">{t(`mgmp.role.${m.role}`)}</span>
              </li>
            ))}
          </ul>
          <h2 className="subhead">{t('mgmp.group.membersTitle', { count: members.length })}</h2>
          <ul className="chips">
            {members.map((m) => (
              <li key={m.teacherId} className="chip">
                {m.name}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="card">
        <h2>{t('mgmp.group.past')}</h2>
        <MeetingList items={past} loading={meetings.isPending} error={meetings.error} onRetry={() => void meetings.refetch()} empty={t('mgmp.group.noPast')} />
      </div>
    </section>
  );
}

function MeetingList({ items, loading, error, onRetry, empty }: { items: MgmpMeetingSummary[]; loading: boolean; error: unknown; onRetry: () => void; empty: string }) {
  const { locale } = useLocale();
  if (loading) return <SkeletonList rows={2} />;
  if (error) return <ErrorNote error={error} onRetry={onRetry} />;
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="item-list meeting-list">
      {items.map((m) => (
        <li key={m.id}>
          <div className="item-main">
            <Link to={`/mgmp/rapat/${m.id}`} className="row-link">
              {m.title}
            </Link>
            <span className="muted small">
              {formatDateTime(m.startsAt, locale)}
              {m.place && <> · {m.place}</>}
            </span>
          </div>
          <MeetingStatusBadge status={m.status} />
        </li>
      ))}
    </ul>
  );
}

const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));

/**
 * Figures of the overview endpoint, with two plain CSS bar charts. While they load, the same card
 * with placeholders (one bar per member, up to 8, as the loaded chart has) holds the place, so the
 * forms and sections below do not jump when the figures arrive.
 */
function Overview({ groupId, memberCount }: { groupId: string; memberCount: number }) {
  const t = useT();
  const overview = useMgmpOverview(groupId);
  if (overview.isPending) return <OverviewSkeleton memberCount={memberCount} />;
  if (overview.error) return <ErrorNote error={overview.error} onRetry={() => void overview.refetch()} />;
  const o: MgmpOverview = overview.data;
  const max = Math.max(o.meetings.planned, o.meetings.held, 1);
  const attendance = percent(o.averageAttendance);
  return (
    <div className="card section overview">
      <h2>{t('mgmp.group.overview')}</h2>
      <dl className="stats stats-4">
        <div className="stat">
          <dt className="stat-label">{t('mgmp.group.meetingsHeld')}</dt>
          <dd className="stat-value">{t('mgmp.group.heldOfPlanned', { held: o.meetings.held, planned: o.meetings.planned })}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">{t('mgmp.group.averageAttendance')}</dt>
          <dd className="stat-value">{attendance === null ? t('common.none') : `${attendance}%`}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">{t('mgmp.group.followUpsDone')}</dt>
          <dd className="stat-value">{t('mgmp.group.heldOfPlanned', { held: o.followUps.done, planned: o.followUps.total })}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">{t('mgmp.group.followUpsOverdue')}</dt>
          <dd className={`stat-value${o.followUps.overdue > 0 ? ' stat-danger' : ''}`}>{o.followUps.overdue}</dd>
        </div>
      </dl>
      <div className="charts">
        <figure className="bar-chart">
          <figcaption>{t('mgmp.group.meetingsChart')}</figcaption>
          <Bar label={t('mgmp.group.planned')} value={o.meetings.planned} share={o.meetings.planned / max} kind="plan" />
          <Bar label={t('mgmp.group.held')} value={o.meetings.held} share={o.meetings.held / max} kind="ok" />
        </figure>
        <figure className="bar-chart">
          <figcaption>{t('mgmp.group.attendanceChart')}</figcaption>
          <Bar label={t('mgmp.group.averageAttendance')} value={attendance === null ? t('common.none') : `${attendance}%`} share={o.averageAttendance ?? 0} kind="ok" />
          {o.memberAttendance.slice(0, 8).map((m) => {
            const rate = percent(m.rate);
            return <Bar key={m.teacherId} label={m.name} value={rate === null ? t('common.none') : `${rate}%`} share={m.rate ?? 0} kind="soft" />;
          })}
        </figure>
      </div>
    </div>
  );
}

function OverviewSkeleton({ memberCount }: { memberCount: number }) {
  const t = useT();
  const stat = (label: string) => (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">
        <span className="skeleton" />
      </dd>
    </div>
  );
  const bar = (key: number) => (
    <div key={key} className="bar-row">
      <span className="bar-label">
        <span className="skeleton skeleton-wide" />
      </span>
      <span className="bar-track" />
      <span className="bar-value">
        <span className="skeleton" />
      </span>
    </div>
  );
  return (
    <div className="card section overview" aria-busy="true">
      <h2>{t('mgmp.group.overview')}</h2>
      <dl className="stats stats-4">
        {stat(t('mgmp.group.meetingsHeld'))}
        {stat(t('mgmp.group.averageAttendance'))}
        {stat(t('mgmp.group.followUpsDone'))}
        {stat(t('mgmp.group.followUpsOverdue'))}
      </dl>
      <div className="charts">
        <figure className="bar-chart">
          <figcaption>{t('mgmp.group.meetingsChart')}</figcaption>
          {[0, 1].map(bar)}
        </figure>
        <figure className="bar-chart">
          <figcaption>{t('mgmp.group.attendanceChart')}</figcaption>
          {Array.from({ length: 1 + Math.min(8, memberCount) }, (_, i) => bar(i))}
        </figure>
      </div>
    </div>
  );
}

function Bar({ label, value, share, kind }: { label: string; value: string | number; share: number; kind: 'plan' | 'ok' | 'soft' }) {
  return (
    <div className="bar-row">
      <span className="bar-label">{label}</span>
      <span className="bar-track" aria-hidden="true">
        <span className={`bar-fill bar-${kind}`} style={{ width: `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%` }} />
      </span>
      <span className="bar-value">{value}</span>
    </div>
  );
}
