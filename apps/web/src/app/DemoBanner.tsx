import { useT } from '../i18n/i18n.tsx';

/** The demo notice; `compact` leaves out the accounts hint (signed-in pages). */
export function DemoBanner({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <div className="demo-banner" role="note">
      <strong>{t('demo.banner')}</strong>
      {!compact && <span> {t('demo.accounts')}</span>}
    </div>
  );
}
