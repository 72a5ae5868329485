import type { MgmpGroupSummary } from '@tumbuh/shared';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { useMgmpGroups } from './mgmp.api.ts';
import { ArchivedGroups, NewGroupForm, TopicAdmin } from './GroupAdmin.tsx';

/**
 * /mgmp: the groups the user can see, with their member count, the user's role and the next
 * meeting. One request: the list endpoint carries all of it (the next meeting only where the user
 * may read the group's meetings).
 */
export function MgmpListPage() {
  const t = useT();
  const groups = useMgmpGroups();
  const items = groups.data?.items ?? [];

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('mgmp.title')}</h1>
          <p className="muted">{t('mgmp.intro')}</p>
        </div>
        <div className="quick-links">
          <Link to="/mgmp/ringkasan" className="btn">
            {t('ringkasan.link')}
          </Link>
          <Link to="/mgmp/tindak-lanjut" className="btn">
            {t('mgmp.mine.title')}
          </Link>
        </div>
      </div>
      {groups.isPending ? (
        <Loading />
      ) : groups.error ? (
        <ErrorNote error={groups.error} onRetry={() => void groups.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('mgmp.empty')}</p>
      ) : (
        <ul className="group-list">
          {items.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </ul>
      )}
      <NewGroupForm />
      <ArchivedGroups />
      <TopicAdmin />
    </section>
  );
}

function GroupCard({ group }: { group: MgmpGroupSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const readable = group.access !== 'exists';
  const subject = group.subjectName ?? group.clusterName;
  const next = group.nextMeeting;
  return (
    <li className="card group-card">
      <div className="group-card-head">
        {readable ? (
          <Link to={`/mgmp/${group.id}`} className="row-link group-name">
            {group.name}
          </Link>
        ) : (
          <strong className="group-name">{group.name}</strong>
        )}
        {group.myRole ? (
          <span className={`badge ${group.myRole === 'anggota' ? 'badge-muted' : 'badge-ok'}`}>{t(`mgmp.role.${group.myRole}`)}</span>
        ) : (
          <span className="badge badge-muted">{group.access === 'manage' ? t('mgmp.leadership') : t('mgmp.notMember')}</span>
        )}
        {group.archived && <span className="badge badge-warn">{t('mgmp.archived')}</span>}
      </div>
      <p className="muted small group-meta">
        {subject ?? (group.madrasahId === null ? t('mgmp.district') : t('mgmp.noSubject'))}
        {readable && <> · {t('mgmp.memberCount', { count: group.memberCount })}</>}
      </p>
      {readable ? (
        next ? (
          <p className="small next-meeting">
            <span className="muted">{t('mgmp.nextMeeting')}:</span>{' '}
            <Link to={`/mgmp/rapat/${next.id}`}>{next.title}</Link> · {formatDateTime(next.startsAt, locale)}
          </p>
        ) : (
          <p className="small muted next-meeting">{t('mgmp.noNextMeeting')}</p>
        )
      ) : (
        <p className="small muted next-meeting">{t('mgmp.onlyExists')}</p>
      )}
    </li>
  );
}
