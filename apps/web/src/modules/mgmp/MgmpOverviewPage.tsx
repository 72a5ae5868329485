import type { MgmpMadrasahOverview, MgmpMadrasahOverviewGroup } from '@tumbuh/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { formatDate } from '../../shared/format.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { useMadrasahOverview } from './ringkasan.api.ts';
import { overviewPeriods, percent, todayWib, type OverviewPeriod } from './ringkasan.models.ts';

/**
 * /mgmp/ringkasan: the kepala madrasah's view of every MGMP group for a period — figures per group
 * and in total, two small inline SVG charts (meetings planned vs held, average attendance) and the
 * topics covered. One request (`GET /mgmp/overview`). Phone first: cards, not a wide table.
 */
export function MgmpOverviewPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const periods = overviewPeriods(todayWib(new Date()));
  const [periodKey, setPeriodKey] = useState<OverviewPeriod['key']>('semester');
  const [madrasahId, setMadrasahId] = useState('');
  const period = periods.find((p) => p.key === periodKey) ?? periods[0];
  const overview = useMadrasahOverview({ madrasahId: madrasahId || undefined, from: period?.from, to: period?.to });

  const periodLabel = (p: OverviewPeriod) => {
    const name = p.half ? t(`ringkasan.${p.half}`, { year: p.academicYear }) : p.academicYear;
    switch (p.key) {
      case 'semester':
        return t('ringkasan.thisSemester', { name });
      case 'lastSemester':
        return t('ringkasan.lastSemester', { name });
      case 'year':
        return t('ringkasan.thisYear', { year: p.academicYear });
      case 'lastYear':
        return t('ringkasan.lastYear', { year: p.academicYear });
    }
  };

  return (
    <section className="page mgmp-overview">
      <p className="eyebrow">
        <Link to="/mgmp">{t('mgmp.title')}</Link>
      </p>
      <h1>{t('ringkasan.title')}</h1>
      <p className="muted">{t('ringkasan.intro')}</p>
      <div className="toolbar">
        <label className="field">
          <span>{t('ringkasan.period')}</span>
          <select value={periodKey} onChange={(e) => setPeriodKey(e.target.value as OverviewPeriod['key'])} name="period">
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </label>
        {me.madrasahs.length > 1 && (
          <label className="field">
            <span>{t('ringkasan.madrasah')}</span>
            <select value={madrasahId} onChange={(e) => setMadrasahId(e.target.value)} name="madrasah">
              <option value="">{t('ringkasan.allMadrasahs')}</option>
              {me.madrasahs.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {period && <p className="muted small">{t('ringkasan.range', { from: formatDate(period.from, locale), to: formatDate(period.to, locale) })}</p>}
      {overview.isPending ? (
        <Loading />
      ) : overview.error ? (
        <ErrorNote error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.groups.length === 0 ? (
        <p className="empty">{t('ringkasan.empty')}</p>
      ) : (
        <OverviewBody o={overview.data} />
      )}
    </section>
  );
}

function OverviewBody({ o }: { o: MgmpMadrasahOverview }) {
  const t = useT();
  return (
    <>
      <div className="card section" data-testid="ringkasan-totals">
        <Figures counts={o.totals} extra={{ label: t('ringkasan.groups'), value: String(o.totals.groups), key: 'groups' }} />
      </div>
      <div className="charts">
        <MeetingsChart groups={o.groups} />
        <AttendanceChart groups={o.groups} />
        <figure className="bar-chart card">
          <figcaption>{t('ringkasan.chartTopics')}</figcaption>
          {o.totals.topicsCovered.length === 0 ? (
            <p className="muted small">{t('ringkasan.noTopics')}</p>
          ) : (
            o.totals.topicsCovered.map((topic) => (
              <div className="bar-row" key={topic.topicId} data-topic={topic.name}>
                <span className="bar-label">{topic.name}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill bar-soft" style={{ width: `${Math.round((topic.meetings / Math.max(1, o.totals.topicsCovered[0]?.meetings ?? 1)) * 100)}%` }} />
                </span>
                <span className="bar-value">{topic.meetings}</span>
              </div>
            ))
          )}
        </figure>
      </div>
      <h2 className="section-title">{t('ringkasan.groups')}</h2>
      <ul className="group-list">
        {o.groups.map((g) => (
          <li key={g.groupId} className="card" data-testid="ringkasan-group" data-group={g.name}>
            <div className="group-card-head">
              <Link to={`/mgmp/${g.groupId}`}>
                <strong>{g.name}</strong>
              </Link>
              <span className="muted small">
                {' '}
                · {t('ringkasan.members', { n: g.memberCount })}
                {g.archived && <> · {t('ringkasan.archived')}</>}
              </span>
            </div>
            <Figures counts={g} />
          </li>
        ))}
      </ul>
    </>
  );
}

type Counts = Pick<MgmpMadrasahOverviewGroup, 'meetings' | 'averageAttendance' | 'decisions' | 'followUps'>;

/** The four (or five) figures of a group or of the total, each with its detail line. */
function Figures({ counts: c, extra }: { counts: Counts; extra?: { label: string; value: string; key: string } }) {
  const t = useT();
  const rate = percent(c.averageAttendance);
  const items = [
    ...(extra ? [{ key: extra.key, label: extra.label, value: extra.value, detail: null, danger: false }] : []),
    { key: 'meetings', label: t('ringkasan.meetings'), value: t('ringkasan.heldOfPlanned', { held: c.meetings.held, planned: c.meetings.planned }), detail: t('ringkasan.cancelledUpcoming', { cancelled: c.meetings.cancelled, upcoming: c.meetings.upcoming }), danger: false },
    { key: 'attendance', label: t('ringkasan.attendance'), value: rate === null ? t('ringkasan.none') : `${rate}%`, detail: null, danger: false },
    { key: 'decisions', label: t('ringkasan.decisions'), value: t('ringkasan.decisionsDetail', { made: c.decisions.made, reviewed: c.decisions.reviewed }), detail: c.decisions.dueForReview > 0 ? t('ringkasan.dueForReview', { n: c.decisions.dueForReview }) : null, danger: false },
    { key: 'followUps', label: t('ringkasan.followUps'), value: t('ringkasan.followUpsDetail', { done: c.followUps.done, total: c.followUps.total }), detail: t('ringkasan.open', { n: c.followUps.open }), danger: false },
    { key: 'overdue', label: t('ringkasan.overdueLabel'), value: String(c.followUps.overdue), detail: null, danger: c.followUps.overdue > 0 },
  ];
  return (
    <dl className="stats stats-4 overview-figures">
      {items.map((i) => (
        <div className="stat" key={i.key} data-figure={i.key}>
          <dt className="stat-label">{i.label}</dt>
          <dd className={`stat-value${i.danger ? ' stat-danger' : ''}`}>{i.value}</dd>
          {i.detail && <dd className="muted small">{i.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}

const WIDTH = 320;
const VALUE_ROOM = 34;

/** Inline SVG: per group a label line, then a bar for meetings planned and one for meetings held. */
function MeetingsChart({ groups }: { groups: MgmpMadrasahOverviewGroup[] }) {
  const t = useT();
  const max = Math.max(1, ...groups.map((g) => Math.max(g.meetings.planned, g.meetings.held)));
  const row = 36;
  const top = 18;
  const scale = (n: number) => Math.max(n > 0 ? 2 : 0, (n / max) * (WIDTH - VALUE_ROOM));
  return (
    <figure className="bar-chart card">
      <figcaption>{t('ringkasan.chartMeetings')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${top + groups.length * row}`} width="100%" role="img" aria-label={t('ringkasan.chartMeetings')} className="svg-chart">
        <rect x={0} y={2} width={10} height={8} rx={2} fill="#8fb0dd" />
        <text x={14} y={10} fontSize={10} fill="currentColor">
          {t('ringkasan.planned')}
        </text>
        <rect x={110} y={2} width={10} height={8} rx={2} fill="#2e7d5b" />
        <text x={124} y={10} fontSize={10} fill="currentColor">
          {t('ringkasan.held')}
        </text>
        {groups.map((g, i) => {
          const y = top + i * row;
          return (
            <g key={g.groupId}>
              <text x={0} y={y + 10} fontSize={11} fill="currentColor">
                {g.name}
              </text>
              <rect x={0} y={y + 14} width={scale(g.meetings.planned)} height={7} rx={3} fill="#8fb0dd" />
              <text x={scale(g.meetings.planned) + 4} y={y + 21} fontSize={9} fill="currentColor">
                {g.meetings.planned}
              </text>
              <rect x={0} y={y + 23} width={scale(g.meetings.held)} height={7} rx={3} fill="#2e7d5b" />
              <text x={scale(g.meetings.held) + 4} y={y + 30} fontSize={9} fill="currentColor">
                {g.meetings.held}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Inline SVG: per group the average attendance as a bar out of 100 %. */
function AttendanceChart({ groups }: { groups: MgmpMadrasahOverviewGroup[] }) {
  const t = useT();
  const row = 28;
  const width = WIDTH - VALUE_ROOM;
  return (
    <figure className="bar-chart card">
      <figcaption>{t('ringkasan.chartAttendance')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${groups.length * row}`} width="100%" role="img" aria-label={t('ringkasan.chartAttendance')} className="svg-chart">
        {groups.map((g, i) => {
          const y = i * row;
          const rate = percent(g.averageAttendance);
          return (
            <g key={g.groupId}>
              <text x={0} y={y + 10} fontSize={11} fill="currentColor">
                {g.name}
              </text>
              <rect x={0} y={y + 14} width={width} height={8} rx={4} fill="#eef1ef" />
              <rect x={0} y={y + 14} width={((rate ?? 0) / 100) * width} height={8} rx={4} fill="#7fbca4" />
              <text x={width + 4} y={y + 22} fontSize={10} fill="currentColor">
                {rate === null ? t('ringkasan.none') : `${rate}%`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
