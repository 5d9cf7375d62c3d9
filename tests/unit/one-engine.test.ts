/**
 * One engine, one verdict: the command line's engine and the extension's, each built by its own front
 * (src/cli/engine.ts, src/background/engine-config.ts) around src/health/engine.ts, with the network stubbed at its
 * edge (the transport), give the same verdict, reason, new home, archived copy and freshness for the same links —
 * and neither lets an engine fault escape.
 */
import { describe, expect, it } from 'vitest';
import { browserEngineConfig } from '../../src/background/engine-config.ts';
import { commandLineEngineConfig, DEFAULT_SETTINGS } from '../../src/cli/engine.ts';
import { newHomeFor } from '../../src/directory/lookup.ts';
import { createEngine, type Engine } from '../../src/health/engine.ts';
import { browsing, freshUntil, isFresh, NIGHTLY_AUDIT } from '../../src/health/freshness.ts';
import type { Transport } from '../../src/health/transport.ts';
import { article, FakeWeb, html, type Script } from './fake-web.ts';

const LINKS = {
  alive: 'https://www.nami.org/Support-Education/Support-Groups',
  moved: 'http://www.ocfoundation.org/',
  notFound: 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf',
  lapsed: 'http://www.recovery-inc.org/',
  parked: 'http://www.jacsweb.org/',
  homeInstead: 'https://www.smartrecovery.org/local/full-meeting-list-by-state.php',
  botWall: 'https://www.psychologytoday.com/us/groups/new-jersey',
  flaky: 'https://www.mentalhelp.net/support-groups/',
  notWeb: 'mailto:info@aa.org',
};

const script: Script = {
  [LINKS.alive]: { body: article('NAMI support groups', 'NAMI Connection and family support groups') },
  'https://www.nami.org/Support-Education/*': { status: 404, body: html('Page not found') },
  [LINKS.moved]: {
    redirects: [{ to: 'https://iocdf.org/' }],
    body: article('International OCD Foundation', 'OCD support'),
  },
  [LINKS.notFound]: { status: 404, body: html('Not found') },
  [LINKS.lapsed]: { failure: 'no-such-domain' },
  [LINKS.parked]: {
    body: html(
      'jacsweb.org is for sale',
      '<h1>This domain is for sale</h1><p>Buy jacsweb.org today. Make an offer.</p>',
    ),
  },
  [LINKS.homeInstead]: {
    redirects: [{ to: 'https://www.smartrecovery.org/', status: 302 }],
    body: article('SMART Recovery', 'self-management and recovery training'),
  },
  [LINKS.botWall]: { status: 403, headers: { 'cf-mitigated': 'challenge' }, body: html('Just a moment...') },
  [LINKS.flaky]: [
    { status: 503, body: html('Service unavailable') },
    { body: article('Support groups', 'mental health support groups') },
  ],
  'https://archive.org/wayback/available*': {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      archived_snapshots: {
        closest: {
          available: true,
          status: '200',
          timestamp: '20080513062455',
          url: 'http://web.archive.org/web/20080513062455/x',
        },
      },
    }),
  },
  [`https://web.archive.org/web/20080513062455id_/${LINKS.notFound}`]: {
    body: article('Big Book chapter 4', 'We Agnostics'),
  },
  'https://web.archive.org/cdx/*': { headers: { 'content-type': 'application/json' }, body: '[]' },
};

function bothEngines(transport: Transport): { cli: Engine; extension: Engine } {
  const online = async () => true;
  return {
    cli: createEngine(commandLineEngineConfig({ ...DEFAULT_SETTINGS, newHomeFor }, transport, online)),
    extension: createEngine(browserEngineConfig({ archiveSuggestions: true, allowPrivate: false }, transport, online)),
  };
}

describe('the command line and the extension run one engine', () => {
  it('give the same verdict, evidence and freshness for every kind of link', async () => {
    const { cli, extension } = bothEngines(new FakeWeb(script));
    const urls = Object.values(LINKS);
    const [fromCli, fromExtension] = await Promise.all([
      Promise.all(urls.map((u) => cli.check(u))),
      Promise.all(urls.map((u) => extension.check(u))),
    ]);
    const comparable = (r: (typeof fromCli)[number]) => ({
      url: r.url,
      verdict: r.verdict,
      reason: r.reason,
      status: r.status,
      finalUrl: r.finalUrl,
      newHome: r.newHome,
      archive: r.archive,
      outcomes: r.history.map((o) => o.outcome),
      browsingFor: freshUntil(browsing(), r, 0),
      nightlyFor: freshUntil(NIGHTLY_AUDIT, r, 0),
      keptByAudit: NIGHTLY_AUDIT.keeps(r),
    });
    expect(fromExtension.map(comparable)).toEqual(fromCli.map(comparable));
    // And the cases cover the verdicts and the evidence that matter.
    expect(fromCli.map((r) => `${r.verdict}/${r.reason}`)).toEqual([
      'alive/ok',
      'moved/moved',
      'dead/not-found',
      'dead/no-such-domain',
      'dead/parked',
      'dead/soft-404',
      'unverified/bot-wall',
      'alive/ok',
      'unverified/not-web-link',
    ]);
    expect(fromCli[2]!.archive?.timestamp).toBe('20080513062455');
    expect(fromCli[2]!.newHome).toBe('https://aa.org/');
  });

  it('turn an engine fault into an unverified verdict that says so, in both', async () => {
    const broken: Transport = {
      fetch: () => {
        throw new Error('the transport broke');
      },
    };
    const { cli, extension } = bothEngines(broken);
    for (const engine of [cli, extension]) {
      const r = await engine.check('https://www.nami.org/');
      expect([r.verdict, r.reason]).toEqual(['unverified', 'bad-response']);
      expect(r.detail).toMatch(/could not be checked: the transport broke/);
      expect(isFresh(NIGHTLY_AUDIT, r, Date.parse(r.checkedAt))).toBe(false);
    }
  });
});
