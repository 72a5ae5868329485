import { LOCALES, type Locale } from '@tumbuh/shared';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../shared/api.ts';
import { translate, type MessageKey, type MessageParams } from './translate.ts';

const STORAGE_KEY = 'tumbuh.locale';

function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value);
}

/** The locale the person chose on this device, if any. */
export function readStoredLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

/** Bahasa Indonesia unless the person chose English (on this device or on their account). */
function initialLocale(): Locale {
  return readStoredLocale() ?? 'id';
}

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  /** Switches the interface language and remembers it on this device. */
  setLocale: (locale: Locale) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  setApiLocale(locale);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or full storage: the choice lasts for this visit only.
    }
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The typed translate function of the current locale. */
export function useT(): TFunction {
  return useI18n().t;
}

export function useLocale(): Pick<I18nValue, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
