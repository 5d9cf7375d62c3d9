/**
 * The first look, the background's half (src/background/first-look.ts) and the page as it arrives there
 * (src/first-look/page-from-html.ts): the marker runs where a link could be a resource, where every link is marked,
 * and where links were added; never on a site that is turned off; and the markup is read as the live page would be,
 * never narrower (tests/e2e/first-look.test.ts compares it with the live page in both browsers).
 */
import { describe, expect, it } from 'vitest';
import { nextStep, type FirstLookDeps, type FrameTarget } from '../../src/background/first-look.ts';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers.ts';
import { askerFrom } from '../../src/background/site-keys.ts';
import type { FirstLook } from '../../src/messages.ts';
import { pageFromHtml, relativeLinkHosts } from '../../src/first-look/page-from-html.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings.ts';

const PAGE = 'https://www.county-guide.example/fair/';
const ordinary = `<!doctype html><html><head><title>County fair</title></head><body><ul>${Array.from(
  { length: 40 },
  (_, i) => `<li><a href="https://www.news-${i % 5}.example.com/story-${i}">Story ${i} about the fair</a></li>`,
).join('')}</ul></body></html>`;
const withNami = ordinary.replace('</ul>', '<li><a href="https://www.nami.org/">NAMI</a></li></ul>');
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the page as the first look sends it', () => {
  it('reads the body text with entities decoded, script text as written, and not the head', () => {
    const page = pageFromHtml(
      '<html><head><title>Alcoholics Anonymous</title></head><body><p>Al&#8209;Anon &amp; Alateen&nbsp;meetings</p>' +
        '<script>var groups = ["Narcotics Anonymous"];</script></body></html>',
      PAGE,
    );
    expect(page.text).toBe('Al\u2011Anon & Alateen\u00a0meetingsvar groups = ["Narcotics Anonymous"];');
  });

  it('reads the whole document where there is no body (a frameset, a bare fragment)', () => {
    expect(pageFromHtml('<p>Emotions Anonymous</p>', PAGE).text).toBe('Emotions Anonymous');
  });

  it('reads every <a> and <area> href as written, entities decoded, and nothing else', () => {
    const page = pageFromHtml(
      '<body><a href="/a?x=1&amp;y=&quot;2&quot;">a</a><a name="top">no href</a><map><area href="https://www.aa.org/"></map>' +
        '<link href="https://fonts.example/"><a href="">empty</a></body>',
      PAGE,
    );
    expect(page.hrefs()).toEqual(['/a?x=1&y="2"', 'https://www.aa.org/', '']);
  });

  it("reads links' titles and labels, and the descriptions of images inside links only", () => {
    const page = pageFromHtml(
      '<body><a href="/x" title="Peer support" aria-label="Warm line"><img alt="Grupo de apoyo"></a>' +
        '<img alt="A photograph of the fair"></body>',
      PAGE,
    );
    expect(page.labels.split('\n')).toEqual(['Peer support', 'Warm line', 'Grupo de apoyo']);
  });

  it('resolves hrefs against the base address, and names the hosts relative links lead to', () => {
    expect(pageFromHtml('<body></body>', 'https://www.nami.org/local/').resolve('/find-support')).toBe(
      'https://www.nami.org/find-support',
    );
    expect(relativeLinkHosts(PAGE, 'https://www.nami.org/local/')).toEqual([
      'www.county-guide.example',
      'www.nami.org',
    ]);
    expect(relativeLinkHosts(PAGE, PAGE)).toEqual(['www.county-guide.example']);
  });
});

