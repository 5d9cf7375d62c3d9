/**
 * `still-there audit SITE`: crawl a directory site (linkinator finds the pages and their links), check every
 * distinct outbound link once with the engine, and write a worklist of what is dead or moved, with replacements
 * and the pages to edit. Verdicts persist across runs with --cache, so the confirmation rule spans nights.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFeed, publisherProblem, renderFeed } from '../feed/feed.ts';
import { signingKey } from './keygen-command.ts';
import { addressKey } from '../health/address.ts';
import type { LinkHealth } from '../health/link-health.ts';
import { newHomeFor } from '../directory/lookup.ts';
import { spotResource, type LinkFacts } from '../directory/spotting.ts';
import { auditRow, buildReport, summaryText, type FoundOn, type SitePageProblem } from '../report/model.ts';
import { render } from '../report/render.ts';
import { terminalSafe } from '../report/table.ts';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, parse, UsageError } from './args.ts';
import { CacheError, loadCache, remember, reusable, saveCache, type Cache } from './audit-cache.ts';
import type { Clock } from './audit-clock.ts';
import { CrawlError, crawlSite, type Crawl, type CrawlTarget, type Occurrence } from './audit-crawl.ts';
import { createNodeEngine } from './engine.ts';
import { parseConnectTo } from './http-transport.ts';
import { OFFLINE_BANNER } from './check-command.ts';
import {
  commandLine,
  deliver,
  existingFolder,
  EXIT_HELP,
  OUTPUT_HELP,
  OUTPUT_OPTIONS,
  outputSettings,
  wantsColour,
} from './output-options.ts';
import { MAX_PAGE_BYTES } from './page-evidence.ts';
import { createCrawlProgress, createProgress } from './progress.ts';

export const AUDIT_HELP = `still-there audit — which links on a directory site are dead or moved, and what replaces them?

Usage: still-there audit SITE [options]
  SITE is a page's address (https://…) or a local folder or HTML file (served on 127.0.0.1 for the crawl).

  --recurse               also audit every page of the site under SITE that its pages link to
                          (default: only the page SITE)
  --all                   check every outbound link (default: only links to mutual-aid resources)
${OUTPUT_HELP}
                          (a table by page, one JSON document, CSV with one row per link and page, a Markdown
                          worklist for an issue tracker, or an HTML report to open offline)
  --feed FILE             also write a verdict feed (JSON) for the organisation's browsers to subscribe to
                          (docs/verdict-feed.md); not written when the run was offline
  --publisher NAME        who checked, as the feed's readers are told (default: the site's host name)
  --sign-with KEY-FILE    sign the feed with the key still-there keygen made: browsers that pin its public key
                          believe its verdicts at once (an unsigned feed's "dead" they check themselves first)
  --cache FILE            remember verdicts between runs (JSON): a link that keeps failing on separate days becomes
                          dead (3 failures at least 12 h apart); verdicts are reused for up to a week (alive),
                          a day (dead, moved) or never (unverified)
${ENGINE_HELP}

  SITE may be - to audit one HTML page read from standard input (its relative links are left out).

${EXIT_HELP}
Testing aid: STILL_THERE_NOW=2026-11-29T10:00:00Z runs as if at that moment (to try --cache across "days").`;

const AUDIT_OPTIONS = {
  ...ENGINE_OPTIONS,
  ...OUTPUT_OPTIONS,
  recurse: { type: 'boolean' },
  all: { type: 'boolean' },
  cache: { type: 'string' },
  feed: { type: 'string' },
  publisher: { type: 'string' },
  'sign-with': { type: 'string' },
} as const;

export interface AuditIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** For `audit -`: one HTML page read from here. */
  stdin?: AsyncIterable<Buffer | string>;
  /** A pretended clock (STILL_THERE_NOW, read by main.ts); null: the real one. */
  clock?: Clock | null;
}

