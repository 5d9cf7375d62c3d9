/**
 * The messages behind every text the extension shows (public/_locales): English and Spanish carry the same keys
 * with the same placeholders, every key the code or a page asks for exists, and src/i18n.ts fails loudly on a
 * key it does not know rather than showing a blank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dateLocale, setMessageSource, t, tn, uiLanguage, type MessageKey } from '../../src/i18n.ts';
import {
  catalogSource,
  getMessageFrom,
  LOCALES,
  readCatalog,
  resetMessages,
  useMessages,
  type Catalog,
} from './i18n-helper.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(l)])) as Record<
  (typeof LOCALES)[number],
  Catalog
>;
const en = catalogs.en;
const es = catalogs.es;

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every message key the extension's code and pages ask for, with where. */
function keysAskedFor(): Array<{ key: string; where: string }> {
  const asked: Array<{ key: string; where: string }> = [];
  for (const file of filesUnder('src', '.ts')) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const m of text.matchAll(/\bt\(\s*'([^']*)'/g)) asked.push({ key: m[1]!, where });
    for (const m of text.matchAll(/\btn\(\s*'([^']*)'/g))
      asked.push({ key: `${m[1]}_one`, where }, { key: `${m[1]}_other`, where });
  }
  for (const file of filesUnder('entrypoints', '.html')) {
    const where = path.relative(ROOT, file);
    for (const m of readFileSync(file, 'utf8').matchAll(/\bdata-i18n(?:-[a-z-]+)?="([^"]*)"/g))
      asked.push({ key: m[1]!, where });
  }
  for (const m of readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_@]+)__/g))
    asked.push({ key: m[1]!, where: 'wxt.config.ts' });
  return asked;
}

function placeholdersOf(entry: Catalog[string]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
}

afterEach(resetMessages);

describe('the message files', () => {
  it('have the same keys in English and Spanish, in the characters browsers accept, none twice by case', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(Object.keys(en).map((k) => k.toLowerCase())).size).toBe(Object.keys(en).length);
  });

  it('give every message a text and translators a description', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const [key, entry] of Object.entries(catalog)) {
        expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
        expect(entry.description?.trim(), `${locale} ${key} description`).toBeTruthy();
      }
    }
  });

  it('use the same placeholders in both languages, each defined, used, and filled from $1…$9', () => {
    for (const key of Object.keys(en)) {
      const ours = placeholdersOf(en[key]!);
      expect(placeholdersOf(es[key]!), key).toEqual(ours);
      expect(Object.values(ours).sort(), key).toEqual(Object.values(ours).map((_, i) => `$${i + 1}`));
      for (const [locale, catalog] of Object.entries(catalogs)) {
        const used = [...catalog[key]!.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
        expect(new Set(used), `${locale} ${key}: placeholders used`).toEqual(new Set(Object.keys(ours)));
        // No stray "$": a dollar sign in a text must be written "$$".
        expect(
          catalog[key]!.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, ''),
          `${locale} ${key}`,
        ).not.toContain('$');
      }
    }
  });

  it('pair every plural form: <base>_one with <base>_other, with the same placeholders', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('_one'))) {
      const other = key.replace(/_one$/, '_other');
      expect(en[other], other).toBeDefined();
      expect(placeholdersOf(en[other]!), other).toEqual(placeholdersOf(en[key]!));
    }
  });

  it('are translated: the Spanish differs from the English but for names and codes', () => {
    const same = Object.keys(en).filter((k) => en[k]!.message === es[k]!.message);
    expect(same.sort()).toEqual(['name', 'phone_action_tty', 'phone_tty']);
  });

  it('have every key that the code, the pages and the manifest ask for, and no key nobody asks for', () => {
    const asked = keysAskedFor();
    const missing = asked
      .filter(({ key }) => !(key in en) || !(key in es))
      .map(({ key, where }) => `${key} (${where})`);
    expect(missing).toEqual([]);
    // Keys can also be named in tables (src/words/describe.ts's reasons): any quoted mention in src counts as a use.
    const source = filesUnder('src', '.ts')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const mentioned = new Set([
      ...asked.map((a) => a.key),
      ...[...source.matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
    ]);
    const unused = Object.keys(en).filter(
      (k) => !mentioned.has(k) && !(k.endsWith('_other') && mentioned.has(k.replace(/_other$/, '_one'))),
    );
    expect(unused).toEqual([]);
    expect(asked.length).toBeGreaterThan(50);
  });
});

describe('src/i18n.ts', () => {
  it('fills placeholders in order, whatever order the language writes them in', () => {
    useMessages('en');
    expect(t('checked', 'Not found (404)', '28 Nov 2026')).toBe('Not found (404) when checked on 28 Nov 2026.');
    useMessages('es');
    expect(t('checked', 'no encontrado (404)', '28 nov 2026')).toBe('Comprobado el 28 nov 2026: no encontrado (404).');
  });

  it('throws on a key no message file has, rather than showing a blank or falling back to English', () => {
    useMessages('es');
    expect(() => t('no_such_key' as MessageKey)).toThrow(/no message "no_such_key"/);
  });

  it('throws a clear error when no messages were given and there is no browser', () => {
    setMessageSource(null);
    expect(() => t('name')).toThrow(/setMessageSource/);
  });

  it('chooses the plural form by the UI language’s rules', () => {
    useMessages('en');
    expect([0, 1, 2].map((n) => tn('search_found', n))).toEqual([
      '0 groups found.',
      '1 group found.',
      '2 groups found.',
    ]);
    useMessages('es');
    // Spanish "many" (a million) takes the plural text too.
    expect([1, 3, 1_000_000].map((n) => tn('search_found', n))).toEqual([
      'Se encontró 1 grupo.',
      'Se encontraron 3 grupos.',
      'Se encontraron 1000000 grupos.',
    ]);
  });

  it('names the UI language by the messages in use, keeping the browser’s region when they agree', () => {
    useMessages('es', 'es-MX');
    expect([uiLanguage(), dateLocale()]).toEqual(['es-MX', 'es-MX']);
    // Headless Chromium without its locale files: Spanish messages, but "en-US" reported.
    useMessages('es', 'en-US');
    expect([uiLanguage(), dateLocale()]).toEqual(['es', 'es']);
    // English keeps the unambiguous "28 Nov 2026" whatever the English region.
    useMessages('en', 'en-US');
    expect([uiLanguage(), dateLocale()]).toEqual(['en-US', 'en-GB']);
    // A French browser gets the English messages (the default locale), so English it is.
    useMessages('en', 'fr-FR');
    expect(uiLanguage()).toBe('en');
  });

  it('the test helper substitutes as browsers do (case-insensitive names, $$ for a dollar)', () => {
    const catalog: Catalog = {
      Price: { message: 'Costs $$$AMOUNT$ ($1)', placeholders: { amount: { content: '$1' } } },
    };
    expect(getMessageFrom(catalog, 'price', ['5'])).toBe('Costs $5 (5)');
    expect(getMessageFrom(catalog, 'nothing')).toBe('');
    expect(catalogSource('es').getMessage('mark_now_at', 'aa.org')).toBe('ahora en aa.org');
  });
});
