/**
 * `still-there audit START...`: crawl a directory site (linkinator finds the pages and their links), check every
 * distinct outbound link once with the engine, and write a worklist of what is dead or moved, with replacements
 * and the pages to edit. Verdicts persist across runs with --cache, so the confirmation rule spans nights and every
 * report says what changed since the previous one.
 *
 * A run always reports: an unreadable start, an offline night, a bound reached or a Ctrl-C still write the report
 * (to --out when given) with the reason first, and the exit status says which (EXIT in output-options.ts).
 */
import { readFileSync } from 'node:fs';
import { buildFeed, publisherProblem, renderFeed } from '../feed/feed.ts';
import { WAYBACK_DEFAULT, waybackAt } from '../health/archives/wayback.ts';
import { signingKey } from './keygen-command.ts';
import { addressKey } from '../health/address.ts';
import type { Verdict } from '../health/verdict.ts';
import type { LinkHealth } from '../health/link-health.ts';
import { newHomeFor } from '../directory/lookup.ts';
import { spotResource, type LinkFacts } from '../directory/spotting.ts';
import {
  auditRow,
  buildReport,
  OFFLINE_BANNER,
  reportSummaryText,
  type Archiving,
  type AuditRow,
  type FoundOn,
  type Notice,
  type NumberFinding,
  type SitePageProblem,
  type Skipped,
} from '../report/model.ts';
import { render } from '../report/render.ts';
import {
  CONFIG_HELP,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_TIME,
  DEFAULT_SAVE_MONTHS,
  DEFAULT_SAVES_A_NIGHT,
  duration,
  engineSettings,
  EXIT_HELP,
  listOption,
  optionsHelp,
  parse,
  stringOption,
  switchOption,
  UsageError,
  webAddressOption,
  wholeNumber,
  type OptionValues,
} from './args.ts';
import { CacheError, loadCache, remember, reusable, saveCache, type Cache } from './audit-cache.ts';
import type { Clock } from './audit-clock.ts';
import { CrawlError, siteFetcher, type Crawl, type CrawlTarget, type Occurrence } from './audit-crawl.ts';
import { crawlWithDocuments } from './audit-documents.ts';
import { chartNights, loadNights, sinceLastRun, withTonight, type Night } from './audit-nights.ts';
import { parseStarts, sitemapFetcher, sitemapTargets } from './audit-starts.ts';
import { readConfig, withConfig } from './config-file.ts';
import { createNodeEngine } from './engine.ts';
import { parseConnectTo } from './http-transport.ts';
import { linkFilter } from './link-filter.ts';
import { commandLine, deliver, existingFolder, EXIT, outputSettings, wantsColour } from './output-options.ts';
import { createCrawlProgress, createProgress } from './progress.ts';
import { runBounds, type ProcessSignals } from './run-bounds.ts';
import { keysFromEnv, saveAlive, type CaptureMemory } from './save-alive.ts';

export const AUDIT_HELP = `still-there audit — which links on a directory site are dead or moved, and what replaces them?

Usage: still-there audit START... [options]
  START is a page's address (https://…), a sitemap (an address or file named sitemap.xml, .xml.gz too), a local
  folder or HTML or Markdown file (served on 127.0.0.1 for the crawl), or - for one page on standard input (its
  relative links left out). Several addresses make one audit. A PDF handout (a file, or an address ending in .pdf)
  is read as a page of its own: its links by page, and the phone numbers it prints for a group that are not the
  group's number now; with --recurse, so are the site's own PDFs its pages link to.

  The report (table by page, one JSON document, CSV with one row per link and page, a Markdown worklist for an
  issue tracker, or an HTML report to open offline) opens with what went wrong, what was not checked and why, and
  with --cache what changed since the previous run.

${optionsHelp('audit')}

${CONFIG_HELP}

${EXIT_HELP}`;

