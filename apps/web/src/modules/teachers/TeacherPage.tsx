import type { TeacherDetail } from '@tumbuh/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api, isApiError } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { keys, useTeacher } from '../../shared/people.api.ts';
import { can, hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ConfirmButton, ErrorNote, Loading, StatusBadge } from '../../shared/ui.tsx';

// Observation goals load with their own (lazy) module, so the teacher page stays light.
const TeacherObservations = lazy(() => import('../observation/TeacherObservations.tsx'));
// "Perkembangan" (PKG growth charts) likewise.
const GrowthSection = lazy(() => import('../assessment/GrowthSection.tsx').then((m) => ({ default: m.GrowthSection })));

type RestrictedField = 'nuptk' | 'nip' | 'pegId' | 'nik' | 'birthPlace' | 'birthDate' | 'ptkType' | 'extraDuties' | 'phone' | 'email' | 'address';

export function TeacherPage() {
  const { id = '' } = useParams();
  const t = useT();
  const teacher = useTeacher(id);
  if (teacher.isPending) return <Loading />;
  if (teacher.error) {
    return (
      <section className="page">
        <Link to="/guru" className="back">
          ← {t('teachers.title')}
        </Link>
        {isApiError(teacher.error, 'people.teacher_not_found') || isApiError(teacher.error, 'common.not_found') ? (
          <p className="empty">{t('teachers.notFound')}</p>
        ) : (
          <ErrorNote error={teacher.error} onRetry={() => void teacher.refetch()} />
        )}
      </section>
    );
  }
  return <TeacherView teacher={teacher.data} />;
}

function TeacherView({ teacher }: { teacher: TeacherDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const operator = can(me, 'manageTeachers', teacher.madrasahId);
  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      active
        ? api<TeacherDetail>('PATCH', `/teachers/${teacher.id}`, { body: { active: true } })
        : api<TeacherDetail>('DELETE', `/teachers/${teacher.id}`),
    onSuccess: (fresh) => {
      queryClient.setQueryData(keys.teacher(fresh.id), fresh);
      void queryClient.invalidateQueries({ queryKey: keys.teachers });
      void queryClient.invalidateQueries({ queryKey: keys.counts });
      setNotice(fresh.active ? t('common.saved') : t('teachers.deactivated'));
    },
  });

  const value = (field: RestrictedField, shown?: string | null): ReactNode => {
    const raw = teacher[field];
    if (teacher.restricted && raw === null) return <span className="muted hidden-value">{t('common.hidden')}</span>;
    if (raw === null || raw === '') return <span className="muted">{t('common.none')}</span>;
    return shown ?? raw;
  };
  const row = (label: string, content: ReactNode) => (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{content}</dd>
    </div>
  );
  const madrasah = me.madrasahs.find((m) => m.id === teacher.madrasahId);

  return (
    <section className="page">
      <Link to="/guru" className="back">
        ← {t('teachers.title')}
      </Link>
      <div className="page-head">
        <div>
          <h1>{teacher.name}</h1>
          <p className="muted">
            {madrasah?.name} <StatusBadge active={teacher.active} />
          </p>
        </div>
        {operator && (
          <div className="actions">
            <Link to={`/guru/${teacher.id}/ubah`} className="btn btn-primary">
              {t('common.edit')}
            </Link>
            {teacher.active ? (
              <ConfirmButton
                label={t('teachers.deactivate')}
                className="btn btn-danger-outline"
                message={t('teachers.deactivateConfirm', { name: teacher.name })}
                disabled={setActive.isPending}
                onConfirm={() => setActive.mutate(false)}
              />
            ) : (
              <button type="button" className="btn" disabled={setActive.isPending} onClick={() => setActive.mutate(true)}>
                {t('teachers.reactivate')}
              </button>
            )}
          </div>
        )}
      </div>
      {notice && (
        <p className="note note-ok" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={setActive.error} />
      {teacher.restricted && <p className="note">{t('teachers.restrictedNote')}</p>}

      <div className="detail-grid">
        <div className="card">
          <h2>{t('teachers.identity')}</h2>
          <dl className="dl">
            {row(t('teachers.name'), teacher.name)}
            {row(t('teachers.gender'), teacher.gender ? (teacher.gender === 'L' ? t('teachers.genderL') : t('teachers.genderP')) : t('common.none'))}
            {row(t('teachers.nik'), value('nik'))}
            {row(t('teachers.birthPlace'), value('birthPlace'))}
            {row(t('teachers.birthDate'), value('birthDate', formatDate(teacher.birthDate, locale)))}
          </dl>
        </div>
        <div className="card">
          <h2>{t('teachers.employment')}</h2>
          <dl className="dl">
            {row(t('teachers.employmentStatus'), teacher.employmentStatus ? t(`employmentStatus.${teacher.employmentStatus}`) : t('common.none'))}
            {row(t('teachers.nip'), value('nip'))}
            {row(t('teachers.nuptk'), value('nuptk'))}
            {row(t('teachers.pegId'), value('pegId'))}
            {row(t('teachers.ptkType'), value('ptkType'))}
            {row(t('teachers.extraDuties'), value('extraDuties'))}
          </dl>
        </div>
        <div className="card">
          <h2>{t('teachers.subjects')}</h2>
          {teacher.subjects.length ? (
            <ul className="chips">
              {teacher.subjects.map((s) => (
                <li key={s.id} className="chip">
                  {s.name}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('teachers.noSubjects')}</p>
          )}
        </div>
        <div className="card">
          <h2>{t('teachers.contact')}</h2>
          <dl className="dl">
            {row(t('teachers.phone'), value('phone'))}
            {row(t('teachers.email'), value('email'))}
            {row(t('teachers.address'), value('address'))}
          </dl>
        </div>
      </div>
      <Suspense fallback={<Loading />}>
        <TeacherObservations teacherId={teacher.id} madrasahId={teacher.madrasahId} />
      </Suspense>
      {(me.user.teacherId === teacher.id || (['kepala_madrasah', 'operator', 'pengawas'] as const).some((r) => hasRole(me, r, teacher.madrasahId))) && (
        <Suspense fallback={<Loading />}>
          <GrowthSection teacherId={teacher.id} />
        </Suspense>
      )}
      <p className="muted small">{t('teachers.updatedAt', { date: formatDateTime(teacher.updatedAt, locale) })}</p>
    </section>
  );
}
