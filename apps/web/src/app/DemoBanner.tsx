import { useT } from '../i18n/i18n.tsx';

export function DemoBanner() {
  const t = useT();
  return (
    <div className="demo-banner" role="note">
      <strong>{t('demo.banner')}</strong> <span>{t('demo.accounts')}</span>
    </div>
  );
}
