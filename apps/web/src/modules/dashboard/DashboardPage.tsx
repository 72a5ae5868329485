import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { keys, type ListResult } from '../../shared/people.api.ts';
import { can, hasRole } from '../../shared/roles.ts';
import { useMe } from '../../shared/session.tsx';
import { ErrorNote } from '../../shared/ui.tsx';

// The logo (kop) control loads on demand: it adds nothing to the first-load bundle.
const MadrasahLogo = lazy(() => import('../files/MadrasahLogo.tsx').then((m) => ({ default: m.MadrasahLogo })));
// The MGMP overview card (kepala, operator, pengawas, peneliti) loads on demand as well.
const MgmpOverviewCard = lazy(() => import('../mgmp/OverviewCard.tsx').then((m) => ({ default: m.MgmpOverviewCard })));

async function total(path: string, query: Record<string, string | number>, signal: AbortSignal): Promise<number> {
  const list = await api<ListResult<unknown>>('GET', path, { query: { ...query, limit: 1 }, signal });
  return list.total;
}

export function DashboardPage() {
  const t = useT();
  const me = useMe();
  const counts = useQuery({
    queryKey: keys.counts,
    queryFn: async ({ signal }) => {
      const [teachers, subjects, clusters] = await Promise.all([
        total('/teachers', { active: 'true' }, signal),
        total('/subjects', { active: 'true' }, signal),
        total('/clusters', {}, signal),
      ]);
      return { teachers, subjects, clusters };
    },
  });
  const stats = [
    { label: t('dashboard.teachersActive'), value: counts.data?.teachers, to: '/guru' },
    { label: t('dashboard.subjects'), value: counts.data?.subjects, to: '/mapel' },
    { label: t('dashboard.clusters'), value: counts.data?.clusters, to: '/mapel' },
  ];
  const operator = can(me, 'manageTeachers');

  return (
    <section className="page">
      <p className="eyebrow">{me.tenant.name}</p>
      <h1>{t('dashboard.welcome', { name: me.user.name })}</h1>

      <h2 className="section-title">{t('dashboard.madrasahs')}</h2>
      <ul className="madrasah-list">
        {me.madrasahs.map((m) => (
          <li key={m.id} className="card madrasah">
            <strong>{m.name}</strong>
            {m.npsn && <span className="muted">{t('dashboard.npsn', { npsn: m.npsn })}</span>}
            <Suspense fallback={null}>
              <MadrasahLogo madrasahId={m.id} name={m.name} canEdit={hasRole(me, 'operator', m.id)} />
            </Suspense>
          </li>
        ))}
      </ul>

      <ErrorNote error={counts.error} onRetry={() => void counts.refetch()} />
      <div className="stats">
        {stats.map((s) => (
          <Link key={s.label} to={s.to} className="card stat">
            <span className="stat-value" aria-busy={counts.isPending}>
              {s.value ?? '…'}
            </span>
            <span className="stat-label">{s.label}</span>
          </Link>
        ))}
      </div>

      {(['kepala_madrasah', 'operator', 'pengawas', 'peneliti'] as const).some((r) => hasRole(me, r)) && (
        <Suspense fallback={null}>
          <MgmpOverviewCard />
        </Suspense>
      )}

      <h2 className="section-title">{t('dashboard.quickLinks')}</h2>
      <div className="quick-links">
        <Link to="/guru" className="btn">
          {t('dashboard.linkTeachers')}
        </Link>
        {operator && (
          <>
            <Link to="/guru/baru" className="btn">
              {t('dashboard.linkAddTeacher')}
            </Link>
            <Link to="/impor" className="btn">
              {t('dashboard.linkImport')}
            </Link>
          </>
        )}
        <Link to="/mapel" className="btn">
          {t('dashboard.linkSubjects')}
        </Link>
        {can(me, 'manageUsers') && (
          <Link to="/pengguna" className="btn">
            {t('dashboard.linkUsers')}
          </Link>
        )}
      </div>
    </section>
  );
}
