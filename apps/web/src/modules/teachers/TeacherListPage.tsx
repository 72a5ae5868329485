import { EMPLOYMENT_STATUSES, LIMITS, type EmploymentStatus } from '@tumbuh/shared';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { useDebounced } from '../../shared/hooks.ts';
import { useClusters, useSubjects, useTeacherList, type TeacherFilters } from '../../shared/people.api.ts';
import { can } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote, Field, Loading, Pager, StatusBadge, MadrasahOptions } from '../../shared/ui.tsx';

const PAGE = LIMITS.pageDefault;

function asStatus(v: string | null): EmploymentStatus | undefined {
  return EMPLOYMENT_STATUSES.find((s) => s === v);
}
function asActive(v: string | null): 'true' | 'false' | 'all' {
  return v === 'false' || v === 'all' ? v : 'true';
}

export function TeacherListPage() {
  const t = useT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search.trim(), 300);

  const filters: TeacherFilters = {
    q: params.get('q') ?? undefined,
    madrasahId: params.get('madrasahId') ?? undefined,
    subjectId: params.get('subjectId') ?? undefined,
    clusterId: params.get('clusterId') ?? undefined,
    employmentStatus: asStatus(params.get('employmentStatus')),
    active: asActive(params.get('active')),
    limit: PAGE,
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };

  const update = (changes: Record<string, string | undefined>, keepOffset = false) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!keepOffset) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) update({ q: debounced || undefined });
    // Only the debounced search text drives this effect.
  }, [debounced]);

  const list = useTeacherList(filters);
  const subjects = useSubjects(filters.madrasahId);
  const clusters = useClusters(filters.madrasahId);
  const hasFilters = Boolean(filters.q || filters.subjectId || filters.clusterId || filters.employmentStatus || filters.madrasahId || filters.active !== 'true');
  const madrasahName = (id: string) => me.madrasahs.find((m) => m.id === id)?.name ?? '';
  // With several madrasahs and none chosen, the same subject name appears once per madrasah.
  const optionLabel = (name: string, madrasahId: string) => (me.madrasahs.length > 1 && !filters.madrasahId ? `${name} — ${madrasahName(madrasahId)}` : name);

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('teachers.title')}</h1>
        {can(me, 'manageTeachers') && (
          <Link to="/guru/baru" className="btn btn-primary">
            {t('teachers.add')}
          </Link>
        )}
      </div>

      <div className="toolbar" role="search">
        <Field label={t('teachers.searchLabel')}>
          {(p) => (
            <input {...p} type="search" placeholder={t('teachers.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
          )}
        </Field>
        <details className="filters" open={hasFilters && !filters.q ? true : undefined}>
          <summary>{t('teachers.filters')}</summary>
          <div className="filter-grid">
            {me.madrasahs.length > 1 && (
              <Field label={t('common.madrasah')}>
                {(p) => (
                  <select {...p} value={filters.madrasahId ?? ''} onChange={(e) => update({ madrasahId: e.target.value, subjectId: undefined, clusterId: undefined })}>
                    <option value="">{t('common.all')}</option>
                    <MadrasahOptions madrasahs={me.madrasahs} />
                  </select>
                )}
              </Field>
            )}
            <Field label={t('teachers.subject')}>
              {(p) => (
                <select {...p} value={filters.subjectId ?? ''} onChange={(e) => update({ subjectId: e.target.value })}>
                  <option value="">{t('common.all')}</option>
                  {subjects.data?.items.map((s) => (
                    <option key={s.id} value={s.id}>
                      {optionLabel(s.name, s.madrasahId)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('teachers.cluster')}>
              {(p) => (
                <select {...p} value={filters.clusterId ?? ''} onChange={(e) => update({ clusterId: e.target.value })}>
                  <option value="">{t('common.all')}</option>
                  {clusters.data?.items.map((c) => (
                    <option key={c.id} value={c.id}>
                      {optionLabel(c.name, c.madrasahId)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('teachers.employmentStatus')}>
              {(p) => (
                <select {...p} value={filters.employmentStatus ?? ''} onChange={(e) => update({ employmentStatus: e.target.value })}>
                  <option value="">{t('common.all')}</option>
                  {EMPLOYMENT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`employmentStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('teachers.activeFilter')}>
              {(p) => (
                <select {...p} value={filters.active} onChange={(e) => update({ active: e.target.value === 'true' ? undefined : e.target.value })}>
                  <option value="true">{t('teachers.activeOnly')}</option>
                  <option value="false">{t('teachers.inactiveOnly')}</option>
                  <option value="all">{t('teachers.allStatuses')}</option>
                </select>
              )}
            </Field>
          </div>
          {hasFilters && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('teachers.resetFilters')}
            </button>
          )}
        </details>
      </div>

      <ErrorNote error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <p className="empty">{hasFilters ? t('common.noResults') : t('common.empty')}</p>
      ) : (
        list.data && (
          <>
            <p className="muted count" aria-live="polite" data-testid="teacher-total">
              {t('teachers.total', { total: list.data.total })}
            </p>
            <table className="table responsive cards-compact" aria-busy={list.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('teachers.name')}</th>
                  <th scope="col">{t('teachers.employmentStatus')}</th>
                  <th scope="col">{t('teachers.subjects')}</th>
                  {me.madrasahs.length > 1 && <th scope="col">{t('common.madrasah')}</th>}
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((teacher) => (
                  <tr key={teacher.id}>
                    <th scope="row" data-label={t('teachers.name')}>
                      <Link to={`/guru/${teacher.id}`} className="row-link">
                        {teacher.name}
                      </Link>
                      {teacher.gender && <span className="muted small"> · {teacher.gender === 'L' ? t('teachers.genderL') : t('teachers.genderP')}</span>}
                    </th>
                    <td data-label={t('teachers.employmentStatus')}>{teacher.employmentStatus ?? t('common.none')}</td>
                    <td data-label={t('teachers.subjects')}>{teacher.subjects.map((s) => s.name).join(', ') || t('common.none')}</td>
                    {me.madrasahs.length > 1 && <td data-label={t('common.madrasah')}>{madrasahName(teacher.madrasahId)}</td>}
                    <td data-label={t('common.status')}>
                      <StatusBadge active={teacher.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={filters.offset} limit={PAGE} total={list.data.total} onChange={(offset) => update({ offset: offset ? String(offset) : undefined }, true)} />
          </>
        )
      )}
    </section>
  );
}
