import { describe, expect, it } from 'vitest';
import { createChecker, type CheckerConfig } from '../../src/health/checker.ts';
import { WaybackProvider, waybackAt } from '../../src/health/archives/wayback.ts';
import { FakeWeb, article, html, offline, online, type Script } from './fake-web.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

function checker(script: Script, extra: Partial<CheckerConfig> = {}) {
  const web = new FakeWeb(script);
  const c = createChecker({
    transport: web,
    connectivity: online,
    archive: null,
    backoffMs: 1,
    now: () => NOW,
    random: () => 0.5,
    ...extra,
  });
  return { web, check: c.check };
}

describe('verdicts from one check', () => {
  it('a plain page is alive', async () => {
    const { check } = checker({ 'https://www.aa.org/find-aa': { body: article('Find A.A. near you', 'meetings') } });
    const r = await check('https://www.aa.org/find-aa');
    expect([r.verdict, r.reason, r.status]).toEqual(['alive', 'ok', 200]);
  });

  it('404 and 410 are dead at once', async () => {
    const { check } = checker({ 'https://www.aa.org/gone': { status: 410 } });
    expect((await check('https://www.aa.org/missing')).reason).toBe('not-found');
    expect((await check('https://www.aa.org/gone')).reason).toBe('gone');
  });

  it('an old domain redirecting to the new one is moved, with its new home', async () => {
    const { check } = checker({
      'http://www.ocfoundation.org/': {
        redirects: [{ to: 'https://iocdf.org/' }],
        body: article('International OCD Foundation', 'ocd'),
      },
    });
    const r = await check('http://www.ocfoundation.org/');
    expect([r.verdict, r.newHome, r.redirects]).toEqual(['moved', 'https://iocdf.org/', 1]);
  });

  it('http→https and www changes within one site are simply alive', async () => {
    const { check } = checker({
      'http://aa.org/': { redirects: [{ to: 'https://www.aa.org/' }], body: article('Alcoholics Anonymous', 'aa') },
    });
    expect((await check('http://aa.org/')).verdict).toBe('alive');
  });

  it('a moved page that 404s at its new home is dead, and still names the new home', async () => {
    const { check } = checker({
      'http://www.ocfoundation.org/old.html': { redirects: [{ to: 'https://iocdf.org/old.html' }], status: 404 },
    });
    const r = await check('http://www.ocfoundation.org/old.html');
    expect([r.verdict, r.reason, r.newHome]).toEqual(['dead', 'not-found', 'https://iocdf.org/']);
  });

  it('a shortener is not a move', async () => {
    const { check } = checker({
      'https://bit.ly/na-meetings': {
        redirects: [{ to: 'https://www.na.org/meetingsearch/' }],
        body: article('Meeting search', 'na'),
      },
    });
    expect((await check('https://bit.ly/na-meetings')).verdict).toBe('alive');
  });

  it('a deep link redirected to a sign-in page is unverified, not dead', async () => {
    const { check } = checker({
      'https://portal.nami.org/resources/guide': {
        redirects: [{ to: 'https://portal.nami.org/login?next=/resources/guide', status: 302 }],
        body: html('Sign in'),
      },
    });
    expect((await check('https://portal.nami.org/resources/guide')).reason).toBe('login-required');
  });

  it('a PDF answering 200 is alive whatever its (unread) body', async () => {
    const { check } = checker({
      'https://www.dbsalliance.org/brochure.pdf': { headers: { 'content-type': 'application/pdf' }, body: '' },
    });
    expect((await check('https://www.dbsalliance.org/brochure.pdf')).verdict).toBe('alive');
  });
});

