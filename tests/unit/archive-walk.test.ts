/**
 * The last good capture, even when the latest ones are bad (src/health/archives/), against the simulation's
 * Wayback Machine (its availability, CDX and replay APIs, with their real shapes) on the capture histories a
 * lapsed organisation leaves: years of a parking page, a domain seller's redirect and for-sale page, the site's own
 * 404 page, its home page standing in for a removed page, a spam page on a sold domain. Each gives the newest good
 * capture before the death, or none when there is no good one, reading a bounded number of captures.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_READS } from '../../src/health/archives/last-good.ts';
import { WaybackProvider, waybackAt } from '../../src/health/archives/wayback.ts';
import type { Exchange, FetchOptions, Transport } from '../../src/health/transport.ts';
import { waybackHandler, type ArchivedUrl, type Capture } from '../fixtures/simweb/wayback.ts';
import type { Visit } from '../fixtures/simweb/respond.ts';
import { article, html } from './fake-web.ts';

const OPTIONS: FetchOptions = { timeoutMs: 1_000, maxBodyBytes: 1 << 20, maxRedirects: 5, allowPrivate: false };
const DEATH = new Date('2021-01-01T00:00:00Z');

/** The simulation's Wayback Machine as a transport: every request answered by its handler, redirects followed. */
function wayback(archive: Record<string, ArchivedUrl>): Transport & { replays: string[] } {
  const handler = waybackHandler({ archive });
  const replays: string[] = [];
  const answer = (address: string): { status: number; headers: Record<string, string>; body: string } => {
    const u = new URL(address);
    let status = 0;
    let headers: Record<string, string> = {};
    let body = '';
    const visit = {
      req: { headers: {} },
      res: {
        writeHead: (s: number, h: Record<string, string>) => ((status = s), (headers = h)),
        end: (b?: Buffer) => (body = b ? b.toString() : ''),
      },
      scheme: 'https',
      host: u.hostname,
      path: `${u.pathname}${u.search}`,
      pathname: u.pathname,
      method: 'GET',
      first: () => true,
      reset: () => undefined,
    } as unknown as Visit;
    void handler(visit);
    return { status, headers, body };
  };
  return {
    replays,
    async fetch(url: string): Promise<Exchange> {
      let address = url;
      for (let hop = 0; hop < 5; hop++) {
        if (new URL(address).pathname.startsWith('/web/')) replays.push(address);
        const r = answer(address);
        if (r.status >= 300 && r.status < 400 && r.headers.location) {
          address = new URL(r.headers.location, address).href;
          continue;
        }
        return {
          requestedUrl: url,
          hops: [],
          finalUrl: address,
          status: r.status,
          headers: r.headers,
          body: r.body,
          bodyTruncated: false,
          failure: null,
          failureDetail: '',
          redirectsKnown: true,
          elapsedMs: 1,
        };
      }
      throw new Error('too many redirects');
    },
  };
}

/** A capture on the 15th of every month from `from` to `to` (years, inclusive). */
function monthly(original: string, from: number, to: number, body: string, status = 200, location?: string): Capture[] {
  const out: Capture[] = [];
  for (let y = from; y <= to; y++)
    for (let m = 1; m <= 12; m++)
      out.push({
        original,
        timestamp: `${y}${String(m).padStart(2, '0')}15120000`,
        status,
        mimetype: 'text/html',
        body,
        ...(location ? { location } : {}),
      });
  return out;
}

/** An organisation's page whose text is its own: sentences drawn from a vocabulary in an order its name decides. */
function orgPage(name: string): string {
  const words = [
    'meetings',
    'volunteers',
    'newcomers',
    'literature',
    'chapters',
    'sponsors',
    'families',
    'helpline',
    'conference',
    'workshops',
    'recovery',
    'facilitators',
    'training',
    'donations',
    'members',
    'schedule',
    'directions',
    'parking',
    'childcare',
    'translation',
  ];
  let seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % words.length;
  const sentences = Array.from(
    { length: 60 },
    (_, i) => `${name} ${words[next()]} ${words[next()]} ${words[next()]} ${words[next()]} item ${i}.`,
  );
  return html(`${name}: support groups and meetings`, `<h1>${name}</h1><p>${sentences.join(' ')}</p>`);
}
const PARKED = html(
  'recovery-inc.org is for sale',
  '<h1>recovery-inc.org</h1><p>This domain is for sale! Buy this domain or make an offer.</p>',
);
const SELLER = html('Buy recovery-inc.org', '<h1>This domain may be for sale</h1><p>Make an offer on HugeDomains.</p>');
const NOT_FOUND = html(
  'Page Not Found | Mental Health America',
  '<h1>Page Not Found</h1><p>Sorry, the page you requested could not be found.</p>',
);
const SPAM = html('Best deals', '<p>Cheap insurance quotes casino bonus</p>');

