/**
 * `still-there audit SITE`: crawl a directory site (linkinator finds the pages and their links), check every
 * distinct outbound link once with the engine, and write a worklist of what is dead or moved, with replacements
 * and the pages to edit. Verdicts persist across runs with --cache, so the confirmation rule spans nights.
 */
import { readFileSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { normaliseUrl } from '../health/address.ts';
import { isVerdict, type LinkReport, type Verdict } from '../health/verdict.ts';
import { newHomeFor } from '../directory/lookup.ts';
import { spotResource, type LinkFacts } from '../directory/spotting.ts';
import { auditRow, buildReport, summaryText, type FoundOn } from '../report/model.ts';
import { FORMATS, isFormat, render, type Format } from '../report/render.ts';
import { terminalSafe } from '../report/table.ts';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, parse, UsageError } from './args.ts';
import { CacheError, loadCache, remember, reusable, saveCache, type Cache } from './audit-cache.ts';
import type { Clock } from './audit-clock.ts';
import { CrawlError, crawlSite, type Crawl, type CrawlTarget, type Occurrence } from './audit-crawl.ts';
import { createNodeEngine } from './engine.ts';
import { parseConnectTo } from './http-transport.ts';
import { createProgress } from './progress.ts';

export const AUDIT_HELP = `still-there audit — which links on a directory site are dead or moved, and what replaces them?

Usage: still-there audit SITE [options]
  SITE is a page's address (https://…) or a local folder or HTML file (served on 127.0.0.1 for the crawl).

  --recurse               also audit every page of the site under SITE that its pages link to
                          (default: only the page SITE)
  --all                   check every outbound link (default: only links to mutual-aid resources)
  --format F              ${FORMATS.join(', ')}: a table by page (default), one JSON document, CSV (one row per
                          link and page), a Markdown worklist for an issue tracker, or an HTML report to open offline
  --out FILE              write the report to FILE instead of standard output
  --cache FILE            remember verdicts between runs (JSON): a link that keeps failing on separate days becomes
                          dead (3 failures at least 12 h apart); verdicts are reused for up to a week (alive),
                          a day (dead, moved) or never (unverified)
  --fail-on V[,V…]        exit 1 when a link is V: dead (default), moved, unverified
${ENGINE_HELP}

Exit status: 0 nothing matching --fail-on, 1 something matching it, 2 bad usage or the site could not be read.
Testing aid: STILL_THERE_NOW=2026-11-29T10:00:00Z runs as if at that moment (to try --cache across "days").`;

const AUDIT_OPTIONS = {
  ...ENGINE_OPTIONS,
  recurse: { type: 'boolean' },
  all: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  cache: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;


export interface AuditIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** A pretended clock (STILL_THERE_NOW, read by main.ts); null: the real one. */
  clock?: Clock | null;
}

export async function auditCommand(argv: string[], io: AuditIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const { values, positionals } = parse(argv, AUDIT_OPTIONS);
  if (values.help) {
    io.stdout.write(`${AUDIT_HELP}\n`);
    return 0;
  }
  const settings = engineSettings(values);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one site, folder or file to audit' : 'give the site to audit: an address, a folder or an HTML file');
  const target = await crawlTarget(positionals[0]!);
  const format = values.format ?? 'table';
  if (!isFormat(format)) throw new UsageError(`--format wants one of ${FORMATS.join(', ')}; got "${format}"`);
  const failOn = parseFailOn(values['fail-on']);
  if (values.out !== undefined) await existingFolder(values.out, '--out');
  if (values.cache !== undefined) await existingFolder(values.cache, '--cache');
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
  const progress = createProgress(io.stderr, 'links');
  const checks = new Map<string, Promise<LinkReport>>();

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
  try {
    crawl = await crawlSite({
      target,
      recurse: Boolean(values.recurse),
      connectTo: settings.connectTo.map(parseConnectTo),
      ca: caPems,
      timeoutMs: settings.timeoutMs,
      onOccurrence(o) {
        // A resource link by its address or its words: one such occurrence puts every occurrence on the worklist.
        if (everything || (o.text !== null && spotResource(spottingFacts(o, o.text)).resource)) include(addressKey(o.href));
      },
    });
    await Promise.all(checks.values());
  } catch (err) {
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
    const foundOn: FoundOn[] = (found.get(key) ?? []).map((o) => ({ page: o.page, text: o.text ?? '', position: o.position }));
    rows.push(auditRow(await report, foundOn));
  }
  const report = buildReport({ site: positionals[0]!, scope: everything ? 'all' : 'resources', generatedAt: now().toISOString(), pages: crawl.pages, rows });
  const colour = values.out === undefined && format === 'table' && Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  const text = render(report, format as Format, { colour });
  if (values.out !== undefined) {
    try {
      await writeFile(values.out, text, 'utf8');
    } catch (err) {
      io.stderr.write(`still-there: could not write ${terminalSafe(values.out)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 2;
    }
  } else io.stdout.write(text);

  for (const p of crawl.problems.slice(0, 10)) {
    const what = p.why ? `was read only in part: ${p.why}` : `answered ${p.status || 'nothing'}`;
    io.stderr.write(`still-there: note: ${terminalSafe(p.url)} on the site ${what}${p.linkedFrom ? ` (linked from ${terminalSafe(p.linkedFrom)})` : ''}\n`);
  }
  if (crawl.problems.length > 10) io.stderr.write(`still-there: note: ${crawl.problems.length - 10} more of the site's own links answered an error\n`);
  if (format !== 'table' || values.out !== undefined) io.stderr.write(`${summaryText(report.summary)}\n`);

  if (values.cache !== undefined) {
    try {
      await saveCache(values.cache, cache, now());
    } catch (err) {
      if (!(err instanceof CacheError)) throw err;
      io.stderr.write(`still-there: ${err.message}\n`);
      return 2;
    }
  }
  return report.rows.some((r) => failOn.has(r.verdict)) ? 1 : 0;
}

/** Links are checked and cached under one form; an href that is no address at all stays as written. */
function addressKey(href: string): string {
  try {
    return normaliseUrl(href);
  } catch {
    return href;
  }
}

async function crawlTarget(given: string): Promise<CrawlTarget> {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(given)) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new UsageError(`"${given}" is not a web address`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`audit reads http(s) sites or local files, not ${url.protocol} addresses`);
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

function parseFailOn(value: string | undefined): Set<Verdict> {
  if (value === undefined) return new Set(['dead']);
  const wanted = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = wanted.find((v) => !isVerdict(v) || v === 'alive');
  if (bad !== undefined || wanted.length === 0) throw new UsageError(`--fail-on wants dead, moved or unverified (comma-separated), got "${value}"`);
  return new Set(wanted as Verdict[]);
}

async function existingFolder(file: string, option: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`${option}: the folder ${folder} does not exist`);
  }
}

/**
 * What spotting is told about a crawled link: the same evidence as on a live page (src/directory/link-evidence.ts)
 * when the crawl kept the page's HTML, its address and words alone otherwise.
 */
function spottingFacts(o: Occurrence, text: string): LinkFacts {
  const e = o.evidence;
  if (!e) return { href: o.href, text, pageHost: o.pageHost };
  return { href: o.href, text: e.words, title: e.title, pageHost: o.pageHost, context: () => e.context, inPageChrome: () => e.inPageChrome };
}
