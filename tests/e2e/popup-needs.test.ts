/**
 * The popup answers needs, in both browsers and in an English and a Spanish UI (issue 25): "suicidio" shows the 988
 * Lifeline first with its Spanish route first ("Llame al 988 y marque 2" in Spanish; the English words in an
 * English browser, because the query is Spanish); "grief" shows The Compassionate Friends; "poison" shows Poison
 * Control's 1-800-222-1222. Chromium runs with --lang=es, Firefox ESR with its Spanish language pack.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, firefoxLangpack, startSession, type BrowserKind, type Session } from './browsers.ts';

const UIS: Array<{ ui: 'en' | 'es'; lang: Record<BrowserKind, string | undefined> }> = [
  { ui: 'en', lang: { chromium: undefined, firefox: undefined } },
  { ui: 'es', lang: { chromium: 'es', firefox: 'es-MX' } },
];

/** Types a query as an input event brings it, and reads the cards: ids, and each card's routes in order. */
function search(popup: Page, query: string) {
  return popup.evaluate((q: string) => {
    const box = document.querySelector<HTMLInputElement>('#q')!;
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    return [...document.querySelectorAll('#results > li[data-group-id]')].map((li) => ({
      id: li.getAttribute('data-group-id')!,
      open: (li.querySelector('details') as HTMLDetailsElement).open,
      routes: [...li.querySelectorAll('.routes > li')].map((r) => ({
        languages: r.getAttribute('data-languages'),
        text: r.querySelector('.route')?.textContent ?? '',
        href: r.querySelector('a.route')?.getAttribute('href') ?? null,
      })),
      checked: li.querySelector('.source')?.textContent ?? '',
      report: li.querySelector<HTMLAnchorElement>('a.report-link')?.getAttribute('href') ?? '',
      reportText: li.querySelector('a.report-link')?.textContent ?? '',
    }));
  }, query);
}

describe.each(BROWSERS.flatMap((kind) => UIS.map((u) => [kind, u.ui, u.lang[kind]] as const)))(
  'the popup in %s, %s UI',
  (kind, ui, lang) => {
    let session: Session;
    let popup: Page;

    beforeAll(async () => {
      if (kind === 'firefox' && lang && !firefoxLangpack(lang))
        throw new Error(`Firefox has no ${lang} language pack beside it: apt-get install firefox-esr-l10n-es-mx`);
      session = await startSession(kind, {}, {}, lang ? { lang } : {});
      popup = await session.extensionPage('/popup.html');
      await popup.waitForSelector('html[data-ready-ms]');
    });

    afterAll(async () => {
      await session?.close();
    });

    it('"suicidio" shows 988 first, its Spanish route first', async () => {
      const cards = await search(popup, 'suicidio');
      expect(cards[0]!.id).toBe('988-lifeline');
      expect(cards[0]!.open).toBe(true);
      const first = cards[0]!.routes[0]!;
      expect(first.languages).toBe('es');
      expect(first.href).toBe('tel:988');
      expect(first.text).toBe(ui === 'es' ? 'Llame al 988 y marque 2' : 'Call 988, then press 2');
      expect(cards[0]!.routes[1]!.text).toBe(ui === 'es' ? 'Envíe AYUDA al 988' : 'Text AYUDA to 988');
      // The other lines follow; the ASL route is there too.
      expect(cards.map((c) => c.id)).toEqual(expect.arrayContaining(['crisis-text-line', 'veterans-crisis-line']));
      expect(cards[0]!.routes.some((r) => r.languages === 'ase')).toBe(true);
    });

    it('"suicide" shows 988 with the routes in the UI’s language first', async () => {
      const cards = await search(popup, 'suicide');
      expect(cards[0]!.id).toBe('988-lifeline');
      expect(cards[0]!.routes[0]!.languages).toBe(ui);
    });

    it('"grief" shows The Compassionate Friends', async () => {
      const cards = await search(popup, 'grief');
      expect(cards.map((c) => c.id)).toContain('the-compassionate-friends');
    });

    it('"poison" shows Poison Control’s 1-800-222-1222, its sources’ dates and a report link', async () => {
      const cards = await search(popup, 'poison');
      expect(cards[0]!.id).toBe('poison-control');
      expect(cards[0]!.routes[0]!.text).toContain('1-800-222-1222');
      expect(cards[0]!.routes[0]!.href).toBe('tel:+18002221222');
      expect(cards[0]!.checked).toMatch(ui === 'es' ? /^Comprobado el .+ con: / : /^Checked .+ against: /);
      expect(cards[0]!.checked).toContain('(2020-12-18)');
      expect(cards[0]!.reportText).toBe(ui === 'es' ? 'Avísenos si un número está mal' : 'Tell us a number is wrong');
      expect(cards[0]!.report).toMatch(/^mailto:\?subject=/);
      expect(decodeURIComponent(cards[0]!.report)).toContain('poison-control');
    });
  },
);
