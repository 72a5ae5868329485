import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { can, type Capability } from '../shared/roles.ts';
import { useOnline } from '../shared/online.ts';
import { useMe, useSession } from '../shared/session.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';

const NAV: Array<{ to: string; label: 'nav.home' | 'nav.teachers' | 'nav.subjects' | 'nav.mgmp' | 'nav.import' | 'nav.users' | 'observation.nav' | 'feedback.nav' | 'growth.distribution.title' | 'penilaian.nav' | 'instruments.nav'; needs?: Capability }> = [
  { to: '/', label: 'nav.home' },
  { to: '/guru', label: 'nav.teachers' },
  { to: '/mapel', label: 'nav.subjects' },
  { to: '/mgmp', label: 'nav.mgmp' },
  { to: '/penilaian', label: 'penilaian.nav' },
  { to: '/instrumen', label: 'instruments.nav' },
  { to: '/observasi', label: 'observation.nav' },
  { to: '/umpan-balik', label: 'feedback.nav' },
  { to: '/penilaian/sebaran', label: 'growth.distribution.title', needs: 'seeDistribution' },
  { to: '/impor', label: 'nav.import', needs: 'importTeachers' },
  { to: '/pengguna', label: 'nav.users', needs: 'manageUsers' },
];

/** Header, navigation and the page of the signed-in app. */
export function Shell() {
  const t = useT();
  const me = useMe();
  const { signOut, saveLocale } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const online = useOnline();
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const place = me.madrasahs.length === 1 && me.madrasahs[0] ? me.madrasahs[0].name : me.tenant.name;

  return (
    <div className="app">
      <a className="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-btn"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          aria-label={menuOpen ? t('nav.closeMenu') : t('nav.menu')}
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span className="menu-icon" aria-hidden="true" />
        </button>
        <NavLink to="/" className="brand" aria-label={`${t('app.name')} — ${t('nav.home')}`}>
          <Logo />
        </NavLink>
        <div className="tenant">
          <strong className="tenant-name">{place}</strong>
          <span className="tenant-user">{me.user.name}</span>
        </div>
        <div className="topbar-tools">
          <LanguageSwitch onChange={saveLocale} />
          <button type="button" className="btn btn-ghost logout" onClick={() => void signOut()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      {me.demo && <DemoBanner compact />}
      {!online && (
        <div className="offline-banner" role="status">
          {t('app.offline')}
        </div>
      )}
      <div className="layout">
        <nav id="main-nav" className={`sidenav${menuOpen ? ' open' : ''}`} aria-label={t('nav.mainNav')}>
          <ul>
            {NAV.filter((item) => !item.needs || can(me, item.needs)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="sidenav-user">
            <span>{me.user.name}</span>
            <small>{me.user.email}</small>
          </div>
          <button type="button" className="btn sidenav-logout" onClick={() => void signOut()}>
            {t('nav.logout')}
          </button>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