describe('passing failures and offline', () => {
  it('a flaky first answer is retried and alive', async () => {
    const { check, web } = checker({
      'https://www.oa.org/find-a-meeting/': [{ status: 503 }, { body: article('Find a meeting', 'oa') }],
    });
    expect((await check('https://www.oa.org/find-a-meeting/')).verdict).toBe('alive');
    expect(web.log.filter((u) => u.endsWith('find-a-meeting/'))).toHaveLength(2);
  });

  it('retries are bounded', async () => {
    const { check, web } = checker({ 'https://down.org/': { status: 500 } }, { retries: 2 });
    const r = await check('https://down.org/');
    expect([r.verdict, r.reason]).toEqual(['unverified', 'server-error']);
    expect(web.log).toHaveLength(3);
  });

  it('a 429 with Retry-After is waited for, then answered', async () => {
    const { check } = checker({
      'https://www.smartrecovery.org/': [
        { status: 429, headers: { 'retry-after': '0' } },
        { body: article('SMART', 'smart') },
      ],
    });
    expect((await check('https://www.smartrecovery.org/')).verdict).toBe('alive');
  });

  it('a Retry-After longer than the cap is not waited for: rate-limited, unverified', async () => {
    const { check, web } = checker({ 'https://busy.org/': { status: 429, headers: { 'retry-after': '3600' } } });
    const r = await check('https://busy.org/');
    expect([r.verdict, r.reason]).toEqual(['unverified', 'rate-limited']);
    expect(web.log).toHaveLength(1);
  });

  it('a lapsed domain is dead when other names resolve', async () => {
    const { check } = checker({ 'http://www.recovery-inc.org/': { failure: 'no-such-domain' } });
    const r = await check('http://www.recovery-inc.org/');
    expect([r.verdict, r.reason]).toEqual(['dead', 'no-such-domain']);
  });

  it('offline is never dead, and is not recorded as a failure', async () => {
    const { check } = checker(
      { 'http://www.recovery-inc.org/': { failure: 'no-such-domain' }, 'https://www.aa.org/': { failure: 'timeout' } },
      { connectivity: offline },
    );
    const lapsed = await check('http://www.recovery-inc.org/');
    expect([lapsed.verdict, lapsed.reason, lapsed.history]).toEqual(['unverified', 'offline', []]);
    const slow = await check('https://www.aa.org/');
    expect([slow.verdict, slow.reason, slow.history]).toEqual(['unverified', 'offline', []]);
  });

  it('a server error carries its history into the next check', async () => {
    const { check } = checker({ 'https://down.org/': { status: 500 } }, { retries: 0 });
    const first = await check('https://down.org/');
    expect(first.history).toHaveLength(1);
    expect(first.firstFailedAt).toBe(NOW.toISOString());
  });
});

describe('soft 404 by sibling probe', () => {
  const chrome =
    '<nav>Home About Meetings Online meetings Books Donate Contact</nav><footer>LifeRing Secular Recovery, a network of peer support groups. Privacy policy. Accessibility.</footer>';
  const missing = (url: string) => ({
    body: html(
      'LifeRing',
      `${chrome}<p>We looked everywhere for ${new URL(url).pathname} but it is not here. Try the search box above or call us.</p>`,
    ),
  });

  it('a deep link showing what the site shows for a made-up address is a soft 404', async () => {
    const { check } = checker({
      'https://www.lifering.org/old-meeting-list': (_, url) => missing(url),
      'https://www.lifering.org/still-there-*': (_, url) => missing(url),
    });
    const r = await check('https://www.lifering.org/old-meeting-list');
    expect([r.verdict, r.reason]).toEqual(['dead', 'soft-404']);
  });

  it('a real page on that same answers-anything site stays alive', async () => {
    const { check } = checker({
      'https://www.lifering.org/meetings': { body: article('LifeRing meetings', 'online and in-person meetings') },
      'https://www.lifering.org/still-there-*': (_, url) => missing(url),
    });
    expect((await check('https://www.lifering.org/meetings')).verdict).toBe('alive');
  });

  it('a single-page app answering every address with one shell is unverified, not dead', async () => {
    const shell = html('Recovery Dharma', '<div id="root"></div>', '<script src="/static/app.js"></script>');
    const { check } = checker({
      'https://app.recoverydharma.org/meetings/123': { body: shell },
      'https://app.recoverydharma.org/meetings/still-there-*': { body: shell },
    });
    const r = await check('https://app.recoverydharma.org/meetings/123');
    expect([r.verdict, r.reason]).toEqual(['unverified', 'cannot-tell']);
  });

  it('probes each site directory once per run', async () => {
    const { check, web } = checker({
      'https://www.na.org/a': { body: article('A', 'a') },
      'https://www.na.org/b': { body: article('B', 'b') },
    });
    await Promise.all([check('https://www.na.org/a'), check('https://www.na.org/b')]);
    expect(web.log.filter((u) => u.includes('still-there-'))).toHaveLength(1);
  });

  it('home pages are never probed', async () => {
    const { check, web } = checker({ 'https://www.na.org/': { body: article('NA', 'na') } });
    await check('https://www.na.org/');
    expect(web.log).toEqual(['https://www.na.org/']);
  });
});

describe('meta refresh', () => {
  it('is followed like a redirect', async () => {
    const { check } = checker({
      'https://njgroups.org/old': {
        body: html('Moving', '', '<meta http-equiv="refresh" content="0; url=https://njgroups.org/groups/">'),
      },
      'https://njgroups.org/groups/': { body: article('Self-help groups in New Jersey', 'groups') },
    });
    const r = await check('https://njgroups.org/old');
    expect([r.verdict, r.finalUrl, r.redirects]).toEqual(['alive', 'https://njgroups.org/groups/', 1]);
  });
});

