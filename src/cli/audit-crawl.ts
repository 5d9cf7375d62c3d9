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
import { Agent, buildConnector, fetch as undiciFetch, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { destinationOf } from '../health/carried-address.ts';
import { hostnameOf } from '../health/host.ts';
import { isPdfAddress, type Place } from '../documents/found.ts';
import type { ConnectTo } from './http-transport.ts';
import { SitePages, type AnchorEvidence } from './page-evidence.ts';
import { requestHeadersInterceptor, type HostHeader } from './request-headers.ts';

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
  /** In a document (a PDF, src/cli/audit-documents.ts): the page it is on. */
  place?: Place;
}

export interface CrawlProblem {
  /** A page of the site (or one of its internal links) that could not be read. */
  url: string;
  status: number;
  linkedFrom: string | null;
  /** Why, when it is not a status: a page that never finished arriving. */
  why?: string;
  /** The report's words for it, when `why` is not a page read in part (a PDF that could not be read). */
  detail?: string;
}

/** Why the crawl stopped before it had read every page: a bound, or the editor. */
export type StopReason = 'max-pages' | 'max-time' | 'interrupted';

export interface Crawl {
  pages: string[];
  occurrences: Occurrence[];
  /** The site's own links that answered an error, and pages read only in part: rows of their own in the report. */
  problems: CrawlProblem[];
  /**
   * The site's own PDFs its pages link to (named as pages are), each with the pages linking to it: read as pages of
   * their own by src/cli/audit-documents.ts when the crawl recursed.
   */
  documents: Array<{ url: string; linkedFrom: string[] }>;
  /** Starts that could not be read at all, with why in plain words (the others were audited). */
  startProblems: Array<{ start: string; why: string }>;
  /** The site's pages --exclude-path kept the crawl from reading. */
  excludedPages: string[];
  /** The site's links past --max-depth, not followed. */
  beyondDepth: string[];
  /** Links that lead to no web page (mailto:, tel:, javascript: …): nothing to check. */
  notWeb: string[];
  /** When the crawl ended early: why, and the site's addresses it did not read. */
  stopped: { why: StopReason; leftOut: string[] } | null;
}

export interface CrawlOptions {
  /** One or more starts: addresses (of one site or several), or one local folder or file. */
  targets: CrawlTarget[];
  recurse: boolean;
  /** With recurse: pages this many links from a start at most are read (0: the starts alone); null: no limit. */
  maxDepth?: number | null;
  /** Pages read at most; then the crawl ends early ('max-pages'). */
  maxPages?: number;
  /** Ends the crawl early with its reason (--max-time, Ctrl-C): what was read so far is the crawl. */
  stop?: AbortSignal;
  /** A page of the site not to read (--exclude-path). */
  pageExcluded?: (url: string) => boolean;
  connectTo: ConnectTo[];
  ca: string[];
  timeoutMs: number;
  /** --user-agent for the site's pages; null: linkinator's own ("node"). */
  userAgent?: string | null;
  /** --header: each for its own host alone. */
  headers?: readonly HostHeader[];
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
 * fetch on the crawl's network — its names (--connect-to), its CA, the user agent and each host's own headers — for
 * what the audit reads besides the site's pages: sitemaps, the Wayback Machine's Save Page Now.
 */
export function siteFetcher(options: {
  connectTo: ConnectTo[];
  ca: string[];
  headers?: readonly HostHeader[];
  userAgent?: string | null;
}): { fetch: (url: string, init?: RequestInit) => Promise<Response>; close(): Promise<void> } {
  const dispatcher = crawlDispatcher(options.connectTo, options.ca);
  const composed = dispatcher.compose(requestHeadersInterceptor(options.headers ?? [], options.userAgent ?? null));
  return {
    fetch: (url, init = {}) =>
      undiciFetch(url, { ...(init as object), dispatcher: composed } as never) as unknown as Promise<Response>,
    close: () => dispatcher.close().catch(() => undefined),
  };
}

/** What the crawler decides about each address linkinator is about to fetch. */
interface CrawlGate {
  /** Whether to fetch it at all (false: the crawl has ended early; it is left out). */
  admit(url: string, isPage: boolean): boolean;
  /** Whether to read it as a page and follow its links, given how far it is from a start. */
  follow(url: string, depth: number): boolean;
}

/**
 * linkinator recurses only into addresses that start with the address it was given, so a crawl started at
 * /index.html (or at a file of a local folder) would never leave that page: the site is each start page's folder.
 * Every address linkinator is about to fetch passes the gate first: that is where the bounds (pages, time, depth)
 * end a crawl, since linkinator itself has none.
 */
class SiteCrawler extends LinkChecker {
  readonly #gate: CrawlGate;
  readonly #depths = new Map<string, number>();
  /** Pages linkinator has queued and not yet begun: what an early end leaves unread. */
  readonly queued = new Set<string>();

