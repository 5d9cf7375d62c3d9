/**
 * The feed reader on the largest inputs a feed may be (prints figures, never passes or fails): each case is read in a
 * process of its own, so its memory is its own, and the figures are the reader's time, the growth of the process's
 * peak resident memory while reading (Linux's VmHWM, reset just before; elsewhere the process's lifetime peak), and
 * the JavaScript heap's size just after (V8 grows the heap to its peak and gives it back only later). The input is
 * made beforehand and read from a file, outside the figures.
 *   npm run bench:feed-reader          (or: node bench/feed-reader-bench.ts [--json-parse])
 * --json-parse adds, for comparison, the nested case read the way the reader once did (JSON.parse first): about
 * 9 s and 2 GB on the machines that found it, so it is not run unless asked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { buildFeed, renderFeed } from '../src/feed/feed.ts';
import { FeedError, MAX_FEED_BYTES, readFeed } from '../src/feed/read-feed.ts';
import type { LinkHealth } from '../src/health/link-health.ts';

const MiB = 1024 * 1024;
const NOW = Date.parse('2026-12-03T08:00:00Z');

interface Figures {
  outcome: string;
  ms: number;
  peakRssGrowthMiB: number;
  heapAfterMiB: number;
}

// ── the child: one case, one process ───────────────────────────────────────────────────────────────────────────
const { values } = parseArgs({
  options: { child: { type: 'string' }, how: { type: 'string' }, 'json-parse': { type: 'boolean', default: false } },
});
if (values.child) {
  const text = readFileSync(values.child, 'utf8');
  (globalThis as { gc?: () => void }).gc?.();
  // Linux: the peak resident size (VmHWM) is reset here, so reading the file beforehand does not count.
  const resetPeak = (() => {
    try {
      writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  })();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    if (values.how === 'json-parse') {
      JSON.parse(text);
      outcome = 'parsed';
    } else outcome = `read: ${readFeed(text, { now: NOW }).links.length} links`;
  } catch (err) {
    outcome = err instanceof FeedError ? `refused: ${err.message}` : `failed: ${(err as Error).message}`;
  }
  const ms = performance.now() - started;
  const hwm = resetPeak ? /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')) : null;
  const peakRss = (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) * 1024;
  const figures: Figures = {
    outcome,
    ms,
    peakRssGrowthMiB: Math.max(0, peakRss - rssBefore) / MiB,
    heapAfterMiB: v8.getHeapStatistics().total_heap_size / MiB,
  };
  process.stdout.write(JSON.stringify(figures));
  process.exit(0);
}

// ── the parent: make each input, read it in a child, print a table ───────────────────────────────────────────
const at = '2026-12-03T02:00:00.000Z';
const report = (url: string, i: number): [string, LinkHealth] => {
  const dead = i % 4 === 0;
  return [
    url,
    {
      url,
      verdict: dead ? 'dead' : 'alive',
      reason: dead ? 'not-found' : 'ok',
      detail: '',
      status: dead ? 404 : 200,
      finalUrl: url,
      redirects: 0,
      newHome: null,
      archive: dead ? { url: `https://web.archive.org/web/20240101000000/${url}`, timestamp: '20240101000000' } : null,
      checkedAt: at,
      history: Array.from({ length: dead ? 3 : 1 }, () => ({
        at,
        outcome: dead ? ('dead' as const) : ('ok' as const),
        reason: dead ? ('not-found' as const) : ('ok' as const),
      })),
      firstFailedAt: dead ? at : null,
      lastAliveAt: dead ? null : at,
    },
  ];
};

/** A well-formed feed as close under 64 MiB as whole links make it (within the 200,000-link cap). */
function largestFeed(): string {
  const of = (n: number) =>
    renderFeed(
      buildFeed({
        publisher: 'Bench County',
        site: 'x',
        generatedAt: at,
        checks: Array.from({ length: n }, (_, i) => report(url(i), i)),
      }),
    );
  // A link's share of the text, without the document's own head.
  const perLink = (of(8).length - of(4).length) / 4;
  let count = Math.min(200_000, Math.floor((MAX_FEED_BYTES - 200) / perLink));
  for (;;) {
    const text = of(count);
    if (text.length <= MAX_FEED_BYTES) return text;
    // Over the cap: as many links fewer as the excess takes, and a few more.
    count = Math.floor(count * (MAX_FEED_BYTES / text.length)) - 8;
  }
}
function url(i: number): string {
  return `https://www.support-group-${String(i).padStart(6, '0')}.example.org/meetings/weekly-schedule-and-locations`;
}

const nestedDepth = 19 * MiB;
const feed64 = largestFeed();
const cases: Array<{ name: string; text: () => string; how?: string }> = [
  {
    name: '38 MiB of nested arrays under a key no feed has',
    text: () => `{"format":"still-there-verdict-feed","padding":${'['.repeat(nestedDepth)}${']'.repeat(nestedDepth)}}`,
  },
  {
    name: '38 MiB of nested arrays as the links',
    text: () =>
      `{"format":"still-there-verdict-feed","version":1,"links":${'['.repeat(nestedDepth)}${']'.repeat(nestedDepth)}}`,
  },
  { name: `a well-formed feed of ${(feed64.length / MiB).toFixed(1)} MiB`, text: () => feed64 },
  {
    name: 'the same feed with a U+202E in its last address',
    text: () => {
      const last = feed64.lastIndexOf('weekly-schedule');
      return `${feed64.slice(0, last)}\u202e${feed64.slice(last)}`;
    },
  },
  { name: 'one 63 MiB text', text: () => `{"format":"still-there-verdict-feed","site":"${'x'.repeat(63 * MiB)}"}` },
];
if (values['json-parse'])
  cases.push({ ...cases[0]!, name: `${cases[0]!.name}, JSON.parse first (the old way)`, how: 'json-parse' });

const dir = mkdtempSync(path.join(tmpdir(), 'still-there-feed-reader-bench-'));
try {
  console.log(`feed reader, one process a case (node ${process.version})`);
  console.log(
    'case'.padEnd(64),
    'time'.padStart(10),
    'peak RSS +'.padStart(12),
    'heap after'.padStart(12),
    '  outcome',
  );
  for (const c of cases) {
    const file = path.join(dir, 'input.json');
    const text = c.text();
    writeFileSync(file, text);
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', import.meta.filename, '--child', file, '--how', c.how ?? 'reader'],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const f = JSON.parse(out) as Figures;
    console.log(
      `${c.name} (${(text.length / MiB).toFixed(1)} MiB)`.padEnd(64),
      `${f.ms.toFixed(0)} ms`.padStart(10),
      `${f.peakRssGrowthMiB.toFixed(0)} MiB`.padStart(12),
      `${f.heapAfterMiB.toFixed(0)} MiB`.padStart(12),
      ` ${f.outcome.slice(0, 90)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
