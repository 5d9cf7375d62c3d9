/**
 * A local intergroup's "links to other areas" page, as real ones are written: every outside link goes through the
 * site's own redirect script, the destination under a parameter name of the site's choosing and without its scheme,
 * or in the path, or in base64. In Chromium and Firefox ESR alike, each resource link is marked with the verdict of
 * the address it carries, the page's href is left as written, and the wrapper is never fetched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session } from './browsers.ts';
import { readMarks, settled, visit, type Mark } from './harness.ts';
import { PAGE_HOST } from './pages.ts';

const PAGE = `https://${PAGE_HOST}/links.html`;
const base64 = (s: string) => Buffer.from(s).toString('base64url');

/** Each link: its id, its href as the page writes it, the carried address's host and path, and the mark it gets. */
const LINKS = [
  {
    id: 'bare',
    href: '/links/redirect.php?goto_site=nami.org/Support-Education/Support-Groups',
    words: 'NAMI support groups',
    carried: 'nami.org/Support-Education/Support-Groups',
    health: 'alive',
  },
  {
    id: 'path',
    href: '/out/www.na.org/meetingsearch/',
    words: 'Find an NA meeting',
    carried: 'www.na.org/meetingsearch/',
    health: 'alive',
  },
  {
    id: 'base64',
    href: `/go.php?l=${base64('https://www.smartrecovery.org/meetings-db/')}`,
    words: 'Local meetings',
    carried: 'www.smartrecovery.org/meetings-db/',
    health: 'alive',
  },
  {
    id: 'dead',
    href: '/links/redirect.php?goto_site=www.aa.org/assets/en_US/en_bigbook_chapt4.pdf',
    words: 'Big Book, chapter 4',
    carried: 'www.aa.org/assets/en_US/en_bigbook_chapt4.pdf',
    health: 'dead',
  },
  {
    id: 'ordinary',
    href: '/links/redirect.php?goto_site=www.example.com/timetable',
    words: 'Bus timetable',
    carried: null,
    health: null,
  },
] as const;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Links to other areas</title></head><body>
<h1>Links to other areas</h1><ul>
${LINKS.map((l) => `<li><a id="${l.id}" href="${l.href.replace(/&/g, '&amp;')}">${l.words}</a></li>`).join('\n')}
</ul></body></html>`;

describe.each(BROWSERS)('in %s', (kind) => {
  let session: Session;
  let marks: Map<string, Mark>;

  beforeAll(async () => {
    session = await startSession(kind, { [PAGE_HOST]: { '/links.html': page } });
    const tab = await session.browser.newPage();
    await visit(tab, PAGE);
    await settled(tab, 90_000);
    marks = new Map((await readMarks(tab)).map((m) => [m.href, m]));
    await tab.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("marks each link through the site's own redirect script with the verdict of the address it carries", () => {
    expect(LINKS.map((l) => [l.id, marks.get(l.href)?.health ?? null])).toEqual(LINKS.map((l) => [l.id, l.health]));
    expect(marks.get(LINKS[3].href)!.struck).toBe(true);
  });

  it('leaves every href as the page wrote it', () => {
    expect([...marks.keys()].filter((href) => !href.startsWith('https://web.archive.org/'))).toEqual(
      LINKS.map((l) => l.href),
    );
  });

  it('checks the carried addresses and never fetches the wrapper', () => {
    const asked = new Set(session.sim.requests.map((r) => `${r.host}${r.path}`));
    for (const l of LINKS) if (l.carried) expect(asked, l.carried).toContain(l.carried);
    // The page's redirect scripts (the page itself and its favicon are asked for, as in any visit).
    const scripts = ['/links/redirect.php', '/out/', '/go.php'];
    const wrappers = session.sim.requests.filter(
      (r) => r.host === PAGE_HOST && scripts.some((s) => r.path.startsWith(s)),
    );
    expect(wrappers).toEqual([]);
    expect(session.sim.requests.filter((r) => r.host.endsWith('example.com'))).toEqual([]);
  });
});
