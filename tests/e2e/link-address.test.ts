/**
 * src/first-look/link-address.ts reads an anchor's host from its raw href instead of the browser's slow getters. Its
 * promise is that the answer is always the browser's own: checked here in the real Chromium, against a.protocol
 * and a.hostname, for the shapes pages really carry and for the odd ones that must fall back to the browser.
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, visit } from './harness.ts';

const HREFS = [
  'https://www.aa.org/find-aa',
  'http://AA.ORG',
  'HTTPS://UPPER.EXAMPLE.ORG/x',
  'https://na.org:8443/p',
  'https://a.b.c.example.org./',
  '//na.org/path',
  '/meetings',
  'page.html',
  '../up/page.html',
  '?q=1',
  '#top',
  '',
  'mailto:help@example.org',
  'javascript:alert(1)',
  'tel:988',
  'sms:988',
  'data:text/html,hi',
  'ftp://files.example.org/',
  ' https://spaced.example.org/',
  'https://user@cred.example.org/',
  'https://user:pw@cred.example.org/',
  'https://xn--bcher-kva.example/',
  'https://xn--zz.example/',
  'https://bücher.example/',
  'http:relative-quirk',
  'https:\\\\back.example.org\\x',
  '\\\\back.example.org',
  'https://exa%41mple.org/',
  'https://192.168.0.1/',
  'https://0x7f.1/',
  'https://127.1/',
  'https://[::1]/',
  'https://tab\texample.org/',
  'https://line\nbreak.example.org/',
  'https://under_score.example.org/',
  'https://-dash.example.org/',
  'https://a..b.example.org/',
  'https:///three.example.org/',
  'https://host.example.org?q',
  'https://host.example.org#f',
  '  /padded',
  'JavaScript:void(0)',
  'c:\\windows',
  // The URL parser drops tabs and line breaks anywhere and control characters at either end: a scheme broken by one
  // is still a scheme.
  'ht\ttps://tab-in-scheme.example.org/',
  'h\nttps://break-in-scheme.example.org/',
  'java\rscript:void(0)',
  '\u0001https://control-first.example.org/',
  '\u001f//control-first.example.org/',
  'https://trailing-control.example.org\u0001',
  '/\t/tab-between-slashes.example.org/x',
];

const PAGE = 'https://www.guide.example/dir/page.html';
let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
});

/** The module's code, types stripped, as a page script defining webLinkHost on window. */
function moduleScript(): string {
  const ts = readFileSync(new URL('../../src/first-look/link-address.ts', import.meta.url), 'utf8');
  return `${stripTypeScriptTypes(ts).replace(/^export /gm, '')}\nwindow.webLinkHost = webLinkHost;`;
}

async function compare(baseTag: string): Promise<Array<{ href: string; ours: string | null; browser: string | null }>> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on(
      'request',
      (r) =>
        void r.respond({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><head>${baseTag}</head><body></body>`,
        }),
    );
    await visit(page, PAGE);
    await page.addScriptTag({ content: moduleScript() });
    return await page.evaluate((hrefs: string[]) => {
      const w = window as unknown as { webLinkHost(a: HTMLAnchorElement): string | null };
      return hrefs.map((href) => {
        const a = document.createElement('a');
        a.setAttribute('href', href);
        document.body.append(a);
        const ours = w.webLinkHost(a);
        const web = a.protocol === 'http:' || a.protocol === 'https:';
        return { href, ours, browser: web ? a.hostname : null };
      });
    }, HREFS);
  } finally {
    await page.close();
  }
}

describe("an anchor's host read from its raw href", () => {
  it("is the browser's own answer for every shape of link", async () => {
    const rows = await compare('');
    for (const row of rows) expect(row.ours, JSON.stringify(row.href)).toBe(row.browser);
    // The page's own relative links are on its host; other schemes are not web links at all.
    expect(rows.find((r) => r.href === '/meetings')?.ours).toBe('www.guide.example');
    expect(rows.find((r) => r.href === 'mailto:help@example.org')?.ours).toBeNull();
  });

  it("follows the page's <base href> for relative links", async () => {
    const rows = await compare('<base href="https://www.other-directory.example/list/">');
    for (const row of rows) expect(row.ours, JSON.stringify(row.href)).toBe(row.browser);
    expect(rows.find((r) => r.href === 'page.html')?.ours).toBe('www.other-directory.example');
  });
});
