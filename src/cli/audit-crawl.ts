/**
 * The crawl behind `still-there audit`: linkinator walks the site's pages and reports every link on them, with the
 * page and the link's words. It never judges an outbound link: each is handed to `linksToSkip`, which records it
 * and tells linkinator to skip it, so linkinator only ever fetches the site's own pages (and HEAD-checks their
 * internal links). Our engine decides what the outbound links are worth, as everywhere else.
 */
import { stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { Agent, buildConnector, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { destinationOf } from '../health/carried-address.ts';
import { hostnameOf } from '../health/host.ts';
import type { ConnectTo } from './http-transport.ts';
import { SitePages, type AnchorEvidence } from './page-evidence.ts';

/** What to crawl: a site's address, or a local folder or file that linkinator serves itself. */
export type CrawlTarget = { kind: 'url'; url: string } | { kind: 'path'; path: string };

/** One outbound link where it appears on one page. */
export interface Occurrence {
  /** As written on the page, resolved against the page (and its <base>); the fragment kept. */
  href: string;
  /** The page: its address, or for a local folder its file path. */
  page: string;
  /** The page's host, for telling a site's own links from outbound ones (spotting). */
  pageHost: string;
  /** The words of an <a>; null for links without words of their own (img, srcset, script, link, iframe …). */
  text: string | null;
  /** 1-based rank among the page's outbound links, in document order. */
  position: number;
  /** What spotting reads around an <a> besides its words (src/directory/link-evidence.ts); absent when unknown. */
  evidence?: Pick<AnchorEvidence, 'words' | 'title' | 'context' | 'inPageChrome'>;
}

export interface CrawlProblem {
  /** A page of the site (or one of its internal links) that could not be read. */
  url: string;
  status: number;
  linkedFrom: string | null;
  /** Why, when it is not a status: a page that never finished arriving. */
  why?: string;
}

export interface Crawl {
  pages: string[];
  occurrences: Occurrence[];
  /** The site's own links that answered an error, and pages read only in part: rows of their own in the report. */
  problems: CrawlProblem[];
}

export interface CrawlOptions {
  target: CrawlTarget;
  recurse: boolean;
  connectTo: ConnectTo[];
  ca: string[];
  timeoutMs: number;
  /**
   * Called as each outbound occurrence is found, so checks start while the crawl goes on. The page names it
   * carries are provisional: the returned `occurrences` are the final word.
   */
  onOccurrence?: (o: Occurrence) => void;
  /** Each time a page of the site is read: how many have been, and how many of the site's links were found. */
  onPage?: (pagesRead: number, siteLinksFound: number) => void;
}

export class CrawlError extends Error {}

/**
 * Pages of one site are fetched this many at a time: the crawl is of someone's own (often small, often shared)
 * server, and linkinator's default of 100 at once is no way to treat it.
 */
const CRAWL_CONCURRENCY = 4;

/**
 * undici's connector (linkinator fetches with undici) with the engine's name mapping: names listed in
 * --connect-to go to their address (with the original name for SNI and the certificate), and when a map is
 * given every other name fails as "no such domain" — a sealed test web, like the engine's transport.
 * IP literals are not names: linkinator's own server for a local folder listens on 127.0.0.1.
 */
export function crawlDispatcher(connectTo: ConnectTo[], ca: string[]): Agent {
  const map = new Map(connectTo.map((c) => [`${c.host}:${c.port}`, c]));
  // One secure context for the whole crawl: a `ca` option would rebuild the trust store on every connection.
  const connector = buildConnector(
    ca.length ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ...ca] }) } : {},
  );
  return new Agent({
    connect(opts, callback) {
      const name = opts.hostname.toLowerCase().replace(/^\[|\]$/g, '');
      const port = Number(opts.port || (opts.protocol === 'https:' ? 443 : 80));
      const mapped = map.get(`${name}:${port}`);
      if (mapped) {
        const host = mapped.address.includes(':')
          ? `[${mapped.address}]:${mapped.toPort}`
          : `${mapped.address}:${mapped.toPort}`;
        connector({ ...opts, hostname: mapped.address, host, port: String(mapped.toPort), servername: name }, callback);
        return;
      }
      if (map.size > 0 && net.isIP(name) === 0) {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }), null);
        return;
      }
      connector(opts, callback);
    },
  });
}

/**
 * linkinator recurses only into addresses that start with the address it was given, so a crawl started at
 * /index.html (or at a file of a local folder) would never leave that page. The site is the start page's folder.
 */
class SiteCrawler extends LinkChecker {
  readonly #root: string;