describe('what the page does next', () => {
  it('sends its markup when asked, unless the site is off or every link is marked', () => {
    expect(nextStep(settings(), PAGE, {})).toBe('send');
    expect(nextStep(settings({ mode: 'all' }), PAGE, {})).toBe('marker');
    // A site turned off (an EHR, by policy) is never read: its markup is not even asked for.
    expect(nextStep(settings({ offSites: ['county-guide.example'] }), PAGE, {})).toBe('quiet');
    expect(nextStep(settings({ mode: 'off' }), PAGE, {})).toBe('quiet');
  });

  it('stays quiet on an ordinary page, and runs the marker on one with a link that could be a resource', () => {
    expect(nextStep(settings(), PAGE, { html: ordinary, base: PAGE })).toBe('quiet');
    expect(nextStep(settings(), PAGE, { html: withNami, base: PAGE })).toBe('marker');
  });

  it("runs the marker on a page whose <base href> makes its relative links a group's", () => {
    expect(nextStep(settings(), PAGE, { html: ordinary, base: 'https://www.nami.org/' })).toBe('marker');
  });

  it('on every page when every link is marked, and on none of a site turned off or when marking is off', () => {
    expect(nextStep(settings({ mode: 'all' }), PAGE, { html: ordinary, base: PAGE })).toBe('marker');
    expect(nextStep(settings({ offSites: ['county-guide.example'] }), PAGE, { html: withNami, base: PAGE })).toBe(
      'quiet',
    );
    expect(nextStep(settings({ mode: 'off' }), PAGE, { html: null, base: PAGE })).toBe('quiet');
  });

  it('runs the marker when links were added or the page was too big to send whole, or the look is not one we know', () => {
    expect(nextStep(settings(), PAGE, { html: null, base: PAGE })).toBe('marker');
    expect(nextStep(settings(), PAGE, 'not a look')).toBe('send');
    expect(nextStep(settings(), PAGE, { html: 42, base: PAGE })).toBe('marker');
  });
});

describe("the background's answer", () => {
  const deps = (ran: FrameTarget[], runs = true, mode: Settings['mode'] = 'resources'): FirstLookDeps => ({
    settings: async () => settings({ mode }),
    runMarker: async (target: FrameTarget) => {
      ran.push(target);
      return runs;
    },
  });
  const OURS = 'chrome-extension://still-there-id/';
  /** A message as the browser hands it to the background: through the handler table, the sender read as askerFrom does. */
  const answer = (d: FirstLookDeps, look: unknown, sender: Parameters<typeof askerFrom>[0]) =>
    createHandlers({ firstLook: d } as HandlerDeps).firstLook(look as FirstLook, askerFrom(sender, OURS));

  it('runs the marker in the very frame and document that looked, and says so', async () => {
    const ran: FrameTarget[] = [];
    const sender = { url: PAGE, tab: { id: 7 }, frameId: 3, documentId: 'doc-1' };
    expect(await answer(deps(ran), { html: withNami, base: PAGE }, sender)).toEqual({ marker: true, send: false });
    expect(ran).toEqual([{ tabId: 7, frameId: 3, documentId: 'doc-1' }]);
  });

  it('runs nothing on a quiet page, and says "quiet" where the marker could not run (the frame moved on)', async () => {
    const ran: FrameTarget[] = [];
    const sender = { url: PAGE, tab: { id: 7 } };
    expect(await answer(deps(ran), { html: ordinary, base: PAGE }, sender)).toEqual({ marker: false, send: false });
    expect(ran).toEqual([]);
    expect(await answer(deps(ran, false), { html: withNami, base: PAGE }, sender)).toEqual({
      marker: false,
      send: false,
    });
    expect(ran).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  it('asks a page for its markup, and runs the marker at once where every link is marked', async () => {
    const ran: FrameTarget[] = [];
    const sender = { url: PAGE, tab: { id: 7 } };
    expect(await answer(deps(ran), {}, sender)).toEqual({ marker: false, send: true });
    expect(ran).toEqual([]);
    expect(await answer(deps(ran, true, 'all'), {}, sender)).toEqual({ marker: true, send: false });
    expect(ran).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  it("answers nothing to a sender that is not a web page's tab: no tab, no address, the extension's own pages", async () => {
    const ran: FrameTarget[] = [];
    const look = { html: withNami, base: PAGE };
    expect(await answer(deps(ran), look, { url: PAGE })).toEqual({ marker: false, send: false });
    expect(await answer(deps(ran), look, { tab: { id: 7 } })).toEqual({ marker: false, send: false });
    expect(await answer(deps(ran), look, { url: `${OURS}options.html`, tab: { id: 7 } })).toEqual({
      marker: false,
      send: false,
    });
    expect(ran).toEqual([]);
  });
});