describe('archived alternative for dead links', () => {
  const big = 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf';
  const api = 'https://wayback.test';
  const availability = (ts: string | null) => ({
    body: JSON.stringify({
      url: big,
      archived_snapshots: ts
        ? { closest: { status: '200', available: true, url: `http://web.archive.org/web/${ts}/${big}`, timestamp: ts } }
        : {},
    }),
    headers: { 'content-type': 'application/json' },
  });
  const cdx = (rows: string[][]) => ({
    body: JSON.stringify([['timestamp', 'statuscode', 'mimetype'], ...rows]),
    headers: { 'content-type': 'application/json' },
  });

  function withArchive(script: Script) {
    const web = new FakeWeb({ [big]: { status: 404 }, ...script });
    const archive = new WaybackProvider(web, waybackAt(api), {
      timeoutMs: 1000,
      maxBodyBytes: 1 << 20,
      maxRedirects: 5,
      allowPrivate: false,
    });
    const c = createChecker({ transport: web, connectivity: online, archive, now: () => NOW, backoffMs: 1 });
    return { web, check: c.check };
  }

  it('offers the last good capture, as a web.archive.org link we build ourselves', async () => {
    const { check } = withArchive({
      [`${api}/wayback/available*`]: availability('20080612000000'),
      [`${api}/web/20080612000000id_/${big}`]: { headers: { 'content-type': 'application/pdf' } },
    });
    const r = await check(big);
    expect(r.archive).toEqual({
      timestamp: '20080612000000',
      url: `https://web.archive.org/web/20080612000000/${big}`,
      provider: 'wayback',
    });
  });

  it('skips a capture that is itself a parking page, and takes an earlier good one from CDX', async () => {
    const { check } = withArchive({
      [`${api}/wayback/available*`]: availability('20190101000000'),
      [`${api}/web/20190101000000id_/${big}`]: {
        body: html('jacsweb.org is for sale', '<h1>This domain is for sale</h1><p>Buy this domain</p>'),
      },
      [`${api}/cdx/search/cdx*`]: cdx([
        ['20050301000000', '200', 'text/html'],
        ['20190101000000', '200', 'text/html'],
      ]),
      [`${api}/web/20050301000000id_/${big}`]: { body: article('JACS', 'recovery') },
    });
    expect((await check(big)).archive?.timestamp).toBe('20050301000000');
  });

  it('falls back to CDX when the availability API is rate-limited or empty', async () => {
    const rateLimited = withArchive({
      [`${api}/wayback/available*`]: { status: 429, body: '<html>Too many requests</html>' },
      [`${api}/cdx/search/cdx*`]: cdx([['20100101000000', '200', 'text/html']]),
      [`${api}/web/20100101000000id_/${big}`]: { body: article('We Agnostics', 'big book') },
    });
    expect((await rateLimited.check(big)).archive?.timestamp).toBe('20100101000000');
    const empty = withArchive({
      [`${api}/wayback/available*`]: availability(null),
      [`${api}/cdx/search/cdx*`]: cdx([['20100101000000', '200', 'text/html']]),
      [`${api}/web/20100101000000id_/${big}`]: { body: article('We Agnostics', 'big book') },
    });
    expect((await empty.check(big)).archive?.timestamp).toBe('20100101000000');
  });

  it('rejects impossible timestamps and answers null when nothing good exists', async () => {
    const { check } = withArchive({
      [`${api}/wayback/available*`]: availability('19950101000000'),
      [`${api}/cdx/search/cdx*`]: cdx([
        ['1995', '200', 'text/html'],
        ['20100101000000', '404', 'text/html'],
      ]),
    });
    expect((await check(big)).archive).toBeNull();
  });

  it('alive links never ask the archive', async () => {
    const { check, web } = withArchive({ 'https://www.aa.org/': { body: article('AA', 'aa') } });
    await check('https://www.aa.org/');
    expect(web.log.some((u) => u.startsWith(api))).toBe(false);
  });
});

describe('never fetched', () => {
  it('private and non-web addresses make no request', async () => {
    const { check, web } = checker({});
    expect((await check('javascript:alert(1)')).reason).toBe('not-web-link');
    expect((await check('http://192.168.1.1/')).reason).toBe('private-address');
    expect(web.log).toEqual([]);
  });
});