  constructor(root: string) {
    super();
    this.#root = root;
  }

  override crawl(options: Parameters<LinkChecker['crawl']>[0]): Promise<void> {
    options.rootPath = this.#root;
    return super.crawl(options);
  }
}

/** A port for linkinator's local server, known before it starts so outbound links can be told from the site's own. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function crawlSite(options: CrawlOptions): Promise<Crawl> {
  const local = options.target.kind === 'path';
  const port = local ? await freePort() : 0;
  const start = options.target.kind === 'url' ? new URL(options.target.url) : new URL(`http://127.0.0.1:${port}/`);
  const siteHost = start.host;
  // A wrapper on the site's own host (its exit.php?url=…, its /out/www.example.org/) leads off the site: it is
  // outbound, never fetched by the crawl, and judged by the address it carries.
  const isOutbound = (href: string): boolean => {
    try {
      const u = new URL(destinationOf(href, start.hostname));
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== siteHost;
    } catch {
      return false;
    }
  };

  const occurrences: Occurrence[] = [];
  const problems: CrawlProblem[] = [];
  const pageUrls = new Set<string>();
  const seenOnPage = new Map<string, number>();
  let startResult: LinkResult | null = null;

  const found = (o: Occurrence) => {
    occurrences.push(o);
    options.onOccurrence?.(o);
  };

  // The site's pages as the crawl reads them, for the evidence spotting needs beyond a link's words.
  const bodies = new SitePages((url) => {
    try {
      return new URL(url).host === siteHost;
    } catch {
      return false;
    }
  }, options.timeoutMs);
  /** Per page: how many times each address has been matched to its <a> so far, in document order. */
  const matched = new Map<string, Map<string, number>>();
  // linkinator names the pages of a local folder by their files; the crawl read them from its own server.
  const localRoot = options.target.kind === 'path' ? await servedRoot(options.target.path) : null;
  const served = (page: string): string => {
    if (!localRoot || /^https?:/i.test(page)) return page;
    const relative = path.relative(localRoot, path.resolve(page)).split(path.sep).map(encodeURIComponent).join('/');
    return new URL(relative, start).href;
  };
  const evidenceOf = (page: string, href: string): Occurrence['evidence'] => {
    const anchors = bodies.evidenceFor(served(page));
    if (!anchors) return undefined;
    let counts = matched.get(page);
    if (!counts) matched.set(page, (counts = new Map()));
    const seen = counts.get(href) ?? 0;
    const same = anchors.filter((a) => a.href === href);
    const anchor = same[seen];
    if (!anchor) return undefined; // not an <a> (an image, a script, a srcset candidate)
    counts.set(href, seen + 1);
    return { words: anchor.words, title: anchor.title, context: anchor.context, inPageChrome: anchor.inPageChrome };
  };

  const checker = new SiteCrawler(new URL('./', start).href);
  const siteLinks = new Set<string>();
  checker.on('pagestart', (url) => {
    pageUrls.add(String(url));
    options.onPage?.(pageUrls.size, siteLinks.size);
  });
  checker.on('link', (result) => {
    if (!isOutbound(result.url)) siteLinks.add(result.url);
    if (result.parent === undefined) {
      startResult ??= result;
      return;
    }
    if (result.state === LinkState.SKIPPED && isOutbound(result.url)) {
      // Skipped links of one page arrive together and in document order (linkinator emits them in one pass).
      const position = (seenOnPage.get(result.parent) ?? 0) + 1;
      seenOnPage.set(result.parent, position);
      const text = result.displayText ?? null;
      const evidence = text === null ? undefined : evidenceOf(result.parent, result.url);
      found({
        href: result.url,
        page: result.parent,
        pageHost: local ? '127.0.0.1' : hostnameOf(result.parent),
        text,
        position,
        ...(evidence ? { evidence } : {}),
      });
      return;
    }
    if (result.state === LinkState.BROKEN) {
      // No failure details: the href did not parse at all; otherwise an internal link answered an error.
      if (result.failureDetails === undefined) {
        const position = (seenOnPage.get(result.parent) ?? 0) + 1;
        seenOnPage.set(result.parent, position);
        found({ href: result.url, page: result.parent, pageHost: '', text: result.displayText ?? null, position });
      } else if (!isOutbound(result.url)) {
        problems.push({ url: result.url, status: result.status ?? 0, linkedFrom: result.parent });
      }
    }
  });

  const previous = getGlobalDispatcher();
  const dispatcher = crawlDispatcher(options.connectTo, options.ca);
  setGlobalDispatcher(dispatcher.compose(bodies.interceptor));
  try {
    await checker.check({
      path: options.target.kind === 'url' ? options.target.url : options.target.path,
      ...(local ? { port } : {}),
      recurse: options.recurse,
      concurrency: CRAWL_CONCURRENCY,
      timeout: options.timeoutMs,
      retry: true,
      retryErrors: true,
      retryErrorsCount: 2,
      retryErrorsJitter: 500,
      linksToSkip: async (href) => isOutbound(href),
    });
  } catch (err) {
    throw new CrawlError((err as Error).message);
  } finally {
    setGlobalDispatcher(previous);
    await dispatcher.close().catch(() => undefined);
  }

  const first = startResult as LinkResult | null;
  if (!first || first.state === LinkState.SKIPPED)
    throw new CrawlError(
      `${describeTarget(options.target)} leads off the site (a redirect to another host?); audit the address it leads to`,
    );
  if (first.state === LinkState.BROKEN) {
    throw new CrawlError(
      `could not read ${describeTarget(options.target)}: ${first.status ? `the server answered ${first.status}` : failureText(first)}`,
    );
  }
  // A page that never finished arriving was read only in part: the start page so read is no audit of the site.
  const startCut = bodies.cutOffReason(first.url);
  if (startCut) throw new CrawlError(`could not read ${describeTarget(options.target)}: ${startCut}`);
  for (const [url, why] of bodies.cutOff) problems.push({ url, status: 0, linkedFrom: null, why });

  const pageName = local ? await localNamer(options.target as { kind: 'path'; path: string }, port) : (p: string) => p;
  const pages = new Set<string>();
  for (const u of pageUrls) pages.add(await pageName(u));
  for (const o of occurrences) o.page = await pageName(o.page);
  const alias = indexAliases(pages, occurrences);
  const unique = new Map<string, Occurrence>();
  for (const o of occurrences) {
    o.page = alias.get(o.page) ?? o.page;
    unique.set(`${o.page}\n${o.position}\n${o.href}`, o);
  }
  for (const page of alias.keys()) pages.delete(page);
  for (const p of problems) {
    p.url = await pageName(p.url);
    if (p.linkedFrom) p.linkedFrom = await pageName(p.linkedFrom);
    // A page that answered an error was never read: it is a problem of the site, not one of its audited pages.
    if (!p.why) pages.delete(p.url);
  }
  return { pages: [...pages], occurrences: [...unique.values()], problems };
}