  constructor(gate: CrawlGate) {
    super();
    this.#gate = gate;
    // linkinator queues each new address through enqueueCrawl (private in its types): watching it is how the pages
    // an early end leaves unread are known, rather than only those it happens to reach before it winds down.
    const self = this as unknown as { enqueueCrawl?: (o: Parameters<LinkChecker['crawl']>[0]) => Promise<void> };
    const enqueue = self.enqueueCrawl?.bind(this);
    if (enqueue)
      self.enqueueCrawl = (o) => {
        if (o.crawl) this.queued.add(o.url.href);
        return enqueue(o);
      };
  }

  override crawl(options: Parameters<LinkChecker['crawl']>[0]): Promise<void> {
    options.rootPath = new URL('./', options.rootPath).href;
    const url = options.url.href;
    this.queued.delete(url);
    const depth = options.parent === undefined ? 0 : (this.#depths.get(options.parent) ?? 0) + 1;
    if (!this.#depths.has(url)) this.#depths.set(url, depth);
    if (!this.#gate.admit(url, options.crawl)) return Promise.resolve();
    if (options.crawl && !this.#gate.follow(url, depth)) options.crawl = false;
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
  const targets = options.targets;
  const localTarget = targets.length === 1 && targets[0]!.kind === 'path' ? targets[0]! : null;
  if (!localTarget && targets.some((t) => t.kind === 'path'))
    throw new CrawlError('a local folder or file is audited alone: give one, or addresses only');
  const local = localTarget !== null;
  const port = local ? await freePort() : 0;
  const startUrls = local
    ? [`http://127.0.0.1:${port}/`]
    : targets.map((t) => new URL((t as { kind: 'url'; url: string }).url).href);
  /** The site: every start's host (several starts may be several sites). */
  const siteHosts = new Set(startUrls.map((u) => new URL(u).host));
  const siteHostnames = new Set(startUrls.map((u) => new URL(u).hostname));
  // A wrapper on the site's own host (its exit.php?url=…, its /out/www.example.org/) leads off the site: it is
  // outbound, never fetched by the crawl, and judged by the address it carries (the general forms of wrapper are read
  // only on the site's own hosts, src/health/carried-address.ts).
  const ownHostOf = (href: string): string | undefined => {
    try {
      const host = new URL(href).hostname;
      return siteHostnames.has(host) ? host : undefined;
    } catch {
      return undefined;
    }
  };
  const isOutbound = (href: string): boolean => {
    try {
      const u = new URL(destinationOf(href, ownHostOf(href)));
      return (u.protocol === 'http:' || u.protocol === 'https:') && !siteHosts.has(u.host);
    } catch {
      return false;
    }
  };
  const isSitePage = (url: string): boolean => {
    try {
      return siteHosts.has(new URL(url).host);
    } catch {
      return false;
    }
  };

  const occurrences: Occurrence[] = [];
  const problems: CrawlProblem[] = [];
  const pageUrls = new Set<string>();
  const seenOnPage = new Map<string, number>();
  /** What linkinator reported for each start (a start is a result without a parent). */
  const startResults = new Map<string, LinkResult>();
  const excludedPages = new Set<string>();
  const beyondDepth = new Set<string>();
  const notWeb = new Set<string>();
  const leftOut = new Set<string>();
  let stoppedBy: StopReason | null = null;
  let pagesAdmitted = 0;
  /** Pages being fetched: an early end cuts them, and they were not read. */
  const reading = new Set<string>();

  const found = (o: Occurrence) => {
    occurrences.push(o);
    options.onOccurrence?.(o);
  };

  // The site's pages as the crawl reads them, for the evidence spotting needs beyond a link's words.
  const bodies = new SitePages(isSitePage, options.timeoutMs);
  /**
   * Per page: its <a>s by address, and how many of each have been matched to linkinator's reports so far, in
   * document order. Indexed once a page, so a page of 40,000 links to one address costs 40,000 steps, not 40,000².
   */
  const anchorsByPage = new Map<string, { byHref: Map<string, AnchorEvidence[]>; matched: Map<string, number> }>();
  // linkinator names the pages of a local folder by their files; the crawl read them from its own server.
  const localRoot = localTarget?.kind === 'path' ? await servedRoot(localTarget.path) : null;
  const localStart = new URL(startUrls[0]!);
  const served = (page: string): string => {
    if (!localRoot || /^https?:/i.test(page)) return page;
    const relative = path.relative(localRoot, path.resolve(page)).split(path.sep).map(encodeURIComponent).join('/');
    return new URL(relative, localStart).href;
  };
  const evidenceOf = (page: string, href: string): Occurrence['evidence'] => {
    let index = anchorsByPage.get(page);
    if (!index) {
      const anchors = bodies.evidenceFor(served(page));
      if (!anchors) return undefined;
      const byHref = new Map<string, AnchorEvidence[]>();
      for (const a of anchors) {
        const same = byHref.get(a.href);
        if (same) same.push(a);
        else byHref.set(a.href, [a]);
      }
      anchorsByPage.set(page, (index = { byHref, matched: new Map() }));
    }
    const seen = index.matched.get(href) ?? 0;
    const anchor = index.byHref.get(href)?.[seen];
    if (!anchor) return undefined; // not an <a> (an image, a script, a srcset candidate)
    index.matched.set(href, seen + 1);
    return { words: anchor.words, title: anchor.title, context: anchor.context, inPageChrome: anchor.inPageChrome };
  };

  const stopNow = (why: StopReason) => {
    stoppedBy ??= why;
  };
  if (options.stop?.aborted) stopNow(options.stop.reason as StopReason);
  options.stop?.addEventListener('abort', () => stopNow(options.stop!.reason as StopReason), { once: true });

  const maxPages = options.maxPages ?? Infinity;
  const checker = new SiteCrawler({
    admit(url, isPage) {
      if (isPage && stoppedBy === null && pagesAdmitted >= maxPages) stopNow('max-pages');
      if (stoppedBy !== null) {
        if (isPage) leftOut.add(url);
        return false;
      }
      if (isPage) {
        pagesAdmitted++;
        reading.add(url);
      }
      return true;
    },
    follow(url, depth) {
      const max = options.maxDepth ?? null;
      if (max === null || depth <= max) return true;
      beyondDepth.add(url);
      return false;
    },
  });
  const siteLinks = new Set<string>();
  checker.on('pagestart', (url) => {
    reading.delete(String(url));
    pageUrls.add(String(url));
    options.onPage?.(pageUrls.size, siteLinks.size);
  });
  const documents = new Map<string, Set<string>>();
  checker.on('link', (result) => {
    // After an early end, what is still arriving is the crawl being cut short, not news about the site.
    if (stoppedBy !== null) return;
    reading.delete(served(result.url));
    if (!isOutbound(result.url)) siteLinks.add(result.url);
    // The site's own PDF that answered: a document to read as a page of its own.
    if (!isOutbound(result.url) && result.state === LinkState.OK && result.parent && isPdfAddress(result.url)) {
      let from = documents.get(result.url);
      if (!from) documents.set(result.url, (from = new Set()));
      from.add(result.parent);
    }
    if (result.parent === undefined) {
      if (!startResults.has(result.url)) startResults.set(result.url, result);
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
    if (result.state === LinkState.SKIPPED && !/^https?:/i.test(result.url) && !result.url.startsWith('/')) {
      // mailto:, tel:, javascript: … linkinator skips what is no web address; the report counts them.
      if (/^[a-z][a-z\d+.-]*:/i.test(result.url)) notWeb.add(result.url);
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

  const starts = new Set(startUrls);
  const previous = getGlobalDispatcher();
  const dispatcher = crawlDispatcher(options.connectTo, options.ca);
  setGlobalDispatcher(
    dispatcher.compose(requestHeadersInterceptor(options.headers ?? [], options.userAgent ?? null), bodies.interceptor),
  );
  // On an early end, what is under way is cut: a page trickling in for its last seconds is not worth waiting for.
  const cut = () => void dispatcher.destroy().catch(() => undefined);
  options.stop?.addEventListener('abort', cut, { once: true });
  const crawling = checker
    .check({
      path: local ? (localTarget as { kind: 'path'; path: string }).path : startUrls,
      ...(local ? { port } : {}),
      recurse: options.recurse,
      concurrency: CRAWL_CONCURRENCY,
      timeout: options.timeoutMs,
      retry: true,
      retryErrors: true,
      retryErrorsCount: 2,
      retryErrorsJitter: 500,
      linksToSkip: async (href) => {
        if (isOutbound(href)) return true;
        if (!starts.has(href) && options.pageExcluded && isSitePage(href) && options.pageExcluded(href)) {
          excludedPages.add(href.replace(/#.*$/, ''));
          return true;
        }
        return false;
      },
    })
    .then(() => undefined);
  try {
    // An early end does not wait for linkinator to wind down (its retries wait seconds): the crawl is what it read.
    await Promise.race([crawling, stopped(options.stop)]);
  } catch (err) {
    throw new CrawlError((err as Error).message);
  } finally {
    options.stop?.removeEventListener('abort', cut);
    if (stoppedBy === null) {
      setGlobalDispatcher(previous);
      await dispatcher.close().catch(() => undefined);
    } else {
      // linkinator winds down on its own; until it has, its last requests go to the cut dispatcher, never elsewhere.
      crawling.finally(() => setGlobalDispatcher(previous)).catch(() => undefined);
    }
  }

  const startProblems: Array<{ start: string; why: string }> = [];
  for (const [i, start] of startUrls.entries()) {
    const shown = local ? (localTarget as { kind: 'path'; path: string }).path : (targets[i] as { url: string }).url;
    const result = [...startResults.entries()].find(([url]) => sameStart(url, start, local))?.[1] ?? null;
    const why = startProblem(result, bodies.cutOffReason(result?.url ?? start), stoppedBy !== null);
    if (why) startProblems.push({ start: shown, why });
  }
  if (startProblems.length === startUrls.length && stoppedBy === null) {
    const [first] = startProblems;
    throw new CrawlError(
      startProblems.length === 1
        ? `could not read ${first!.start}: ${first!.why}`
        : `could not read any start: ${startProblems.map((p) => `${p.start}: ${p.why}`).join('; ')}`,
    );
  }
  for (const [url, why] of bodies.cutOff)
    if (!startProblems.some((p) => sameStart(url, p.start, local)))
      problems.push({ url, status: 0, linkedFrom: null, why });

  const pageName = local ? await localNamer(localTarget as { kind: 'path'; path: string }, port) : (p: string) => p;
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
  const named = async (urls: Iterable<string>) => Promise.all([...urls].map((u) => pageName(u)));
  const documentsNamed: Crawl['documents'] = [];
  for (const [url, from] of documents) documentsNamed.push({ url: await pageName(url), linkedFrom: await named(from) });
  return {
    pages: [...pages],
    occurrences: [...unique.values()],
    problems,
    documents: documentsNamed,
    startProblems,
    excludedPages: await named(excludedPages),
    beyondDepth: await named(beyondDepth),
    notWeb: [...notWeb],
    stopped:
      stoppedBy === null
        ? null
        : { why: stoppedBy, leftOut: await named(new Set([...leftOut, ...checker.queued, ...reading])) },
  };
}

/** Resolves when the signal ends the run; never, without one. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Whether linkinator's name for a start (a local file's path, or the address) is the start given. */
function sameStart(reported: string, start: string, local: boolean): boolean {
  if (local) return true; // one local start: its first result is it
  try {
    return new URL(reported).href === new URL(start).href;
  } catch {
    return false;
  }
}

/** Why a start was not audited, in the editor's words; null when it was read. */
function startProblem(result: LinkResult | null, cutOff: string | null, endedEarly: boolean): string | null {
  if (!result) return endedEarly ? 'not read: the audit ended first' : 'no answer came';
  if (result.state === LinkState.SKIPPED) {
    // linkinator skips a page behind a bot challenge (403 with cf-mitigated, LinkedIn's 999) rather than fail it.
    if (result.status === 403 || result.status === 999)
      return `the site's firewall turned the audit away (HTTP ${result.status}, a bot challenge); --user-agent or --header may let it in`;
    return 'it leads off the site (a redirect to another host?); audit the address it leads to';
  }
  if (result.state === LinkState.BROKEN) {
    if (result.status === 403 || result.status === 401)
      return `the server answered ${result.status}: it refuses this visitor; --user-agent or --header may let the audit in`;
    return result.status ? `the server answered ${result.status}` : plainFailure(result);
  }
  if (cutOff) return cutOff;
  return null;
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

/** A failed request in plain words: what happened, not the resolver's code (EAI_AGAIN, ENOTFOUND …). */
function plainFailure(result: LinkResult): string {
  const first = result.failureDetails?.[0];
  const cause =
    first instanceof Error ? (first as Error & { cause?: { code?: string; message?: string } }).cause : undefined;
  const code = cause?.code ?? (first instanceof Error ? (first as Error & { code?: string }).code : undefined) ?? '';
  return failureInWords(code, cause?.message ?? (first instanceof Error ? first.message : ''));
}

/** A network error code as the editor reads it, the code itself kept in brackets for whoever asks them. */
export function failureInWords(code: string, message = ''): string {
  const words: Record<string, string> = {
    EAI_AGAIN: 'the name could not be looked up (is this computer offline?)',
    ENOTFOUND: 'no such domain: the name does not exist',
    ENODATA: 'the name has no address',
    ECONNREFUSED: 'the server refused the connection',
    ECONNRESET: 'the server hung up',
    ETIMEDOUT: 'no answer came in time',
    UND_ERR_CONNECT_TIMEOUT: 'no answer came in time',
    UND_ERR_HEADERS_TIMEOUT: 'no answer came in time',
    EHOSTUNREACH: 'the server cannot be reached from this computer',
    ENETUNREACH: 'no network reaches the server from this computer',
    CERT_HAS_EXPIRED: "the site's certificate has expired",
    DEPTH_ZERO_SELF_SIGNED_CERT: "the site's certificate is not trusted (self-signed)",
    SELF_SIGNED_CERT_IN_CHAIN: "the site's certificate is not trusted (a CA this computer does not know; --ca FILE)",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      "the site's certificate is not trusted (a CA this computer does not know; --ca FILE)",
    ERR_TLS_CERT_ALTNAME_INVALID: "the site's certificate is for another name",
  };
  const said = words[code];
  if (said) return `${said} [${code}]`;
  if (code) return `the connection failed [${code}]`;
  return message ? `the connection failed (${message.slice(0, 120)})` : 'no answer came';
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
