import type { Locale } from '@tumbuh/shared';

const tags: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** `2026-03-01` or an ISO timestamp → a date as people of the locale write it. */
export function formatDate(value: string | null, locale: Locale): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tags[locale], { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatDateTime(value: string | null, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
