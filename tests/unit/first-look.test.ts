/**
 * The first look, the background's half (src/background/first-look.ts) and the page as it arrives there
 * (src/first-look/page-reading.ts): the marker runs where a link could be a resource, where every link is marked,
 * and where links were added; never on a site that is turned off; and what a page sends is checked before it is read
 * (tests/e2e/first-look.test.ts runs live pages through it in both browsers).
 */
import { describe, expect, it } from 'vitest';
import { nextStep, type FirstLookDeps, type FrameTarget } from '../../src/background/first-look.ts';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers.ts';
import { askerFrom } from '../../src/background/site-keys.ts';
import type { FirstLook } from '../../src/messages.ts';
import { readingOf } from './page-from-markup.ts';
import { pageText, readingFrom, relativeLinkHosts } from '../../src/first-look/page-reading.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings.ts';

const PAGE = 'https://www.county-guide.example/fair/';
const ordinary = `<!doctype html><html><head><title>County fair</title></head><body><ul>${Array.from(
  { length: 40 },
  (_, i) => `<li><a href="https://www.news-${i % 5}.example.com/story-${i}">Story ${i} about the fair</a></li>`,
).join('')}</ul></body></html>`;
const withNami = ordinary.replace('</ul>', '<li><a href="https://www.nami.org/">NAMI</a></li></ul>');
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('the page as the first look sends it', () => {
  const reading = { text: 'Emotions Anonymous meets on Tuesdays', labels: 'Peer support', hrefs: ['/find', ''] };

  it('is taken as sent when it has the shape of one: text, labels, and hrefs as strings', () => {
    expect(readingFrom(reading)).toEqual(reading);
  });

  it('is refused, and the page looked at link by link, when it has any other shape', () => {
    for (const bad of [null, 42, 'text', {}, { ...reading, text: 7 }, { ...reading, labels: null }])
      expect(readingFrom(bad), JSON.stringify(bad)).toBeNull();
    expect(readingFrom({ ...reading, hrefs: 'https://www.aa.org/' })).toBeNull();
    expect(readingFrom({ ...reading, hrefs: ['/find', 3] })).toBeNull();
    expect(nextStep(settings(), PAGE, { page: { ...reading, hrefs: [null] }, base: PAGE })).toBe('marker');
  });

  it('resolves hrefs against the base address, and names the hosts relative links lead to', () => {
    const page = pageText(reading, 'https://www.nami.org/local/');
    expect(page.resolve('/find-support')).toBe('https://www.nami.org/find-support');
    expect(page.hrefs()).toEqual(['/find', '']);
    expect(relativeLinkHosts(PAGE, 'https://www.nami.org/local/')).toEqual([
      'www.county-guide.example',
      'www.nami.org',
    ]);
    expect(relativeLinkHosts(PAGE, PAGE)).toEqual(['www.county-guide.example']);
  });
});

describe('what the page does next', () => {
  it('sends itself when asked, unless the site is off or every link is marked', () => {
    expect(nextStep(settings(), PAGE, {})).toBe('send');
    expect(nextStep(settings({ mode: 'all' }), PAGE, {})).toBe('marker');
    // A site turned off (an EHR, by policy) is never sent: it is not even asked for.
    expect(nextStep(settings({ offSites: ['county-guide.example'] }), PAGE, {})).toBe('quiet');
    expect(nextStep(settings({ mode: 'off' }), PAGE, {})).toBe('quiet');
  });

  it('stays quiet on an ordinary page, and runs the marker on one with a link that could be a resource', () => {
    expect(nextStep(settings(), PAGE, { page: readingOf(ordinary, PAGE), base: PAGE })).toBe('quiet');
    expect(nextStep(settings(), PAGE, { page: readingOf(withNami, PAGE), base: PAGE })).toBe('marker');
  });

  it("runs the marker on a page whose <base href> makes its relative links a group's", () => {
    expect(
      nextStep(settings(), PAGE, { page: readingOf(ordinary, 'https://www.nami.org/'), base: 'https://www.nami.org/' }),
    ).toBe('marker');
  });

  it('on every page when every link is marked, and on none of a site turned off or when marking is off', () => {
    expect(nextStep(settings({ mode: 'all' }), PAGE, { page: readingOf(ordinary, PAGE), base: PAGE })).toBe('marker');
    expect(
      nextStep(settings({ offSites: ['county-guide.example'] }), PAGE, { page: readingOf(withNami, PAGE), base: PAGE }),
    ).toBe('quiet');
    expect(nextStep(settings({ mode: 'off' }), PAGE, { page: null, base: PAGE })).toBe('quiet');
  });

  it('runs the marker when links were added or the page was too big to send whole, or the look is not one we know', () => {
    expect(nextStep(settings(), PAGE, { page: null, base: PAGE })).toBe('marker');
    expect(nextStep(settings(), PAGE, 'not a look')).toBe('send');
    expect(nextStep(settings(), PAGE, { page: 42, base: PAGE })).toBe('marker');
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
    expect(await answer(deps(ran), { page: readingOf(withNami, PAGE), base: PAGE }, sender)).toEqual({
      marker: true,
      send: false,
    });
    expect(ran).toEqual([{ tabId: 7, frameId: 3, documentId: 'doc-1' }]);
  });

  it('runs nothing on a quiet page, and says "quiet" where the marker could not run (the frame moved on)', async () => {
    const ran: FrameTarget[] = [];
    const sender = { url: PAGE, tab: { id: 7 } };
    expect(await answer(deps(ran), { page: readingOf(ordinary, PAGE), base: PAGE }, sender)).toEqual({
      marker: false,
      send: false,
    });
    expect(ran).toEqual([]);
    expect(await answer(deps(ran, false), { page: readingOf(withNami, PAGE), base: PAGE }, sender)).toEqual({
      marker: false,
      send: false,
    });
    expect(ran).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  it('asks a page to send itself, and runs the marker at once where every link is marked', async () => {
    const ran: FrameTarget[] = [];
    const sender = { url: PAGE, tab: { id: 7 } };
    expect(await answer(deps(ran), {}, sender)).toEqual({ marker: false, send: true });
    expect(ran).toEqual([]);
    expect(await answer(deps(ran, true, 'all'), {}, sender)).toEqual({ marker: true, send: false });
    expect(ran).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  it("answers nothing to a sender that is not a web page's tab: no tab, no address, the extension's own pages", async () => {
    const ran: FrameTarget[] = [];
    const look = { page: readingOf(withNami, PAGE), base: PAGE };
    expect(await answer(deps(ran), look, { url: PAGE })).toEqual({ marker: false, send: false });
    expect(await answer(deps(ran), look, { tab: { id: 7 } })).toEqual({ marker: false, send: false });
    expect(await answer(deps(ran), look, { url: `${OURS}options.html`, tab: { id: 7 } })).toEqual({
      marker: false,
      send: false,
    });
    expect(ran).toEqual([]);
  });
});
