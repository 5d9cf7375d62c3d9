/**
 * Every text a person sees comes from public/_locales/<language>/messages.json through browser.i18n (English and
 * Spanish): the browser picks the file for its UI language and falls back to English (default_locale).
 * Reason codes, data-* values and JSON fields are a documented contract and never pass through here.
 * Unit tests hand in the real messages with setMessageSource (tests/unit/i18n-helper.ts).
 */

/** The keys of the English messages, the default locale: a misspelt key is a type error. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');
/** Keys that come as a pair `<base>_one` / `<base>_other`, chosen by the count's plural category. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** The part of browser.i18n we use. */
export interface MessageSource {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let injected: MessageSource | null = null;
/** The UI language cannot change under a running page or worker (a browser restart reloads us): asked once. */
let languages: { ui: string; date: string } | null = null;

/** For tests: the messages to use instead of the browser's (null: the browser's again). */
export function setMessageSource(source: MessageSource | null): void {
  injected = source;
  languages = null;
}

function source(): MessageSource {
  if (injected) return injected;
  // The global API rather than wxt/browser: the content script reads its messages here and does without the polyfill
  // (src/extension-api.ts). i18n.getMessage answers alike on Chrome's `chrome` and Firefox's `browser`.
  const g = globalThis as { browser?: { i18n?: MessageSource }; chrome?: { i18n?: MessageSource } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  if (!i18n)
    throw new Error(
      'still-there i18n: no browser.i18n here; a unit test must call setMessageSource first (tests/unit/i18n-helper.ts)',
    );
  return i18n;
}

/**
 * The message for `key`, with its placeholders filled in order. A missing message throws rather than showing a
 * blank or English: browser.i18n answers "" for an unknown key, and tests/unit/i18n.test.ts keeps every key in both files.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = source().getMessage(key, substitutions.length ? substitutions.map(String) : undefined);
  if (!text) throw new Error(`still-there i18n: no message "${key}" in _locales`);
  return text;
}

/** `<key>_one` or `<key>_other` by the UI language's plural rules; the count is the first substitution. */
export function tn(key: PluralKey, count: number, ...more: Array<string | number>): string {
  // Spanish also has "many" (1 000 000 de …): our texts need only the two forms English and Spanish both write.
  const form = pluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, count, ...more);
}

/**
 * The language the extension's texts are shown in, as a BCP 47 tag: the browser's UI language when the messages
 * are in that language ("es-MX" keeps its region), else the language of the messages the browser fell back to
 * (a French browser reads our English). Headless Chromium without its locale files reports "en-US" while
 * serving the Spanish messages: the messages are what the reader sees.
 */
export function uiLanguage(): string {
  return (languages ??= resolveLanguages()).ui;
}

/** The locale for dates inside our texts: the messages' own choice, or with a bare language, the UI's region of it. */
export function dateLocale(): string {
  return (languages ??= resolveLanguages()).date;
}

function resolveLanguages(): { ui: string; date: string } {
  const reported = source().getUILanguage();
  const texts = t('ui_language');
  const ui = primary(reported) === primary(texts) ? reported : texts;
  const chosen = t('date_locale');
  return { ui, date: !chosen.includes('-') && primary(ui) === primary(chosen) ? ui : chosen };
}

/**
 * Fills an extension page's static texts from the messages: `data-i18n` sets an element's text, and
 * `data-i18n-placeholder`, `data-i18n-aria-label`, `data-i18n-title` set those attributes. The page's lang
 * follows the UI language. Text only (textContent), never markup.
 */
export function localizeDocument(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const attr of ['placeholder', 'aria-label', 'title']) {
    for (const el of doc.querySelectorAll(`[data-i18n-${attr}]`))
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`) as MessageKey));
  }
}

function primary(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

const rulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}
