import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DemoBanner } from '../../app/DemoBanner.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { Logo } from '../../app/Logo.tsx';
import { useT } from '../../i18n/i18n.tsx';

/** Whether the server says it runs with demo data (read from /api/health when it tells). */
async function fetchDemoFlag(): Promise<boolean> {
  try {
    const res = await fetch('/api/health', { credentials: 'same-origin' });
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null && 'demo' in body && body.demo === true;
  } catch {
    return false;
  }
}

/** The frame of pages seen before signing in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const demo = useQuery({ queryKey: ['health-demo'], queryFn: fetchDemoFlag, staleTime: Infinity, retry: false });
  return (
    <div className="public">
      <header className="public-head">
        <Logo />
        <LanguageSwitch />
      </header>
      {demo.data && <DemoBanner />}
      <main id="main" className="public-main">
        {children}
      </main>
      <footer className="public-foot">{t('app.tagline')}</footer>
    </div>
  );
}
