/**
 * Refusing the private network before a request leaves (src/background/private-network.ts): Chromium's rules match
 * exactly the IPv4 literals screen.ts calls private (every /16 of the address space, with the boundaries of the
 * smaller blocks), every private IPv6 literal and the local names; Firefox's guard cancels our own requests whose
 * host resolves privately and no one else's; and every refusal reads as "private-address".
 */
import { describe, expect, it, vi } from 'vitest';
import {
  guardPrivateNetwork,
  ipv4Block,
  leadsIntoPrivateNetwork,
  numberRange,
  privateNetworkRules,
  privateUrlFilters,
  refusedAsPrivate,
  type SessionRule,
} from '../../src/background/private-network.ts';
import { isPrivateAddress, isPrivateHost } from '../../src/health/screen.ts';

const filters = privateUrlFilters().map((f) => new RegExp(f, 'i'));
const blocked = (url: string) => filters.some((f) => f.test(url));

describe("Chromium's rules", () => {
  it('write number ranges that match those numbers and no others', () => {
    for (const [lo, hi] of [
      [0, 255],
      [64, 127],
      [16, 31],
      [224, 255],
      [18, 19],
      [5, 7],
      [100, 199],
    ] as const) {
      const re = new RegExp(`^${numberRange(lo, hi)}$`);
      for (let n = 0; n <= 300; n++) expect(re.test(String(n)), `${n} in ${lo}..${hi}`).toBe(n >= lo && n <= hi);
    }
    expect(ipv4Block('100.64.0.0/10')).toBe(
      '100\\.(?:6[4-9]|7[0-9]|8[0-9]|9[0-9]|10[0-9]|11[0-9]|12[0-7])\\.[0-9]{1,3}\\.[0-9]{1,3}',
    );
  });

  it('block exactly the IPv4 literals screen.ts calls private', () => {
    const thirds = [0, 1, 2, 48, 99, 100, 113, 193, 196, 255];
    const wrong: string[] = [];
    for (let a = 0; a < 256; a++)
      for (let b = 0; b < 256; b++)
        for (const c of a === 192 || a === 198 || a === 203 ? thirds : [0]) {
          const ip = `${a}.${b}.${c}.7`;
          if (blocked(`http://${ip}/admin`) !== isPrivateAddress(ip)) wrong.push(ip);
        }
    expect(wrong).toEqual([]);
    expect(blocked('http://255.255.255.255/')).toBe(true);
  });

  it('block every private IPv6 literal, as the URL parser writes it, and not the public ones', () => {
    const privateOnes = [
      '::1',
      '::',
      'fe80::1',
      'fd00::8',
      'fc00::1',
      'ff02::1',
      'fec0::1',
      '::ffff:7f00:1',
      '::ffff:c0a8:101',
      '::7f00:1',
      '64:ff9b::a00:1',
      '100::1',
      '5f00::1',
      '2001:db8::1',
      '2001::1',
      '2001:2::1',
      '2001:10::1',
      '2002:a00:1::1',
      '2620:4f:8000::1',
      '3fff::1',
      '3fff:abc::1',
    ];
    for (const ip of privateOnes) {
      expect(isPrivateAddress(ip), ip).toBe(true);
      const url = new URL(`http://[${ip}]:8080/admin`).href;
      expect(blocked(url), url).toBe(true);
    }
    for (const ip of ['2606:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::200e', '2620:fe::fe', '3ffe:1::1'])
      expect(blocked(new URL(`https://[${ip}]/`).href), ip).toBe(false);
  });

  it('block one-word and local names, and leave public names alone wherever such words appear', () => {
    for (const url of [
      'http://intranet/admin',
      'http://localhost:8080/',
      'http://user@router/',
      'http://printer.lan/',
      'https://router.home.arpa/setup',
      'http://nas.local.:5000/',
      'http://dev.corp/',
    ]) {
      expect(isPrivateHost(new URL(url).hostname), url).toBe(true);
      expect(blocked(url), url).toBe(true);
    }
    for (const url of [
      'https://www.aa.org/',
      'https://lan.org/',
      'https://www.local.org/meetings',
      'https://www.aa.org/x.local/',
      'https://www.aa.org/?next=http://127.0.0.1/',
      'https://www.aa.org/@intranet/',
      'http://23.192.0.10/',
      'https://www.nami.org:8443/help',
    ])
      expect(blocked(url), url).toBe(false);
  });

  it('apply to requests this extension made, and are removed when private checks are allowed', async () => {
    const rules = privateNetworkRules('abcdefghijklmnopabcdefghijklmnop');
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.every((r) => r.condition.initiatorDomains.join() === 'abcdefghijklmnopabcdefghijklmnop')).toBe(true);
    const installed = new Map<number, SessionRule>();
    const updates: Array<{ removeRuleIds?: number[]; addRules?: SessionRule[] }> = [];
    const guard = guardPrivateNetwork({
      extensionId: 'abcdefghijklmnopabcdefghijklmnop',
      ourOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
      rules: {
        async updateSessionRules(u) {
          updates.push(u);
          for (const id of u.removeRuleIds ?? []) installed.delete(id);
          for (const r of u.addRules ?? []) installed.set(r.id, r);
        },
      },
      refused: () => undefined,
    });
    await guard.setAllowPrivate(false);
    expect(installed.size).toBe(rules.length);
    await guard.setAllowPrivate(true);
    expect(installed.size).toBe(0);
    await guard.setAllowPrivate(false);
    expect(installed.size).toBe(rules.length);
    // Blocked from the start, before the settings were read.
    expect(updates[0]!.addRules?.length).toBe(rules.length);
  });
});

