import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { formatDate } from '../../shared/format.ts';
import { hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Loading } from '../../shared/ui.tsx';
import { useTeacherGoals } from './observation.api.ts';
import './observation.css';

/** The teacher page's section: follow-up goals from classroom observations, and links to the observations. Lazy-loaded. */
export default function TeacherObservations({ teacherId, madrasahId }: { teacherId: string; madrasahId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const goals = useTeacherGoals(teacherId);
  const plans = hasRole(me, 'kepala_madrasah', madrasahId) || hasRole(me, 'pengawas', madrasahId);
  return (
    <div className="card" data-testid="teacher-observation-goals">
      <h2>{t('observation.teacherSection.title')}</h2>
      {goals.isPending ? (
        <Loading />
      ) : goals.error ? (
        <ErrorNote error={goals.error} onRetry={() => void goals.refetch()} />
      ) : goals.data.items.length === 0 ? (
        <p className="muted">{t('observation.teacherSection.noGoals')}</p>
      ) : (
        <ul className="obs-teacher-goals">
          {goals.data.items.map((g) => (
            <li key={g.id}>
              <strong>{g.what}</strong> <span className="muted small">{t('observation.goals.due_on', { date: formatDate(g.dueDate, locale) })}</span>
              <br />
              <Link className="small" to={`/observasi/${g.observationId}`}>
                {t('observation.teacherSection.from', { date: formatDate(g.scheduledAt, locale), observer: g.observerName })}
              </Link>
              {g.sent && <span className="small muted"> · {t(g.sent.as === 'agenda' ? 'observation.goals.sentAgenda' : 'observation.goals.sentFollowUp', { group: g.sent.groupName })}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <Link className="btn btn-small" to={`/observasi?guru=${encodeURIComponent(teacherId)}`}>
          {t('observation.teacherSection.observations')}
        </Link>
        {plans && (
          <Link className="btn btn-small btn-primary" to={`/observasi/baru?guru=${encodeURIComponent(teacherId)}`}>
            {t('observation.teacherSection.planForTeacher')}
          </Link>
        )}
      </p>
    </div>
  );
}
