import { LOCALES, type Locale } from '@tumbuh/shared';
import { useLocale, useT } from '../i18n/i18n.tsx';

/** ID / EN toggle; the choice is remembered on the device (and on the account, through onChange). */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="lang" role="group" aria-label={t('nav.language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          className={locale === l ? 'on' : ''}
          onClick={() => (onChange ? onChange(l) : setLocale(l))}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
