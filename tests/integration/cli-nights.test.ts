/**
 * The nightly job, night after night (issue 27, parts 6–8), as a child process in the sealed network: a failed night
 * (offline, or interrupted with Ctrl-C) still writes its report and keeps the cache; every report with --cache opens
 * with what changed since the previous night, over three simulated nights; --fail-on new-dead; the HTML report's
 * chart of the nights with its table twin; and --save-alive against the emulated Save Page Now 2, its rate-limit
 * answers included.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCache } from '../../src/cli/audit-cache.ts';
import { stillThere, type CliRun } from '../fixtures/sealed/cli.ts';
import { ARCHIVE } from '../fixtures/simweb/wayback.ts';
import { send, type Handler } from '../fixtures/simweb/respond.ts';
import { createSavePageNow, type SavePageNow } from '../fixtures/simweb/save-page-now.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

/** A directory page whose three links a test changes from night to night. */
const NIGHTLY_HOST = 'www.nightly-directory.org';
const GROUPS_HOST = 'www.nightly-groups.org';
const A = `https://${GROUPS_HOST}/a`;
const B = `https://${GROUPS_HOST}/b`;
const C = `https://${GROUPS_HOST}/c`;
const state: Record<string, 'alive' | 'gone' | 'moved'> = { a: 'alive', b: 'alive', c: 'gone' };

const directory: Handler = (v) =>
  send(
    v,
    200,
    `<!doctype html><title>Groups</title><ul>
<li>Weekly meetings: <a href="${A}">Alcoholics Anonymous meeting list</a></li>
<li>Families: <a href="${B}">Al-Anon family groups</a></li>
<li>Gambling: <a href="${C}">Gamblers Anonymous meetings</a></li></ul>`,
  );
const groups: Handler = (v) => {
  const now = state[v.pathname.slice(1)];
  if (now === 'moved') return send(v, 301, '', { location: 'https://www.nami.org/' });
  if (now === 'alive')
    return send(
      v,
      200,
      `<!doctype html><title>Meetings</title><h1>Meetings</h1><p>${'Our groups meet weekly in the community rooms of the library and the hospital. '.repeat(8)}${v.pathname}</p>`,
    );
  return send(v, 404, '<!doctype html><title>Not found</title><h1>Not found</h1>');
};

const QUICK_HOST = 'www.quick-groups.org';
const QUICK = [1, 2, 3, 4, 5].map((n) => `https://${QUICK_HOST}/meetings/${n}`);

let sim: SimWeb;
let spn: SavePageNow;
let scratch: string;
beforeAll(async () => {
  spn = createSavePageNow({ perMinute: 6, script: ['too-many-requests'], retryAfterSeconds: 1, pendingLooks: 1 });
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().replace(/\D/g, '').slice(0, 14);
  sim = await startSimWeb({
    handlers: { [NIGHTLY_HOST]: directory, [GROUPS_HOST]: groups },
    // Slow sites (20 pages each, every answer after 1.5 s) and one quick one: what a Ctrl-C catches half-way.
    bulkHosts: { count: 5, linksPerHost: 20, delayMs: 1500 },
    pages: {
      [QUICK_HOST]: Object.fromEntries(
        QUICK.map((u) => [new URL(u).pathname, `<!doctype html><title>Meeting</title><h1>Meeting</h1><p>${u}</p>`]),
      ),
    },
    savePageNow: spn,
    archive: {
      ...ARCHIVE,
      // A recent capture: no need to ask for another.
      'https://www.aa.org/find-aa': {
        captures: [
          {
            original: 'https://www.aa.org/find-aa',
            timestamp: monthAgo,
            status: 200,
            mimetype: 'text/html',
            body: '<title>Find A.A.</title>',
          },
        ],
      },
      // A capture years old: time for a new one.
      'https://www.nami.org/': {
        captures: [
          {
            original: 'https://www.nami.org/',
            timestamp: '20190301120000',
            status: 200,
            mimetype: 'text/html',
            body: '<title>NAMI</title>',
          },
        ],
      },
    },
  });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-nights-'));
});
afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function audit(args: string[], env: Record<string, string> = {}, condition?: 'offline'): Promise<CliRun> {
  return stillThere(sim, ['audit', ...args], { env, ...(condition ? { condition } : {}) });
}

const night = (n: number) => `2026-12-${String(n).padStart(2, '0')}T02:30:00Z`;