describe("Firefox's guard", () => {
  const OURS = 'moz-extension://5b1f7c2e-0d4e-4c1a-9a57-57111e7e7e7e/';
  const dns = {
    resolve: vi.fn(async (host: string) => {
      const answers: Record<string, string[]> = {
        'www.support-near-you.org': ['127.0.0.1'],
        'www.mixed-answers.org': ['23.192.0.10', '10.0.0.5'],
        'www.aa.org': ['23.192.0.10'],
      };
      if (!answers[host]) throw new Error('NS_ERROR_UNKNOWN_HOST');
      return { addresses: answers[host] };
    }),
  };

  function firefox() {
    let listener!: (d: { requestId: string; url: string; tabId: number; originUrl?: string }) => Promise<{
      cancel?: boolean;
    }>;
    const refused: string[] = [];
    const guard = guardPrivateNetwork({
      extensionId: 'still-there@still-there.org',
      ourOrigin: OURS,
      dns,
      webRequest: { onBeforeRequest: { addListener: (cb) => (listener = cb) } },
      refused: (id) => refused.push(id),
    });
    const ask = (url: string, originUrl = `${OURS}_generated_background_page.html`, tabId = -1) =>
      listener({ requestId: url, url, tabId, originUrl });
    return { guard, ask, refused };
  }

  it('cancels our requests, redirect hops alike, whose host is or resolves to a private address', async () => {
    const { ask, refused } = firefox();
    expect(await ask('http://www.support-near-you.org:8080/')).toEqual({ cancel: true });
    expect(await ask('https://www.mixed-answers.org/')).toEqual({ cancel: true });
    expect(await ask('http://127.0.0.1:8080/admin')).toEqual({ cancel: true });
    expect(await ask('http://intranet/admin')).toEqual({ cancel: true });
    expect(refused).toEqual([
      'http://www.support-near-you.org:8080/',
      'https://www.mixed-answers.org/',
      'http://127.0.0.1:8080/admin',
      'http://intranet/admin',
    ]);
    expect(await ask('https://www.aa.org/')).toEqual({});
    // A name with no answer goes ahead, to fail as "no such domain" on its own.
    expect(await ask('https://www.lapsed-group.org/')).toEqual({});
  });

  it("leaves alone the user's browsing and other extensions' requests, and everything when private checks are allowed", async () => {
    const { guard, ask } = firefox();
    expect(await ask('http://www.support-near-you.org/', 'https://www.county-resources.org/', 4)).toEqual({});
    expect(await ask('http://www.support-near-you.org/', 'moz-extension://another-extension/bg.html')).toEqual({});
    await guard.setAllowPrivate(true);
    expect(await ask('http://www.support-near-you.org/')).toEqual({});
  });

  it('resolves the host of an address, not its path', async () => {
    expect(await leadsIntoPrivateNetwork('https://www.aa.org/?u=http://127.0.0.1/', dns)).toBe(false);
    expect(await leadsIntoPrivateNetwork('not an address', dns)).toBe(true);
  });
});

describe('what a refusal is called', () => {
  it("is Chromium's rule block or a fetch declared public that was not, and nothing else", () => {
    expect(refusedAsPrivate('net::ERR_BLOCKED_BY_CLIENT', true)).toBe(true);
    expect(refusedAsPrivate('net::ERR_FAILED', true)).toBe(true);
    expect(refusedAsPrivate('net::ERR_FAILED', false)).toBe(false);
    expect(refusedAsPrivate('net::ERR_CONNECTION_REFUSED', true)).toBe(false);
    expect(refusedAsPrivate('net::ERR_NAME_NOT_RESOLVED', true)).toBe(false);
    expect(refusedAsPrivate(null, true)).toBe(false);
  });
});
