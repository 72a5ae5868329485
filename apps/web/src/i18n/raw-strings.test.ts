import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Words that are the same in every language (the product's name). */
const ALLOWED = new Set(['Tumbuh']);
const srcDir = fileURLToPath(new URL('..', import.meta.url));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Text a person would read, written straight into markup instead of coming from the dictionary. */
function rawStrings(source: string): string[] {
  const found: string[] = [];
  for (const line of source.split('\n')) {
    const inline = line.match(/>\s*([A-Za-zÀ-ÿ][^<>{}()=;]*?)\s*<\//);
    if (inline?.[1]) found.push(inline[1]);
    const alone = line.match(/^\s*([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 ,.'!?-]*)$/);
    // A line of words alone is JSX text, unless it is code (`void navigator.clipboard`).
    if (alone?.[1] && alone[1].includes(' ') && !/\.\w/.test(alone[1])) found.push(alone[1]);
    for (const attr of line.matchAll(/\b(?:aria-label|placeholder|title|alt|label)="([^"]*[A-Za-z][^"]*)"/g)) {
      if (attr[1]) found.push(attr[1]);
    }
  }
  return found.filter((text) => !ALLOWED.has(text.trim()));
}

describe('user interface text', () => {
  it('comes from the typed dictionary, never raw in the markup', () => {
    const offenders = tsxFiles(srcDir).flatMap((file) => rawStrings(readFileSync(file, 'utf8')).map((text) => `${file.slice(srcDir.length)}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('the check itself notices raw text', () => {
    expect(rawStrings('<button>Simpan</button>\n<input placeholder="Cari guru" />\n      Kata sandi baru\n')).toEqual(['Simpan', 'Cari guru', 'Kata sandi baru']);
  });
});