describe('since the previous night, over three nights', () => {
  it('opens every format with newly dead, newly moved, recovered and still dead; --fail-on new-dead; the chart', async () => {
    const cache = path.join(scratch, 'three-nights.json');
    const start = `https://${NIGHTLY_HOST}/`;
    const run = (n: number, args: string[]) => audit([start, '--cache', cache, ...args], { STILL_THERE_NOW: night(n) });

    // Night 1: A and B alive, C dead. The first run has nothing to compare with; every dead link is new to it.
    Object.assign(state, { a: 'alive', b: 'alive', c: 'gone' });
    const first = await run(1, ['--format', 'json', '--fail-on', 'new-dead']);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout).sinceLastRun).toEqual({
      previousRunAt: null,
      newlyDead: [C],
      newlyMoved: [],
      recovered: [],
      stillDead: [],
    });

    // Night 2, after the week an alive verdict is trusted: A died, B moved; C still dead.
    Object.assign(state, { a: 'gone', b: 'moved' });
    const second = await run(9, ['--format', 'md', '--fail-on', 'new-dead']);
    expect(second.code).toBe(1);
    const md = second.stdout;
    expect(md.indexOf('## Since the previous run')).toBeLessThan(md.indexOf('## Dead links'));
    expect(md).toContain(
      'Since the previous run (2026-12-01 02:30 UTC): 1 newly dead, 1 newly moved, 0 recovered, 1 still dead.',
    );
    expect(md).toContain(`- **Newly dead**: <${A}>`);
    expect(md).toContain(`- **Newly moved**: <${B}>`);
    expect(md).toContain(`- Still dead: <${C}> (2 nights)`);

    // A second run the same night compares with the same previous night, not with the first run of tonight.
    const again = await run(9, ['--format', 'table']);
    expect(again.stdout).toMatch(/^Since the previous run \(2026-12-01 02:30 UTC\): 1 newly dead, 1 newly moved/m);

    // Night 3: A is back; nothing newly dead, so --fail-on new-dead passes though C is still dead.
    Object.assign(state, { a: 'alive' });
    const third = await run(10, ['--format', 'csv', '--fail-on', 'new-dead']);
    expect(third.code).toBe(0);
    const lines = third.stdout.split('\r\n');
    expect(lines[0]).toBe(
      '"# since the previous run (2026-12-09 02:30 UTC): 0 newly dead, 0 newly moved, 1 recovered, 1 still dead"',
    );
    expect(lines[1]!.split(',').at(-1)).toBe('since_last_run');
    const change = (url: string) =>
      lines
        .find((l) => l.startsWith(`${url},`))!
        .split(',')
        .at(-1);
    expect(change(A)).toBe('recovered');
    expect(change(C)).toBe('dead for 3 nights');
    // The default still fails on a dead link.
    const html = path.join(scratch, 'night3.html');
    const third2 = await run(10, ['--format', 'html', '--out', html]);
    expect(third2.code).toBe(1);
    const page = readFileSync(html, 'utf8');
    // The chart: inline SVG, no script of its own, hidden from screen readers, which read its table twin instead.
    expect(page).toMatch(/<svg class="chart" viewBox="0 0 600 170" aria-hidden="true" focusable="false">/);
    const twin = /<table class="visually-hidden" id="nights-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    expect(
      [...twin.matchAll(/<tr><th scope="row">([\d-]+)<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map(
        (m) => m.slice(1),
      ),
    ).toEqual([
      ['2026-12-01', '1', '0', '0'],
      ['2026-12-09', '2', '1', '0'],
      ['2026-12-10', '1', '1', '0'],
    ]);
    expect(page.match(/<script/g)).toHaveLength(1);
    // The nights are kept in the cache file, which its own reader still reads.
    expect((await loadCache(cache)).size).toBe(3);
    expect(JSON.parse(readFileSync(cache, 'utf8')).nights).toHaveLength(3);
  });
});

