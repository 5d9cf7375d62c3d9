/** A sitemap read as the audit's list of pages (src/cli/sitemap.ts). */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { looksLikeSitemap, MAX_SITEMAP_URLS, parseSitemap, sitemapPages } from '../../src/cli/sitemap.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const urlset = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;

describe('parseSitemap', () => {
  it('lists the pages of a urlset, resolved, each once, without fragments or non-web addresses', () => {
    const doc = parseSitemap(
      bytes(
        urlset([' https://x.org/a ', '/b', 'https://x.org/a#top', 'mailto:x@x.org', 'https://x.org/c?q=1&amp;r=2']),
      ),
      'https://x.org/sitemap.xml',
    );
    expect(doc).toEqual({
      kind: 'pages',
      locations: ['https://x.org/a', 'https://x.org/b', 'https://x.org/c?q=1&r=2'],
    });
  });

  it('reads an index, namespaced tags and gzip by its first bytes', () => {
    const index = `<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"><sm:sitemap><sm:loc>https://x.org/s1.xml.gz</sm:loc></sm:sitemap></sm:sitemapindex>`;
    expect(parseSitemap(gzipSync(index), 'https://x.org/')).toEqual({
      kind: 'index',
      locations: ['https://x.org/s1.xml.gz'],
    });
  });

  it('a file on this computer must give absolute addresses', () => {
    expect(parseSitemap(bytes(urlset(['/relative', 'https://x.org/ok'])), null).locations).toEqual([
      'https://x.org/ok',
    ]);
  });

  it('refuses what is not a sitemap, and stops at the protocol’s 50,000 addresses', () => {
    expect(() => parseSitemap(bytes('<html><body>hi</body></html>'), null)).toThrow(
      /not a sitemap \(its first element is <html>/,
    );
    expect(() => parseSitemap(bytes(''), null)).toThrow(/it is empty/);
    expect(() => parseSitemap(Buffer.from([0x1f, 0x8b, 1, 2, 3]), null)).toThrow(/gzipped but does not unpack/);
    const many = Array.from({ length: MAX_SITEMAP_URLS + 10 }, (_, i) => `https://x.org/${i}`);
    expect(parseSitemap(bytes(urlset(many)), null).locations).toHaveLength(MAX_SITEMAP_URLS);
  });
});

describe('sitemapPages', () => {
  it('follows indexes, reads each sitemap once, and says which could not be read', async () => {
    const served: Record<string, string> = {
      'https://x.org/index.xml': `<sitemapindex><sitemap><loc>https://x.org/a.xml</loc></sitemap><sitemap><loc>https://x.org/index.xml</loc></sitemap><sitemap><loc>https://x.org/gone.xml</loc></sitemap></sitemapindex>`,
      'https://x.org/a.xml': urlset(['https://x.org/1', 'https://x.org/2']),
    };
    const asked: string[] = [];
    const found = await sitemapPages('https://x.org/index.xml', async (url) => {
      asked.push(url);
      if (!(url in served)) throw new Error('the server answered 404');
      return { bytes: bytes(served[url]!), finalUrl: url };
    });
    expect(found.pages).toEqual(['https://x.org/1', 'https://x.org/2']);
    expect(asked).toEqual(['https://x.org/index.xml', 'https://x.org/a.xml', 'https://x.org/gone.xml']);
    expect(found.problems).toEqual([{ sitemap: 'https://x.org/gone.xml', why: 'the server answered 404' }]);
  });
});

describe('looksLikeSitemap', () => {
  it.each([
    ['https://x.org/sitemap.xml', true],
    ['https://x.org/sitemap_index.xml', true],
    ['https://x.org/sitemaps/sitemap-2.xml.gz', true],
    ['./sitemap.xml', true],
    ['https://x.org/', false],
    ['https://x.org/sitemap.html', false],
    ['https://x.org/feed.xml', false],
  ])('%s: %s', (given, yes) => expect(looksLikeSitemap(given)).toBe(yes));
});