export async function auditCommand(
  argv: string[],
  io: AuditIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const { values, positionals } = parse(argv, AUDIT_OPTIONS);
  if (values.help) {
    io.stdout.write(`${AUDIT_HELP}\n`);
    return 0;
  }
  const settings = engineSettings(values);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? 'give one site, folder or file to audit'
        : 'give the site to audit: an address, a folder or an HTML file',
    );
  const output = await outputSettings(values);
  const { format, failOn } = output;
  const target = positionals[0] === '-' ? await pageFromStdin(io.stdin) : await crawlTarget(positionals[0]!);
  if (values.cache !== undefined) await existingFolder(values.cache, '--cache');
  const publisher = values.feed === undefined ? null : await feedPublisher(values.feed, values.publisher, target);
  if (values.feed === undefined && values.publisher !== undefined)
    throw new UsageError('--publisher names who checked in a feed: give --feed FILE too');
  if (values.feed === undefined && values['sign-with'] !== undefined)
    throw new UsageError('--sign-with signs a feed: give --feed FILE too');
  const sign = values['sign-with'] === undefined ? null : await signingKey(values['sign-with']);
  const caPems = settings.caFiles.map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (err) {
      throw new UsageError(`--ca: cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
  const clock = io.clock ?? null;
  const now = () => (clock ? clock() : new Date());

  let cache: Cache = new Map();
  if (values.cache !== undefined) {
    try {
      cache = await loadCache(values.cache);
    } catch (err) {
      if (err instanceof CacheError) throw new UsageError(err.message);
      throw err;
    }
  }

  const everything = Boolean(values.all);
  const engine = createNodeEngine({ ...settings, newHomeFor, now });
  // The links' bar waits for the crawl's line to finish: one line of the terminal at a time.
  const progress = createProgress(io.stderr, 'links', { hidden: true });
  const checks = new Map<string, Promise<LinkHealth>>();

  const include = (key: string) => {
    if (checks.has(key)) return;
    progress.grow(1);
    const fresh = reusable(cache.get(key), now());
    const report = fresh ? Promise.resolve(fresh) : engine.check(key, cache.get(key));
    checks.set(
      key,
      report.then((r) => {
        progress.tick();
        if (!fresh) remember(cache, key, r);
        return r;
      }),
    );
  };

  let crawl: Crawl;
  const crawling = createCrawlProgress(io.stderr);
  try {
    crawl = await crawlSite({
      target,
      recurse: Boolean(values.recurse),
      connectTo: settings.connectTo.map(parseConnectTo),
      ca: caPems,
      timeoutMs: settings.timeoutMs,
      onPage: (read, found) => crawling.page(read, found),
      onOccurrence(o) {
        // A resource link by its address or its words: one such occurrence puts every occurrence on the worklist.
        if (everything || (o.text !== null && spotResource(spottingFacts(o, o.text)).resource))
          include(addressKey(o.href));
      },
    });
    crawling.stop();
    progress.show();
    await Promise.all(checks.values());
  } catch (err) {
    crawling.stop();
    // Checks already under way end with the engine: settle them quietly rather than as unhandled rejections.
    void Promise.allSettled(checks.values());
    progress.stop();
    engine.close();
    if (err instanceof CrawlError) {
      io.stderr.write(`still-there: ${terminalSafe(err.message)}\n`);
      return 2;
    }
    throw err;
  }
  progress.stop();
  engine.close();

  /** Every occurrence of each distinct address (the key: the address without fragment or credentials). */
  const found = new Map<string, Occurrence[]>();
  for (const o of crawl.occurrences) {
    const key = addressKey(o.href);
    let list = found.get(key);
    if (!list) found.set(key, (list = []));
    list.push(o);
  }
  const rows = [];
  for (const [key, report] of checks) {
    const foundOn: FoundOn[] = (found.get(key) ?? []).map((o) => ({
      page: o.page,
      text: o.text ?? '',
      position: o.position,
    }));
    rows.push(auditRow(await report, foundOn));
  }
  // Every check came back "offline": the machine, not the site, is the news; nothing was judged (exit 2).
  const offline = rows.length > 0 && rows.every((r) => r.reason === 'offline');
  const report = buildReport({
    site: positionals[0] === '-' ? 'standard input' : positionals[0]!,
    scope: everything ? 'all' : 'resources',
    generatedAt: now().toISOString(),
    pages: crawl.pages,
    rows,
    siteProblems: siteProblems(crawl),
    command: commandLine('audit', argv),
    offline,
  });
  const colour = output.out === null && format === 'table' && wantsColour(io.stdout);
  const text = render(report, format, { colour });
  if (!(await deliver(text, output.out, io))) return 2;

  if (format !== 'table' || output.out !== null) io.stderr.write(`${summaryText(report.summary)}\n`);
  if (offline) io.stderr.write(`still-there: ${OFFLINE_BANNER}\n`);

  if (values.feed !== undefined && publisher !== null && !offline) {
    const feed = buildFeed({
      publisher,
      site: report.site,
      generatedAt: report.generatedAt,
      reports: await settled(checks),
    });
    const text = renderFeed(feed);
    if (!(await deliver(sign ? await sign(text) : text, values.feed, io))) return 2;
  }

  if (values.cache !== undefined) {
    try {
      await saveCache(values.cache, cache, now());
    } catch (err) {
      if (!(err instanceof CacheError)) throw err;
      io.stderr.write(`still-there: ${err.message}\n`);
      return 2;
    }
  }
  if (offline) return 2;
  return report.rows.some((r) => failOn.has(r.verdict)) ? 1 : 0;
}

/** Who the feed says checked: --publisher as given, or the host of the audited site. */
async function feedPublisher(file: string, given: string | undefined, target: CrawlTarget): Promise<string> {
  await existingFolder(file, '--feed');
  const name = given ?? (target.kind === 'url' ? new URL(target.url).hostname : undefined);
  if (name === undefined)
    throw new UsageError(
      '--feed: name who checked with --publisher "Your organisation" (a folder has no host name to use)',
    );
  const problem = publisherProblem(name);
  if (problem) throw new UsageError(`--publisher: ${problem}`);
  return name;
}

async function settled(checks: Map<string, Promise<LinkHealth>>): Promise<Array<[string, LinkHealth]>> {
  return Promise.all([...checks].map(async ([key, report]) => [key, await report] as [string, LinkHealth]));
}

/** The crawl's problems by address, each with every page that links to it: one row per broken page of the site. */
function siteProblems(crawl: Crawl): SitePageProblem[] {
  const byUrl = new Map<string, SitePageProblem>();
  for (const p of crawl.problems) {
    let problem = byUrl.get(p.url);
    if (!problem) {
      const detail = p.why
        ? `it was read only in part: ${p.why}`
        : p.status
          ? `the server answered ${p.status}`
          : 'no answer came';
      byUrl.set(
        p.url,
        (problem = { url: p.url, status: p.why || !p.status ? null : p.status, detail, linkedFrom: [] }),
      );
    }
    if (p.linkedFrom && !problem.linkedFrom.includes(p.linkedFrom)) problem.linkedFrom.push(p.linkedFrom);
  }
  for (const problem of byUrl.values()) problem.linkedFrom.sort();
  return [...byUrl.values()];
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

/**
 * What spotting is told about a crawled link: the same evidence as on a live page (src/directory/link-evidence.ts)
 * when the crawl kept the page's HTML, its address and words alone otherwise.
 */
function spottingFacts(o: Occurrence, text: string): LinkFacts {
  const e = o.evidence;
  if (!e) return { href: o.href, text, pageHost: o.pageHost };
  return {
    href: o.href,
    text: e.words,
    title: e.title,
    pageHost: o.pageHost,
    context: () => e.context,
    inPageChrome: () => e.inPageChrome,
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