describe('a failed night still reports', () => {
  it('offline: --out is written with the reason first, the exit status says offline (3), the cache is kept', async () => {
    const cache = path.join(scratch, 'offline.json');
    const out = path.join(scratch, 'worklist.md');
    const good = await audit([`https://${NIGHTLY_HOST}/`, '--cache', cache, '--format', 'md', '--out', out]);
    expect(good.code).toBe(1);
    const kept = readFileSync(cache, 'utf8');
    const run = await audit(
      [`https://${NIGHTLY_HOST}/`, '--cache', cache, '--format', 'md', '--out', out],
      {},
      'offline',
    );
    expect(run.code).toBe(3);
    const md = readFileSync(out, 'utf8');
    // Last night's worklist is not mailed again: tonight's report says what happened, in plain words.
    expect(md).toMatch(
      /^> \*\*This computer appeared to be offline: the site could not be read \(.*the name could not be looked up/m,
    );
    expect(md).not.toMatch(/EAI_AGAIN[^\]]/);
    expect(md).not.toMatch(/## Dead links/);
    expect(readFileSync(cache, 'utf8')).toBe(kept);
    expect(run.stderr).toMatch(/offline/);
  });

  it('Ctrl-C: what was checked is saved to --cache (replaced whole), the report written, exit 130', async () => {
    const links = [...QUICK, ...sim.bulkUrls()].map((u, i) => `<li><a href="${u}">Meeting ${i + 1}</a></li>`);
    const dir = mkdtempSync(path.join(scratch, 'interrupt-'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>All meetings</title><ul>${links.join('')}</ul>`);
    const cache = path.join(dir, 'verdicts.json');
    const out = path.join(dir, 'report.json');
    const argv = [
      process.execPath,
      'bin/still-there.js',
      'audit',
      path.join(dir, 'index.html'),
      '--all',
      '--cache',
      cache,
      '--format',
      'json',
      '--out',
      out,
      '--ca',
      sim.caFile,
    ];
    const [command, ...rest] = sim.world.command(argv);
    const child = spawn(command!, rest, { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      // Interrupted when the quick site's links are checked and the slow sites' are not (each of those waits for
      // its site's 20 pages, two at a time, 1.5 s each).
      setTimeout(() => child.kill('SIGINT'), 10_000);
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted; writing the report/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.notices[0]).toMatchObject({ kind: 'interrupted' });
    const checked = report.links.length;
    expect(checked, JSON.stringify({ skipped: report.skipped, notices: report.notices, stderr })).toBeGreaterThan(0);
    expect(report.links.map((l: { url: string }) => l.url)).toEqual(expect.arrayContaining(QUICK));
    expect(checked).toBeLessThan(105);
    expect(report.skipped).toEqual(expect.arrayContaining([{ why: 'links-left-out', count: 105 - checked }]));
    // The cache holds what was checked, and is whole (its own reader reads it); no half-written file is left.
    const cached = await loadCache(cache);
    expect(cached.size).toBe(checked);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('--save-alive', () => {
  it('asks Save Page Now for captures of live resources with none recent, at its pace, and lists them', async () => {
    const page = `<!doctype html><title>Groups</title><ul>
<li>Mental health: <a href="https://www.nami.org/">NAMI — National Alliance on Mental Illness</a></li>
<li>Meetings: <a href="https://www.aa.org/find-aa">Find an A.A. meeting</a></li>
<li>Co-dependency: <a href="https://coda.org/meetings">Co-Dependents Anonymous meetings</a></li></ul>`;
    const dir = mkdtempSync(path.join(scratch, 'save-'));
    writeFileSync(path.join(dir, 'index.html'), page);
    const cache = path.join(dir, 'verdicts.json');
    const out = path.join(dir, 'report.md');
    const keys = { IA_ACCESS_KEY_ID: 'county-access', IA_SECRET_ACCESS_KEY: 'county-secret' };
    const first = await audit(
      [path.join(dir, 'index.html'), '--save-alive', '--cache', cache, '--format', 'md', '--out', out],
      keys,
    );
    expect(first.code, first.stderr).toBe(0);
    const posts = spn.log.filter((r) => r.method === 'POST');
    // The one with a capture a month old is left alone; the two without a recent one are asked for, the first twice
    // (the API answered 429 and asked for a second's pause), never faster than the published 6 a minute.
    expect(posts.map((p) => p.url)).toEqual([
      'https://coda.org/meetings',
      'https://coda.org/meetings',
      'https://www.nami.org/',
    ]);
    expect(spn.overLimit).toBe(0);
    expect(posts[2]!.at - posts[1]!.at).toBeGreaterThanOrEqual(9_500);
    expect(spn.log.every((r) => r.authorized)).toBe(true);
    // Each job followed to its end, and the new captures listed in the report.
    expect([...spn.saved.keys()].sort()).toEqual(['https://coda.org/meetings', 'https://www.nami.org/']);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('## Archived tonight (Save Page Now)');
    for (const [url, ts] of spn.saved)
      expect(md).toContain(`- <${url}> — saved: <https://web.archive.org/web/${ts}/${url}>`);
    // The keys are nowhere in the report.
    expect(md).not.toContain('county-secret');

    // The next night: the captures are known and recent; nothing is asked of the API.
    const before = spn.log.length;
    const second = await audit(
      [path.join(dir, 'index.html'), '--save-alive', '--cache', cache, '--format', 'md', '--out', out],
      keys,
    );
    expect(second.code).toBe(0);
    expect(spn.log.length).toBe(before);
  }, 120_000);

  it('without keys the audit still runs, and says what was not done', async () => {
    const run = await audit(['https://www.nightly-directory.org/', '--save-alive', '--format', 'md']);
    expect(run.stdout).toMatch(
      /^> \*\*Nothing was archived: Save Page Now needs archive\.org keys in IA\\_ACCESS\\_KEY\\_ID/m,
    );
  });
});
