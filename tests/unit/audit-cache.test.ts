/**
 * What `audit --cache` reads back is validated as strictly as what the network says: a cache is a file anyone could
 * have edited, and what it holds becomes links in a report. An oversized file is refused before it is read.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheError, cacheProblem, loadCache, MAX_CACHE_BYTES } from '../../src/cli/audit-cache.ts';

const URL_ = 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf';
const entry = (over: Record<string, unknown> = {}) => ({
  url: URL_,
  verdict: 'dead',
  reason: 'not-found',
  detail: 'the server says Not Found (404)',
  status: 404,
  finalUrl: URL_,
  redirects: 0,
  newHome: 'https://aa.org/',
  archive: { url: `https://web.archive.org/web/20080513062455/${URL_}`, timestamp: '20080513062455' },
  checkedAt: '2026-12-01T02:30:00.000Z',
  history: [],
  firstFailedAt: '2026-12-01T02:30:00.000Z',
  lastAliveAt: null,
  ...over,
});
const cache = (e: object) => ({ version: 1, links: { [URL_]: e } });

describe('reading a cache back', () => {
  it('takes a cache it wrote', () => {
    expect(cacheProblem(cache(entry()))).toBeNull();
  });

  it.each([
    [
      'an archived copy that is a javascript: link',
      { archive: { url: 'javascript:alert(1)', timestamp: '20080513062455' } },
    ],
    [
      'an archived copy of another address',
      {
        archive: {
          url: 'https://web.archive.org/web/20080513062455/https://evil.example.org/',
          timestamp: '20080513062455',
        },
      },
    ],
    [
      'an archived copy with a made-up timestamp',
      { archive: { url: `https://web.archive.org/web/2008/${URL_}`, timestamp: '2008' } },
    ],
    ['a new home that is a data: link', { newHome: 'data:text/html,<script>alert(1)</script>' }],
    ['a final address that is a javascript: link', { finalUrl: 'javascript:alert(1)' }],
    ['an address that is not a web address', { url: 'file:///etc/passwd' }],
  ])('refuses %s', (_what, over) => {
    expect(cacheProblem(cache(entry(over)))).toMatch(/bad (address|archive capture)/);
  });

  it('refuses a file larger than any cache of ours before reading it, and leaves it as it is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'still-there-cache-'));
    const file = path.join(dir, 'verdicts.json');
    writeFileSync(file, '{"version":1,"links":{}}');
    truncateSync(file, MAX_CACHE_BYTES + 1); // sparse: no memory or disk spent
    await expect(loadCache(file)).rejects.toThrow(CacheError);
    await expect(loadCache(file)).rejects.toThrow(/more than a cache of ours ever holds/);
    expect(readFileSync(file).subarray(0, 24).toString()).toBe('{"version":1,"links":{}}');
  });
});

describe("a CSV cell from other people's text", () => {
  it('keeps line breaks and tabs inside the quoted cell, and nothing else below a space', async () => {
    const { csvCell } = await import('../../src/report/csv.ts');
    // Quoted for its semicolon, a separator in many locales' spreadsheets.
    expect(csvCell('Big Book\u001b]0;pwned\u0007 chapter')).toBe('"Big Book ]0;pwned  chapter"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});
