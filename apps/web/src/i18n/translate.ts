import type { Locale } from '@tumbuh/shared';
import { en } from './en.ts';
import { id, type Dictionary } from './id.ts';

/** Every dotted path to a string in the source dictionary, e.g. `'teachers.title'`. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Dictionary>;
export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Locale, unknown> = { id, en };

function lookup(dict: unknown, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = Reflect.get(node, part);
  }
  return typeof node === 'string' ? node : undefined;
}

/** Looks a key up in the locale's dictionary (falling back to Indonesian) and fills `{placeholders}`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = lookup(dictionaries[locale], key) ?? lookup(id, key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Flattens a dictionary into `[dotted key, text]` pairs (used by the coverage test). */
export function flatten(dict: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof dict !== 'object' || dict === null) return [[prefix, dict]];
  return Object.entries(dict).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}