/**
 * A folder's page is often reached both as "dir/" and as "dir/index.html"; when both show the same outbound links
 * in the same order they are one page to the editor, named "dir/".
 */
function indexAliases(pages: Set<string>, occurrences: Occurrence[]): Map<string, string> {
  const signatures = new Map<string, string>();
  for (const o of occurrences) signatures.set(o.page, `${signatures.get(o.page) ?? ''}${o.position} ${o.href}\n`);
  const alias = new Map<string, string>();
  for (const page of pages) {
    const folder = page.replace(/\/index\.html?$/i, '/');
    if (folder !== page && pages.has(folder) && signatures.get(folder) === signatures.get(page))
      alias.set(page, folder);
  }
  return alias;
}

function describeTarget(target: CrawlTarget): string {
  return target.kind === 'url' ? target.url : target.path;
}

function failureText(result: LinkResult): string {
  const first = result.failureDetails?.[0];
  if (first instanceof Error) {
    const cause = (first as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? first.message;
  }
  return 'no answer';
}

/** The folder linkinator serves for a local target: the folder itself, or a file's folder. */
async function servedRoot(target: string): Promise<string> {
  const resolved = path.resolve(target);
  return (await stat(resolved)).isDirectory() ? resolved : path.dirname(resolved);
}

/**
 * Names for pages of a local folder, as paths an editor opens: linkinator names them relative to the folder it
 * serves (or gives its own server's address); a directory becomes its index.html.
 */
async function localNamer(
  target: { kind: 'path'; path: string },
  port: number,
): Promise<(page: string) => Promise<string>> {
  const info = await stat(target.path);
  const root = info.isDirectory() ? target.path : path.dirname(target.path);
  const server = `http://127.0.0.1:${port}/`;
  const cache = new Map<string, string>();
  return async (page) => {
    const known = cache.get(page);
    if (known !== undefined) return known;
    let name = page.startsWith(server) ? path.join(root, decodeURIComponent(new URL(page).pathname)) : page;
    try {
      if ((await stat(name)).isDirectory()) name = path.join(name, 'index.html');
    } catch {
      // a page that is not a file (a 404): keep the name
    }
    cache.set(page, name);
    return name;
  };
}