async function lastGood(url: string, archive: Record<string, ArchivedUrl>) {
  const transport = wayback(archive);
  const provider = new WaybackProvider(transport, waybackAt('https://web.archive.org'), OPTIONS);
  const found = await provider.lastGoodCapture(url, DEATH);
  return { timestamp: found?.timestamp ?? null, reads: transport.replays.length };
}

describe('the newest good capture before the death', () => {
  it('behind ten years of a parking page', async () => {
    const url = 'http://www.recovery-inc.org/';
    const r = await lastGood(url, {
      [url]: {
        captures: [...monthly(url, 2001, 2008, orgPage('Recovery, Inc.')), ...monthly(url, 2009, 2020, PARKED)],
      },
    });
    expect(r.timestamp).toBe('20081215120000');
    expect(r.reads).toBeLessThanOrEqual(MAX_CAPTURE_READS);
  });

  it("behind a domain seller's redirects and for-sale page", async () => {
    const url = 'http://www.ndmda.org/';
    const r = await lastGood(url, {
      [url]: {
        captures: [
          ...monthly(url, 1998, 2003, orgPage('NDMDA')),
          ...monthly(url, 2004, 2012, '', 302, 'https://www.hugedomains.com/domain_profile.cfm?d=ndmda.org'),
          ...monthly(url, 2013, 2020, SELLER),
        ],
      },
    });
    expect(r.timestamp).toBe('20031215120000');
  });

  it("behind the site's own 404 page", async () => {
    const url = 'https://mhanational.org/issues/printable-factsheets';
    const r = await lastGood(url, {
      [url]: {
        availability: 'rate-limited',
        captures: [
          ...monthly(url, 2010, 2014, orgPage('Mental Health America fact sheets')),
          ...monthly(url, 2015, 2020, NOT_FOUND),
        ],
      },
    });
    expect(r.timestamp).toBe('20141215120000');
  });

  it('behind the home page standing in for a removed page', async () => {
    const url = 'https://www.smartrecovery.org/local/full-meeting-list-by-state.php';
    const home = 'https://www.smartrecovery.org/';
    const homePage = orgPage('SMART Recovery home');
    const r = await lastGood(url, {
      [url]: {
        captures: [
          ...monthly(url, 2008, 2012, orgPage('SMART Recovery meetings by state')),
          ...monthly(url, 2013, 2020, homePage),
        ],
      },
      [home]: { captures: monthly(home, 2008, 2020, homePage) },
    });
    expect(r.timestamp).toBe('20121215120000');
  });

  it("behind the home page standing in, byte for byte, for a deep page named by the home page's own words", async () => {
    // The home page's text is full of the words of the deep page's address (meetings, directions): compared with
    // those words taken from the capture alone, the two identical pages would look different.
    const url = 'https://www.smartrecovery.org/meetings/directions/';
    const home = 'https://www.smartrecovery.org/';
    const homePage = orgPage('SMART Recovery home');
    expect(homePage).toMatch(/meetings/);
    expect(homePage).toMatch(/directions/);
    const r = await lastGood(url, {
      [url]: {
        captures: [
          ...monthly(url, 2008, 2012, orgPage('SMART Recovery directions to meetings')),
          ...monthly(url, 2013, 2020, homePage),
        ],
      },
      [home]: { captures: monthly(home, 2008, 2020, homePage) },
    });
    expect(r.timestamp).toBe('20121215120000');
  });

  it('behind a sold domain gone off-topic', async () => {
    const url = 'http://www.dualrecovery.org/';
    const r = await lastGood(url, {
      [url]: {
        captures: [...monthly(url, 2000, 2010, orgPage('Dual Recovery Anonymous')), ...monthly(url, 2011, 2020, SPAM)],
      },
    });
    expect(r.timestamp).toBe('20101215120000');
  });

  it('the latest one, when it is good', async () => {
    const url = 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf';
    const r = await lastGood(url, { [url]: { captures: monthly(url, 2005, 2015, orgPage('Big Book')) } });
    expect(r.timestamp).toBe('20151215120000');
    expect(r.reads).toBeLessThanOrEqual(3);
  });

  it('none, when no capture is good', async () => {
    const url = 'http://www.selfhelpgroups.org/';
    const r = await lastGood(url, { [url]: { captures: [...monthly(url, 2009, 2020, PARKED)] } });
    expect(r.timestamp).toBeNull();
    expect(r.reads).toBeLessThanOrEqual(MAX_CAPTURE_READS);
  });

  it('and a live look-alike is never mistaken for off-topic: a page that changed its wording over the years', async () => {
    const url = 'https://www.nami.org/Support-Education/Support-Groups';
    const early = orgPage('NAMI Connection');
    const later = article(
      'NAMI support groups',
      'NAMI Connection recovery support groups and NAMI Family Support Groups, online and in person',
      380,
    );
    const r = await lastGood(url, {
      [url]: { captures: [...monthly(url, 2005, 2012, early), ...monthly(url, 2013, 2020, later)] },
    });
    expect(r.timestamp).toBe('20201215120000');
  });
});
