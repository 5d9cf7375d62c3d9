/**
 * Where an audit starts: pages of a site (one or several), a sitemap (--sitemap URL, or an address or file whose
 * name says sitemap.xml, .gz too), one local folder or HTML or Markdown file, or one page on standard input (-).
 * A sitemap is read first and its pages become the starts, each a page of the audit as a crawled one is.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError, webAddressOption } from './args.ts';
import type { CrawlTarget } from './audit-crawl.ts';
import { MAX_PAGE_BYTES } from './page-evidence.ts';
import { looksLikeSitemap, MAX_SITEMAP_BYTES, sitemapPages, type SitemapFetcher } from './sitemap.ts';

export interface Starts {
  /** Pages, or one local folder or file, to crawl. */
  targets: CrawlTarget[];
  /** Sitemaps to read for more pages: addresses or local files. */
  sitemaps: string[];
  /** How the report names what was audited. */
  site: string;
}

export async function parseStarts(
  positionals: readonly string[],
  sitemapOption: readonly string[],
  stdin: AsyncIterable<Buffer | string> | undefined,
): Promise<Starts> {
  for (const s of sitemapOption) webAddressOption(s, '--sitemap');
  if (positionals.length === 0 && sitemapOption.length === 0)
    throw new UsageError('give the site to audit: an address, a sitemap, a folder or an HTML or Markdown file');
  if (positionals.includes('-')) {
    if (positionals.length > 1 || sitemapOption.length)
      throw new UsageError('- audits one page read from standard input, alone');
    return { targets: [await pageFromStdin(stdin)], sitemaps: [], site: 'standard input' };
  }
  const targets: CrawlTarget[] = [];
  const sitemaps = [...sitemapOption];
  for (const given of positionals) {
    const start = await crawlTarget(given);
    const name = start.kind === 'url' ? start.url : start.path;
    if (looksLikeSitemap(name) && (start.kind === 'url' || (await stat(start.path)).isFile())) sitemaps.push(name);
    else targets.push(start);
  }
  const local = targets.filter((t) => t.kind === 'path');
  if (local.length > 1 || (local.length === 1 && (targets.length > 1 || sitemaps.length > 0)))
    throw new UsageError('a local folder or file is audited alone; several starts must all be addresses');
  return { targets, sitemaps, site: [...positionals, ...sitemapOption].join(' ') };
}

async function crawlTarget(given: string): Promise<CrawlTarget> {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(given)) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new UsageError(`"${given}" is not a web address`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`audit reads http(s) sites or local files, not ${url.protocol} addresses`);
    return { kind: 'url', url: url.toString() };
  }
  try {
    await stat(given);
  } catch {
    const hint = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(given) ? ` (for a site, give its address: https://${given})` : '';
    throw new UsageError(`no such folder or file: "${given}"${hint}`);
  }
  return { kind: 'path', path: given };
}

/** The pages the sitemaps list, as starts; and the sitemaps that could not be read, with why. */
export async function sitemapTargets(
  sitemaps: readonly string[],
  fetchSitemap: SitemapFetcher,
): Promise<{ targets: CrawlTarget[]; problems: Array<{ start: string; why: string }>; read: number }> {
  const targets: CrawlTarget[] = [];
  const problems: Array<{ start: string; why: string }> = [];
  let read = 0;
  const seen = new Set<string>();
  for (const sitemap of sitemaps) {
    const found = await sitemapPages(sitemap, fetchSitemap);
    read += found.read.length;
    for (const p of found.problems) problems.push({ start: p.sitemap, why: `the sitemap could not be read: ${p.why}` });
    if (found.read.length && !found.pages.length && !found.problems.length)
      problems.push({ start: sitemap, why: 'the sitemap lists no page' });
    for (const page of found.pages) {
      if (seen.has(page)) continue;
      seen.add(page);
      targets.push({ kind: 'url', url: page });
    }
  }
  return { targets, problems, read };
}

/** A sitemap's bytes fetched with `fetch` (the crawl's network), at most the protocol's 50 MiB. */
export function sitemapFetcher(fetch: (url: string, init?: RequestInit) => Promise<Response>): SitemapFetcher {
  return async (url) => {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'follow' });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(cause?.code ? `no answer came [${cause.code}]` : `no answer came (${(err as Error).message})`, {
        cause: err,
      });
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel();
      throw new Error(`the server answered ${res.status}`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += chunk.length;
      if (size > MAX_SITEMAP_BYTES) throw new Error(`it is larger than ${MAX_SITEMAP_BYTES / 1024 / 1024} MiB`);
      chunks.push(chunk);
    }
    return { bytes: Buffer.concat(chunks), finalUrl: res.url || url };
  };
}

/** `audit -`: the page on standard input, written to a file of its own and audited as a local file. */
async function pageFromStdin(input: AsyncIterable<Buffer | string> | undefined): Promise<CrawlTarget> {
  if (!input) throw new UsageError('- reads a page from standard input, and there is none here');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_PAGE_BYTES)
      throw new UsageError(`the page on standard input is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB`);
    chunks.push(b);
  }
  if (size === 0) throw new UsageError('- reads a page from standard input, and it was empty');
  const dir = await mkdtemp(path.join(tmpdir(), 'still-there-stdin-'));
  const file = path.join(dir, 'page.html');
  await writeFile(file, Buffer.concat(chunks));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'path', path: file };
}
