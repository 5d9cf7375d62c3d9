import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../src/health/address.ts';
import { isPrivateAddress, isPrivateHost, screenUrl } from '../../src/health/screen.ts';

describe('screening: what is never fetched', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'mailto:help@aa.org',
    'tel:+18008263632',
    'file:///etc/passwd',
    'ftp://ftp.example.org/x',
  ])('%s is not a web link', (raw) => {
    const s = screenUrl(raw);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.reason).toBe('not-web-link');
  });

  it.each([
    'http://localhost/',
    'http://127.0.0.1:8080/',
    'http://10.0.0.5/',
    'http://172.20.1.1/',
    'http://192.168.1.1/admin',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://printer.local/',
    'http://intranet.corp/',
    'http://router.home.arpa/',
    'http://db.internal/',
    'http://0.0.0.0/',
    // Written to slip past a check of the first address's spelling (a security review's list):
    'http://[::127.0.0.1]/', // IPv4-compatible, which the URL parser writes ::7f00:1
    'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
    'http://[fec0::1]/', // deprecated site-local
    'http://[2002:c0a8:101::1]/', // 6to4 of 192.168.1.1
    'http://198.18.0.1/', // benchmarking, 198.18.0.0/15
    'http://192.0.0.8/', // IETF protocol assignments, 192.0.0.0/24
    'http://intranet:8080/admin', // one word: no public suffix
    'http://printer.lan/',
    'http://wiki.test.example/',
  ])('%s is private and not fetched by default', (raw) => {
    const s = screenUrl(raw);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.reason).toBe('private-address');
    expect(screenUrl(raw, true).ok).toBe(true);
  });

  it.each([
    'https://www.aa.org/',
    'http://8.8.8.8/',
    'https://172.32.0.1/',
    'https://[2606:4700::1111]/',
    'https://localhost.example.org/',
    'https://[2002:808:808::1]/',
    'https://nami.org./',
    'https://www.gov.uk/',
  ])('%s is public', (raw) => expect(screenUrl(raw).ok).toBe(true));

  it('rejects garbage with a clear reason, never throws', () => {
    for (const raw of ['', '   ', 'not a url', 'http://', '\u0000\u0001binary', 'x'.repeat(50_000)]) {
      const s = screenUrl(raw);
      expect(s.ok).toBe(false);
      if (!s.ok) {
        expect(s.reason).toBe('invalid-url');
        expect(s.detail.length).toBeGreaterThan(0);
      }
    }
  });

  it('judges every address a resolver may answer with', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '::1',
      'fd12::1',
      '::ffff:192.168.0.1',
      '64:ff9b::a00:1',
      '169.254.169.254',
      'not an address',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['23.192.0.10', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('recognises private hosts by name and literal', () => {
    expect(isPrivateHost('LOCALHOST')).toBe(true);
    expect(isPrivateHost('app.localhost')).toBe(true);
    expect(isPrivateHost('www.nami.org')).toBe(false);
  });
});

describe('normal form', () => {
  it('drops the fragment and credentials, keeps the query', () => {
    expect(normaliseUrl('https://user:pw@WWW.AA.org:443/find-aa?lang=es#top')).toBe(
      'https://www.aa.org/find-aa?lang=es',
    );
  });
});

describe('normalising', () => {
  // The background answers a lookup for an address it already holds without normalising it again
  // (src/background/handlers.ts): that is only right if a normalised address normalises to itself.
  it.each([
    'https://user:pw@WWW.AA.org:443/find-aa?lang=es#top',
    'HTTP://Example.COM:80/a/../b/./c?x=1&y=%7e#frag',
    'https://xn--bcher-kva.example/ä ö?q=ü',
    'http://www.ocfoundation.org/EO_Hoarding.aspx#',
    'https://example.org/path%2Fencoded//double/?',
    'http://[::ffff:7f00:1]:8080/',
    'https://example.org./trailing-dot',
    'https://0x7f.1/',
    'http:\\\\backslash.example\\path',
  ])('%s normalises to an address that normalises to itself', (raw) => {
    const once = normaliseUrl(raw);
    expect(normaliseUrl(once)).toBe(once);
  });
});
