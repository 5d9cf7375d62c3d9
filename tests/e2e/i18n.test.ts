/**
 * The extension in a browser whose UI language is Spanish, on an English page: the marks' descriptions, the
 * links inserted beside dead links, the phone note, the popup and the options page speak Spanish (dates too),
 * and the page itself is left as it was. Chromium runs with --lang=es and LANGUAGE=es; Firefox ESR with
 * intl.locale.requested=es-MX, which needs Debian's Spanish language pack (firefox-esr-l10n-es-mx, which ./run
 * installs): without it Firefox would stay English, so its half fails at once, saying what is missing.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { U } from '../fixtures/simweb/catalogue.ts';
import { BROWSERS, firefoxLangpack, startSession, type BrowserKind, type Session } from './browsers.ts';
import { settled, visit } from './harness.ts';
import { PAGE_HOST } from './pages.ts';

const OLD_OCF = 'http://www.ocfoundation.org/EO_Hoarding.aspx';
const DBSA = 'http://dbsalliance.org/support/chapters-and-support-groups/';
const PAGE = `https://${PAGE_HOST}/english.html`;
/** An English page: its own language must not decide ours. */
const ENGLISH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support groups</title></head><body>
<h1>Self-help and mutual-aid groups</h1>
<ul>
<li>Alcoholics Anonymous, Big Book chapter 4: <a href="${U.bigBookChapter}">We Agnostics (PDF)</a></li>
<li>OCD hoarding support groups: <a href="${OLD_OCF}">OC Foundation hoarding groups</a></li>
<li>Depression and Bipolar Support Alliance (formerly NDMDA), (800) 826-3600: <a href="${DBSA}">DBSA chapters</a></li>
</ul>
</body></html>`;

const SPANISH_DAY = '\\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\\.? \\d{4}';
const LANG: Record<BrowserKind, string> = { chromium: 'es', firefox: 'es-MX' };

interface Drawn {
  pageLang: string;
  description: string;
  title: string | null;
  archiveText: string | null;
  newHomeText: string | null;
}

function readLink(page: Page, href: string): Promise<Drawn> {
  return page.evaluate((h: string) => {
    const a = [...document.querySelectorAll<HTMLAnchorElement>('a[data-link-health]')].find(
      (x) => x.getAttribute('href') === h,
    )!;
    const extras = a.nextElementSibling;
    const description = (a.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    return {
      pageLang: document.documentElement.lang,
      description,
      title: a.getAttribute('title'),
      archiveText: extras?.querySelector('[data-link-health-archive]')?.textContent ?? null,
      newHomeText: extras?.querySelector('[data-link-health-new-home]')?.textContent ?? null,
    };
  }, href);
}

describe.each(BROWSERS)('in %s set to Spanish', (kind) => {
  const missingLangpack = kind === 'firefox' && !firefoxLangpack(LANG.firefox);
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    if (missingLangpack)
      throw new Error(
        'Firefox has no Spanish language pack beside it: apt-get install firefox-esr-l10n-es-mx (./run test installs it)',
      );
    session = await startSession(kind, { [PAGE_HOST]: { '/english.html': ENGLISH_PAGE } }, {}, { lang: LANG[kind] });
    page = await session.browser.newPage();
    await visit(page, PAGE);
    await settled(page, 90_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('describes a dead link in Spanish, with a Spanish date, and links its archived copy as "archivado en"', async () => {
    const big = await readLink(page, U.bigBookChapter);
    expect(big.description).toMatch(
      new RegExp(
        `^Comprobado el ${SPANISH_DAY}: no encontrado \\(404\\)\\. Copia archivada de mayo de 2008\\. La organización ahora está en aa\\.org\\. Aún puede intentar abrir el enlace\\.$`,
      ),
    );
    expect(big.title).toBe(big.description);
    expect(big.archiveText).toBe('archivado en 2008');
    // The page is English and stays so: only our words are Spanish.
    expect(big.pageLang).toBe('en');
  });

  it('names the group’s new home as "ahora en"', async () => {
    const old = await readLink(page, OLD_OCF);
    expect(old.newHomeText).toBe('ahora en iocdf.org');
    expect(old.description).toContain('La organización ahora está en iocdf.org.');
  });

  it('writes the phone note in Spanish', async () => {
    const note = await page.$eval('[data-link-health-phone-note]', (n) => ({
      text: n.textContent,
      label: n.getAttribute('aria-label'),
    }));
    expect(note.text).toBe('☎ directorio: (800) 826-3632');
    expect(note.label).toMatch(
      new RegExp(
        `^El directorio indica \\(800\\) 826-3632 para Depression and Bipolar Support Alliance \\(verificado el ${SPANISH_DAY}\\); esta página dice \\(800\\) 826-3600\\.$`,
      ),
    );
  });

  it('labels the popup’s search in Spanish and answers in Spanish', async () => {
    const popup = await session.extensionPage('/popup.html');
    await popup.waitForSelector('html[data-ready-ms]');
    const texts = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      label: document.querySelector('label[for="q"]')?.textContent,
      placeholder: document.querySelector('#q')?.getAttribute('placeholder'),
    }));
    expect(texts).toEqual({
      lang: expect.stringMatching(/^es\b/),
      title: 'still-there: enlaces rotos a grupos de ayuda mutua en esta página',
      label: 'Busque un grupo por su nombre, un nombre anterior o su sigla',
      placeholder: 'p. ej., NDMDA, Recovery Inc, nami.org',
    });
    await popup.type('#q', 'ndmda');
    await popup.waitForFunction(
      () => document.querySelector('#results > li')?.getAttribute('data-group-id') === 'dbsa',
      { timeout: 10_000 },
    );
    expect(await popup.$eval('#count', (el) => el.textContent)).toMatch(/^Se encontr(ó 1 grupo|aron \d+ grupos)\.$/);
    expect(
      await popup.$eval('#results > li[data-group-id="dbsa"] button[data-copy]', (el) => [
        el.textContent,
        el.getAttribute('aria-label'),
      ]),
    ).toEqual(['Copiar', 'Copiar (800) 826-3632']);
    await popup.close();
  });

  it('audits the English page in Spanish', async () => {
    const welcome = await session.extensionPage();
    const tabId = await welcome.evaluate(async (url: string) => (await chrome.tabs.query({ url }))[0]?.id, PAGE);
    expect(tabId).toBeTypeOf('number');
    const audit = await session.extensionPage(`/audit.html?tab=${tabId}`);
    await audit.waitForSelector('#links tr[data-status="dead"]', { timeout: 30_000 });
    const texts = await audit.evaluate(() => ({
      lang: document.documentElement.lang,
      heading: document.querySelector('h1')?.textContent,
      column: document.querySelector('th[data-key="verdict"] button')?.textContent,
      filter: document.getElementById('filter-verdict')?.closest('label')?.firstChild?.textContent,
      // The verdict's word is Spanish; its code, the exports' contract, is not.
      dead: document.querySelector('#links tr[data-status="dead"] .verdict')?.textContent,
    }));
    expect(texts).toEqual({
      lang: expect.stringMatching(/^es\b/),
      heading: 'Revisión de enlaces',
      column: 'Resultado',
      filter: 'Resultado',
      dead: 'roto',
    });
    expect(await audit.title()).toBe('Revisión de enlaces: Support groups');
    await audit.close();
  });

  it('shows the options page in Spanish, and the manifest’s texts', async () => {
    const options = await session.extensionPage('/options.html');
    const texts = await options.evaluate(() => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const manifest = api.runtime.getManifest();
      return {
        lang: document.documentElement.lang,
        legend: document.querySelector('legend')?.textContent,
        lead: document.querySelector('.lead')?.textContent,
        description: manifest.description,
        actionTitle: manifest.action?.default_title,
      };
    });
    const description =
      'Tacha los enlaces rotos a recursos de ayuda mutua y ofrece una copia archivada y el sitio nuevo del grupo.';
    expect(texts).toEqual({
      lang: expect.stringMatching(/^es\b/),
      legend: 'Qué enlaces verificar',
      lead: description,
      description,
      actionTitle: 'still-there: enlaces rotos a grupos de ayuda mutua en esta página',
    });
  });
});
