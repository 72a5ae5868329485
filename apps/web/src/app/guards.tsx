import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { can, type Capability } from '../shared/roles.ts';
import { useMe, useSession } from '../shared/session.tsx';

/** Sends visitors who are not signed in to /masuk, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to="/masuk" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Shows a "no access" page to users without the capability (the server refuses them anyway). */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (!can(me, capability)) {
    return (
      <section className="page narrow">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
        <Link to="/" className="btn">
          {t('notFound.home')}
        </Link>
      </section>
    );
  }
  return children;
}
