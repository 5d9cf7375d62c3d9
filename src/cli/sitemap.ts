/**
 * A sitemap as the audit's list of pages (sitemaps.org 0.9): a <urlset> lists pages, a <sitemapindex> lists more
 * sitemaps, and either may come gzipped (the .gz most large sites publish; known by its first two bytes, whatever the
 * server calls it). A sitemap is a document like any other: read from the web or from a file the editor has, within
 * the protocol's own limits (50,000 addresses and 50 MiB a sitemap), and never followed into endless indexes.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** The protocol's limits for one sitemap file (sitemaps.org): more is not a sitemap we read. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
export const MAX_SITEMAP_URLS = 50_000;
/** Sitemaps read for one start at most, indexes included: a site of many sections has tens. */
const MAX_SITEMAPS = 200;

export interface SitemapDocument {
  kind: 'pages' | 'index';
  /** Absolute http(s) addresses, in document order, each once. */
  locations: string[];
}

export class SitemapError extends Error {}

/** Whether an address or file name names a sitemap by itself (sitemap.xml, sitemap_index.xml, sitemap-1.xml.gz …). */
export function looksLikeSitemap(given: string): boolean {
  const path = /^[a-z][a-z\d+.-]*:\/\//i.test(given) ? new URL(given).pathname : given;
  return /(^|\/)[^/]*sitemap[^/]*\.xml(\.gz)?$/i.test(path);
}

/** The pages and sitemaps one sitemap document lists. */
/** `base`: the sitemap's own address, for relative locations; null for a file, whose locations must be absolute. */
export function parseSitemap(bytes: Uint8Array, base: string | null): SitemapDocument {
  let data = Buffer.from(bytes);
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data, { maxOutputLength: MAX_SITEMAP_BYTES });
    } catch (err) {
      throw new SitemapError(`it is gzipped but does not unpack (${(err as Error).message})`);
    }
  }
  let root: string | null = null;
  const stack: string[] = [];
  let loc = '';
  const seen = new Set<string>();
  const locations: string[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        const local = name.replace(/^.*:/, '').toLowerCase();
        root ??= local;
        stack.push(local);
        if (local === 'loc') loc = '';
      },
      ontext(text) {
        if (stack.at(-1) === 'loc') loc += text;
      },
      onclosetag() {
        const local = stack.pop();
        const parent = stack.at(-1);
        if (local !== 'loc' || (parent !== 'url' && parent !== 'sitemap')) return;
        let address: URL;
        try {
          address = base === null ? new URL(loc.trim()) : new URL(loc.trim(), base);
        } catch {
          return; // not an address: nothing to audit there
        }
        if (address.protocol !== 'http:' && address.protocol !== 'https:') return;
        address.hash = '';
        if (!seen.has(address.href) && locations.length < MAX_SITEMAP_URLS) {
          seen.add(address.href);
          locations.push(address.href);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(data.toString('utf8'));
  if (root !== 'urlset' && root !== 'sitemapindex')
    throw new SitemapError(
      root ? `it is not a sitemap (its first element is <${root}>, not <urlset> or <sitemapindex>)` : 'it is empty',
    );
  return { kind: root === 'urlset' ? 'pages' : 'index', locations };
}

/** How a sitemap is fetched: its bytes, or why not in plain words. */
export type SitemapFetcher = (url: string) => Promise<{ bytes: Uint8Array; finalUrl: string | null }>;

export interface SitemapPages {
  pages: string[];
  /** Sitemaps read, indexes included. */
  read: string[];
  /** Sitemaps that could not be read, with why. */
  problems: Array<{ sitemap: string; why: string }>;
}

/**
 * Every page a sitemap lists, following its indexes (each sitemap once, MAX_SITEMAPS at most). A file path is read
 * from this computer; its addresses must be absolute, as the protocol asks.
 */
export async function sitemapPages(start: string, fetchSitemap: SitemapFetcher): Promise<SitemapPages> {
  const out: SitemapPages = { pages: [], read: [], problems: [] };
  const pages = new Set<string>();
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length && out.read.length < MAX_SITEMAPS) {
    const next = queue.shift()!;
    let doc: SitemapDocument;
    try {
      const web = /^https?:\/\//i.test(next);
      const { bytes, finalUrl } = web ? await fetchSitemap(next) : await readLocal(next);
      if (bytes.length > MAX_SITEMAP_BYTES)
        throw new SitemapError(`it is larger than ${MAX_SITEMAP_BYTES / 1024 / 1024} MiB`);
      doc = parseSitemap(bytes, finalUrl);
    } catch (err) {
      out.problems.push({ sitemap: next, why: (err as Error).message });
      continue;
    }
    out.read.push(next);
    for (const location of doc.locations) {
      if (doc.kind === 'pages') pages.add(location);
      else if (!seen.has(location)) {
        seen.add(location);
        queue.push(location);
      }
    }
  }
  for (const left of queue) out.problems.push({ sitemap: left, why: `not read: more than ${MAX_SITEMAPS} sitemaps` });
  out.pages = [...pages];
  return out;
}

async function readLocal(file: string): Promise<{ bytes: Uint8Array; finalUrl: null }> {
  try {
    return { bytes: await readFile(file), finalUrl: null };
  } catch (err) {
    throw new SitemapError(`cannot read it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
