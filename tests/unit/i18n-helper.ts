/**
 * The real public/_locales messages for unit tests, behind the same getMessage browser.i18n offers: named
 * placeholders ($NAME$, case-insensitive) become their content ("$1"), then $1…$9 become the substitutions and
 * "$$" a dollar sign, as Chrome and Firefox do. An unknown key answers "", as the browsers do.
 */
import { readFileSync } from 'node:fs';
import { setMessageSource, type MessageSource } from '../../src/i18n.ts';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogEntry>;
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function readCatalog(locale: Locale): Catalog {
  return JSON.parse(
    readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
  ) as Catalog;
}

export function getMessageFrom(catalog: Catalog, name: string, substitutions?: string | string[]): string {
  const entry = Object.entries(catalog).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const withContent = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => named.get(name.toLowerCase()) ?? whole,
  );
  return withContent.replace(/\$(\$|[1-9])/g, (_whole, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

/** A MessageSource reading the real messages of `locale`, with the browser's UI language `uiLanguage`. */
export function catalogSource(locale: Locale, uiLanguage: string = locale === 'en' ? 'en-US' : 'es-MX'): MessageSource {
  const catalog = readCatalog(locale);
  return {
    getMessage: (name, substitutions) => getMessageFrom(catalog, name, substitutions),
    getUILanguage: () => uiLanguage,
  };
}

/** Makes src/i18n.ts answer from the real messages of `locale` (call in beforeEach; resetMessages in afterEach). */
export function useMessages(locale: Locale, uiLanguage?: string): void {
  setMessageSource(catalogSource(locale, uiLanguage));
}

export function resetMessages(): void {
  setMessageSource(null);
}