export interface AuditIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** For `audit -`: one HTML page read from here. */
  stdin?: AsyncIterable<Buffer | string>;
  /** A pretended clock (read by main.ts); null: the real one. */
  clock?: Clock | null;
  /** The process whose Ctrl-C (SIGINT) and SIGTERM end the run early, with its report; none: not watched. */
  signals?: ProcessSignals | null;
  /** Where Save Page Now's keys are read (process.env). */
  env?: Record<string, string | undefined>;
}

/** --save-alive's settings, or why it cannot run tonight. */
type SaveAliveChoice =
  | { on: false }
  | { on: true; keys: { access: string; secret: string }; months: number; perNight: number; endpoint: string }
  | { on: true; keys: null; why: string };

export async function auditCommand(
  argv: string[],
  io: AuditIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const parsed = parse(argv, 'audit');
  if (switchOption(parsed.values, 'help')) {
    io.stdout.write(`${AUDIT_HELP}\n`);
    return EXIT.ok;
  }
  const config = await readConfig('audit', stringOption(parsed.values, 'config'));
  const values = withConfig(config, parsed.values);
  const settings = engineSettings(values);
  const output = await outputSettings(values);
  const { format, failOn } = output;
  const cacheFile = stringOption(values, 'cache');
  if (failOn.newDead && cacheFile === undefined)
    throw new UsageError('--fail-on new-dead needs --cache FILE: what died is told from the previous run');
  const filter = await linkFilter(values);
  const maxDepthGiven = stringOption(values, 'max-depth');
  const maxDepth = maxDepthGiven === undefined ? null : wholeNumber(maxDepthGiven, '--max-depth', 0, { zero: true });
  const recurse = Boolean(switchOption(values, 'recurse')) || maxDepth !== null;
  const maxPages = wholeNumber(stringOption(values, 'max-pages'), '--max-pages', DEFAULT_MAX_PAGES);
  const maxTimeMs = duration(stringOption(values, 'max-time') ?? DEFAULT_MAX_TIME, '--max-time');
  const starts = await parseStarts(parsed.positionals, listOption(values, 'sitemap'), io.stdin);
  if (cacheFile !== undefined) await existingFolder(cacheFile, '--cache');
  const feedFile = stringOption(values, 'feed');
  const publisherGiven = stringOption(values, 'publisher');
  if (feedFile === undefined && publisherGiven !== undefined)
    throw new UsageError('--publisher names who checked in a feed: give --feed FILE too');
  const publisher = feedFile === undefined ? null : await feedPublisher(feedFile, publisherGiven, starts);
  const signWith = stringOption(values, 'sign-with');
  if (feedFile === undefined && signWith !== undefined)
    throw new UsageError('--sign-with signs a feed: give --feed FILE too');
  const sign = signWith === undefined ? null : await signingKey(signWith);
  const saving = saveAliveChoice(values, io.env ?? process.env);
  const caPems = settings.caFiles.map((f) => {
    try {
      return readFileSync(f, 'utf8');
    } catch (err) {
      throw new UsageError(`--ca: cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
  const clock = io.clock ?? null;
  const now = () => (clock ? clock() : new Date());
  const command = commandLine('audit', argv, config.file);

  let cache: Cache = new Map();
  let nights: Night[] = [];
  let captures = new Map<string, CaptureMemory>();
  if (cacheFile !== undefined) {
    try {
      cache = await loadCache(cacheFile);
    } catch (err) {
      if (err instanceof CacheError) throw new UsageError(err.message);
      throw err;
    }
    nights = await loadNights(cacheFile);
    captures = await loadCaptures(cacheFile);
  }

  const bounds = runBounds({
    maxTimeMs,
    signals: io.signals ?? null,
    onInterrupt: () =>
      io.stderr.write('\nstill-there: interrupted; writing the report and keeping what was checked…\n'),
  });
  const everything = Boolean(switchOption(values, 'all'));
  const engine = createNodeEngine({ ...settings, newHomeFor, now });
  const network = siteFetcher({
    connectTo: settings.connectTo.map(parseConnectTo),
    ca: caPems,
    headers: settings.headers ?? [],
    userAgent: settings.userAgent ?? null,
  });
  // The links' bar waits for the crawl's line to finish: one line of the terminal at a time.
  const progress = createProgress(io.stderr, 'links', { hidden: true });
  const checks = new Map<string, Promise<LinkHealth>>();
  /** Checks that have come back, by key: what a run ended early still reports. */
  const done = new Map<string, LinkHealth>();
  const excluded = new Set<string>();
  /** Resource links found after the run was ended early: never checked, and counted as left out. */
  const tooLate = new Set<string>();

  const include = (key: string) => {
    if (checks.has(key)) return;
    if (bounds.signal.aborted) {
      tooLate.add(key);
      return;
    }
    progress.grow(1);
    const fresh = reusable(cache.get(key), now());
    const report = fresh ? Promise.resolve(fresh) : engine.check(key, cache.get(key));
    checks.set(
      key,
      report.then((r) => {
        progress.tick();
        if (!fresh) remember(cache, key, r);
        done.set(key, r);
        return r;
      }),
    );
  };

  const notices: Notice[] = [];
  const finish = async (code: number): Promise<number> => {
    bounds.close();
    progress.stop();
    engine.close();
    await network.close();
    return code;
  };

  // Sitemaps first: their pages are the starts.
  let targets: CrawlTarget[] = starts.targets;
  const startProblems: Array<{ start: string; why: string }> = [];
  if (starts.sitemaps.length) {
    const fromSitemaps = await sitemapTargets(starts.sitemaps, sitemapFetcher(network.fetch));
    targets = [...targets, ...fromSitemaps.targets];
    startProblems.push(...fromSitemaps.problems);
  }

  let crawl: (Crawl & { numbers?: NumberFinding[] }) | null = null;
  const crawling = createCrawlProgress(io.stderr);
  if (targets.length) {
    try {
      // A PDF handout is read as a page of its own; a site's own PDFs too, with --recurse (audit-documents.ts).
      crawl = await crawlWithDocuments({
        targets,
        recurse,
        maxDepth,
        maxPages,
        stop: bounds.signal,
        pageExcluded: (url) => filter.pageExcluded(url),
        connectTo: settings.connectTo.map(parseConnectTo),
        ca: caPems,
        timeoutMs: settings.timeoutMs,
        userAgent: settings.userAgent ?? null,
        headers: settings.headers ?? [],
        onPage: (read, found) => crawling.page(read, found),
        onOccurrence(o) {
          const key = addressKey(o.href, o.pageHost || undefined);
          // --include wins over everything; an exclusion over spotting; otherwise a resource link by its address
          // or its words: one such occurrence puts every occurrence on the worklist.
          if (filter.included(o.href) || filter.included(key)) include(key);
          else if (filter.excluded(o.href) || filter.excluded(key)) excluded.add(key);
          else if (everything || (o.text !== null && spotResource(spottingFacts(o, o.text)).resource)) include(key);
        },
      });
    } catch (err) {
      if (!(err instanceof CrawlError)) throw err;
      startProblems.push({ start: '', why: err.message });
    } finally {
      crawling.stop();
    }
  }

  // Nothing could be read at all: the night still reports, and says why, in plain words.
  if (!crawl) {
    const offline = !(await engine.online());
    const why = startProblems.map((p) => (p.start ? `${p.start}: ${p.why}` : p.why)).join('; ');
    notices.push(
      offline
        ? {
            kind: 'offline',
            text: `This computer appeared to be offline: the site could not be read (${why}). Nothing was checked${cacheFile ? '; the verdicts of earlier runs are kept' : ''}.`,
          }
        : { kind: 'start-unreadable', text: `The audit could not run: ${why}. Nothing was checked.` },
    );
    const report = buildReport({
      site: starts.site,
      scope: everything ? 'all' : 'resources',
      generatedAt: now().toISOString(),
      pages: [],
      rows: [],
      command,
      notices,
    });
    const delivered = await deliver(render(report, format, { colour: false }), output.out, io);
    io.stderr.write(`still-there: ${notices[0]!.text}\n`);
    return finish(!delivered ? EXIT.nothing : offline ? EXIT.offline : EXIT.nothing);
  }

  // The checks, until they are done or the run is ended early.
  progress.show();
  await Promise.race([
    Promise.all(checks.values()),
    new Promise<void>((r) => bounds.signal.addEventListener('abort', () => r(), { once: true })),
  ]);
  const endedBy = bounds.reason ?? crawl.stopped?.why ?? null;
  progress.stop();

  /** Every occurrence of each distinct address (the key: the address without fragment or credentials). */
  const found = new Map<string, Occurrence[]>();
  for (const o of crawl.occurrences) {
    const key = addressKey(o.href, o.pageHost || undefined);
    let list = found.get(key);
    if (!list) found.set(key, (list = []));
    list.push(o);
  }
  const rows: AuditRow[] = [];
  for (const [key, report] of done) {
    const foundOn: FoundOn[] = (found.get(key) ?? []).map((o) => ({
      page: o.page,
      text: o.text ?? '',
      position: o.position,
      ...(o.place ? { place: o.place } : {}),
    }));
    rows.push(auditRow(report, foundOn));
  }
  const notChecked = [...checks.keys()].filter((k) => !done.has(k)).length + tooLate.size;
  // Every check came back "offline": the machine, not the site, is the news; nothing was judged.
  const offline = rows.length > 0 && rows.every((r) => r.reason === 'offline');

  for (const p of [...startProblems, ...crawl.startProblems])
    notices.push({ kind: 'start-unreadable', text: `Not audited: ${p.start ? `${p.start}: ` : ''}${p.why}.` });
  if (endedBy)
    notices.push(
      endedEarly(endedBy, crawl, notChecked, maxPages, stringOption(values, 'max-time') ?? DEFAULT_MAX_TIME),
    );
  const skipped: Skipped[] = [
    {
      why: 'not-a-resource',
      count: [...found.keys()].filter((k) => !checks.has(k) && !excluded.has(k) && !tooLate.has(k)).length,
    },
    { why: 'excluded', count: excluded.size },
    { why: 'not-web', count: crawl.notWeb.length },
    { why: 'page-excluded', count: crawl.excludedPages.length },
    { why: 'beyond-depth', count: crawl.beyondDepth.length },
    { why: 'pages-left-out', count: crawl.stopped?.leftOut.length ?? 0 },
    { why: 'links-left-out', count: notChecked },
  ];
  if (crawl.pages.length === 0 && !endedBy)
    notices.push({
      kind: 'nothing-to-check',
      text: 'No page was read: nothing at the start was a web page (HTML or Markdown), so nothing was checked.',
    });
  else if (rows.length === 0 && !endedBy)
    notices.push({
      kind: 'nothing-to-check',
      text: `No link was checked on ${crawl.pages.length} ${crawl.pages.length === 1 ? 'page' : 'pages'}${skipped[0]!.count ? `: ${skipped[0]!.count} ${skipped[0]!.count === 1 ? 'link was' : 'links were'} not recognised as resources (--all checks every link)` : ': it has no outbound link'}.`,
    });

  // Since the previous run, over complete runs only: a night ended early says nothing of what it did not check.
  const tonight = new Map<string, Verdict>([...done].map(([key, r]) => [key, r.verdict]));
  const complete = !endedBy && !offline && crawl.startProblems.length === 0 && startProblems.length === 0;
  const since = cacheFile !== undefined && !offline ? sinceLastRun(nights, tonight, now()) : null;
  if (cacheFile !== undefined && complete) nights = withTonight(nights, tonight, now());

  let archiving: Archiving | undefined;
  if (saving.on && !offline) {
    if (saving.keys === null) {
      notices.push({ kind: 'archiving', text: `Nothing was archived: ${saving.why}.` });
    } else if (!bounds.signal.aborted) {
      const alive = rows.filter((r) => r.verdict === 'alive').map((r) => r.url);
      const endpoints = settings.archiveEndpoint ? waybackAt(settings.archiveEndpoint) : WAYBACK_DEFAULT;
      const result = await saveAlive(alive, captures, {
        endpoint: saving.endpoint,
        cdx: endpoints.cdx,
        keys: saving.keys,
        olderThanMonths: saving.months,
        perNight: saving.perNight,
        now,
        stop: bounds.signal,
        fetch: network.fetch,
      });
      archiving = { captures: result.captures, waiting: result.waiting };
      if (result.note) notices.push({ kind: 'archiving', text: `Archiving stopped: ${result.note}.` });
    }
  }

  const report = buildReport({
    site: starts.site,
    scope: everything ? 'all' : 'resources',
    generatedAt: now().toISOString(),
    pages: crawl.pages,
    rows,
    siteProblems: siteProblems(crawl),
    ...(crawl.numbers ? { numbers: crawl.numbers } : {}),
    command,
    offline,
    notices,
    skipped,
    ...(since ? { sinceLastRun: since } : {}),
    ...(cacheFile !== undefined ? { nights: chartNights(nights) } : {}),
    ...(archiving ? { archiving } : {}),
  });
  const colour = output.out === null && format === 'table' && wantsColour(io.stdout);
  if (!(await deliver(render(report, format, { colour }), output.out, io))) return finish(EXIT.nothing);

  if (format !== 'table' || output.out !== null) io.stderr.write(`${reportSummaryText(report)}\n`);
  for (const n of notices) io.stderr.write(`still-there: ${n.text}\n`);
  if (offline) io.stderr.write(`still-there: ${OFFLINE_BANNER}\n`);

  // The feed holds what was checked (an early end's too: each verdict stands on its own); nothing from offline.
  if (feedFile !== undefined && publisher !== null && !offline) {
    const feed = buildFeed({
      publisher,
      site: report.site,
      generatedAt: report.generatedAt,
      checks: done,
      // An early end says so in the feed too: a link it does not hold was not checked, not found alive.
      endedEarly: endedBy
        ? { why: endedBy, pagesNotRead: crawl.stopped?.leftOut.length ?? 0, linksNotChecked: notChecked }
        : null,
    });
    const text = renderFeed(feed);
    if (!(await deliver(sign ? await sign(text) : text, feedFile, io))) return finish(EXIT.nothing);
  }

  if (cacheFile !== undefined) {
    try {
      await saveCache(cacheFile, cache, now(), { nights, captures: [...captures.values()] });
    } catch (err) {
      if (!(err instanceof CacheError)) throw err;
      io.stderr.write(`still-there: ${err.message}\n`);
      return finish(EXIT.nothing);
    }
  }
  if (offline) return finish(EXIT.offline);
  if (endedBy === 'interrupted') return finish(EXIT.interrupted);
  if (startProblems.length || crawl.startProblems.length || notices.some((n) => n.kind === 'nothing-to-check'))
    return finish(EXIT.nothing);
  if (endedBy) return finish(EXIT.endedEarly);
  const failing =
    rows.some((r) => failOn.verdicts.has(r.verdict)) || (failOn.newDead && (since?.newlyDead.length ?? 0) > 0);
  return finish(failing ? EXIT.failOn : EXIT.ok);
}

/** What an early end left out, and why, in the editor's words. */
function endedEarly(
  why: NonNullable<Crawl['stopped']>['why'],
  crawl: Crawl,
  linksLeft: number,
  maxPages: number,
  maxTime: string,
): Notice {
  const pagesLeft = crawl.stopped?.leftOut.length ?? 0;
  const cause =
    why === 'max-pages'
      ? `it read its limit of ${maxPages} pages (--max-pages)`
      : why === 'max-time'
        ? `it ran for its limit of ${maxTime} (--max-time)`
        : 'it was interrupted';
  const left = [
    pagesLeft ? `${pagesLeft} of the site's ${pagesLeft === 1 ? 'page was' : 'pages were'} not read` : '',
    linksLeft ? `${linksLeft} ${linksLeft === 1 ? 'link was' : 'links were'} not checked` : '',
  ].filter(Boolean);
  return {
    kind: why === 'interrupted' ? 'interrupted' : 'ended-early',
    text: `The audit ended early: ${cause}. ${left.length ? `${left.join(' and ')}; this` : 'This'} report holds only what was done.`,
  };
}

function saveAliveChoice(values: OptionValues, env: Record<string, string | undefined>): SaveAliveChoice {
  const months = wholeNumber(stringOption(values, 'save-alive-months'), '--save-alive-months', DEFAULT_SAVE_MONTHS);
  const perNight = wholeNumber(
    stringOption(values, 'save-alive-per-night'),
    '--save-alive-per-night',
    DEFAULT_SAVES_A_NIGHT,
  );
  const endpoint = stringOption(values, 'save-endpoint');
  if (endpoint !== undefined) webAddressOption(endpoint, '--save-endpoint');
  if (!switchOption(values, 'save-alive')) return { on: false };
  const keys = keysFromEnv(env);
  // A night without keys still audits: the report says what was not done, and how to have it done.
  if (!keys)
    return {
      on: true,
      keys: null,
      why: 'Save Page Now needs archive.org keys in IA_ACCESS_KEY_ID and IA_SECRET_ACCESS_KEY (from https://archive.org/account/s3.php)',
    };
  return { on: true, keys, months, perNight, endpoint: endpoint ?? 'https://web.archive.org' };
}

/** What --save-alive remembers of each link's captures, kept in the cache file beside its verdicts. */
async function loadCaptures(file: string): Promise<Map<string, CaptureMemory>> {
  const out = new Map<string, CaptureMemory>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return out;
  }
  const list = (data as { captures?: unknown } | null)?.captures;
  if (!Array.isArray(list)) return out;
  for (const c of list as Array<Record<string, unknown>>) {
    if (
      typeof c?.url === 'string' &&
      (c.lastCapture === null || (typeof c.lastCapture === 'string' && /^\d{14}$/.test(c.lastCapture))) &&
      typeof c.lookedAt === 'string' &&
      !Number.isNaN(Date.parse(c.lookedAt))
    )
      out.set(c.url, { url: c.url, lastCapture: c.lastCapture as string | null, lookedAt: c.lookedAt });
  }
  return out;
}

/** Who the feed says checked: --publisher as given, or the host of the audited site. */
async function feedPublisher(
  file: string,
  given: string | undefined,
  starts: { targets: CrawlTarget[]; sitemaps: string[] },
): Promise<string> {
  await existingFolder(file, '--feed');
  const first = starts.targets[0];
  const address = first?.kind === 'url' ? first.url : starts.sitemaps.find((s) => /^https?:/i.test(s));
  const name = given ?? (address ? new URL(address).hostname : undefined);
  if (name === undefined)
    throw new UsageError(
      '--feed: name who checked with --publisher "Your organisation" (a folder has no host name to use)',
    );
  const problem = publisherProblem(name);
  if (problem) throw new UsageError(`--publisher: ${problem}`);
  return name;
}

/** The crawl's problems by address, each with every page that links to it: one row per broken page of the site. */
function siteProblems(crawl: Crawl): SitePageProblem[] {
  const byUrl = new Map<string, SitePageProblem>();
  for (const p of crawl.problems) {
    let problem = byUrl.get(p.url);
    if (!problem) {
      const detail = p.detail
        ? p.detail
        : p.why
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
