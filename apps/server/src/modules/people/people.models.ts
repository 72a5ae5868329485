/** Pure rules of the people module. */

/** Text the trigram search runs on: lower-cased name and identifiers. Imports use the same formula. */
export function teacherSearchText(t: { name: string; nuptk?: string | null; nip?: string | null; pegId?: string | null }): string {
  return [t.name, t.nuptk ?? '', t.nip ?? '', t.pegId ?? ''].join(' ').toLowerCase();
}

/** Escapes LIKE wildcards in user input so `%` and `_` match literally. */
export function escapeLike(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}
