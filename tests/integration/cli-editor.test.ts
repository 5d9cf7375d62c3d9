/**
 * The editor's nightly job pointed at a real site (issue 27, parts 1–5 and 9), as a child process in the sealed
 * network: what to skip and what to include (--exclude, --include, .stillthereignore, --exclude-path), a config file
 * under the flags, a site's firewall passed with --user-agent, a key sent to its own host alone, a sitemap as the
 * start, and a run that read or checked nothing never passing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HOST, SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';
import { inWorld, stillThere, type CliRun } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import {
  ALLOWED_AGENT,
  editorSites,
  FIREWALLED_HOST,
  KEY,
  KEY_HEADER,
  KEYED_HOST,
  SITEMAP_HOST,
} from '../fixtures/simweb/editor-sites.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

let sim: SimWeb;
let scratch: string;
beforeAll(async () => {
  sim = await startSimWeb({ pages: sitePages(), handlers: editorSites() });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-editor-'));
});
afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const BIN = path.resolve('bin/still-there.js');

/** `still-there audit …` run from `cwd` (where .stillthereignore and still-there.config.json are looked for). */
function auditIn(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return inWorld(sim, [process.execPath, BIN, 'audit', ...args, '--ca', sim.caFile, '--timeout', '3000'], {
    cwd,
    env: { NO_COLOR: '1', ...env },
  });
}

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(scratch, 'run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface JsonReport {
  links: Array<{ url: string; verdict: string; foundOn: Array<{ page: string }> }>;
  pages: string[];
  skipped?: Array<{ why: string; count: number }>;
  notices?: Array<{ kind: string; text: string }>;
  summary: { links: number; pages: number };
  command: string;
}
const report = (run: CliRun) => JSON.parse(run.stdout) as JsonReport;
const urls = (run: CliRun) =>
  report(run)
    .links.map((l) => l.url)
    .sort();
const skipped = (run: CliRun, why: string) => report(run).skipped?.find((s) => s.why === why)?.count ?? 0;
const NAMI_GROUPS = 'https://www.nami.org/Support-Education/Support-Groups';

describe('what to skip and what to include', () => {
  it('--exclude leaves matching links unchecked and counts them; --include wins over it and over spotting', async () => {
    const dir = folder();
    const all = await auditIn(dir, [SITE_URL, '--recurse', '--format', 'json']);
    expect(urls(all)).toContain(NAMI_GROUPS);
    sim.reset();
    const run = await auditIn(dir, [
      SITE_URL,
      '--recurse',
      '--format',
      'json',
      '--exclude',
      'nami\\.org',
      '--exclude',
      'coda\\.org',
    ]);
    const checked = urls(run);
    expect(checked.filter((u) => /nami\.org|coda\.org/.test(u))).toEqual([]);
    // Three resource links fewer; five addresses excluded in all (NAMI's two logos were no resources anyway).
    expect(checked.length).toBe(urls(all).length - 3);
    expect(skipped(run, 'excluded')).toBe(5);
    // Never asked of the network at all.
    expect(sim.requests.filter((r) => r.host === 'www.nami.org' || r.host === 'coda.org')).toEqual([]);
    expect(run.stderr).toMatch(/5 links not checked: excluded \(--exclude, \.stillthereignore\)/);

    // --include: one excluded link back, and a link spotting does not take for a resource (the flyer) checked.
    const included = await auditIn(dir, [
      SITE_URL,
      '--recurse',
      '--format',
      'json',
      '--exclude',
      'nami\\.org',
      '--include',
      'Support-Groups',
      '--include',
      'bit\\.ly/na-meeting',
    ]);
    expect(urls(included)).toEqual(expect.arrayContaining([NAMI_GROUPS, 'https://bit.ly/na-meeting-search']));
    expect(urls(included).filter((u) => /nami\.org/.test(u))).toEqual([NAMI_GROUPS]);
  });

  it('.stillthereignore in the folder the command runs in excludes as --exclude does', async () => {
    const dir = folder({ '.stillthereignore': '# links we know about\nnami\\.org\n\n   coda\\.org   \n' });
    const run = await auditIn(dir, [SITE_URL, '--recurse', '--format', 'json']);
    expect(urls(run).filter((u) => /nami\.org|coda\.org/.test(u))).toEqual([]);
    expect(skipped(run, 'excluded')).toBe(5);
    const bad = await auditIn(folder({ '.stillthereignore': 'fine\n(unclosed\n' }), [SITE_URL]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.stillthereignore line 2: "\(unclosed" is not a regular expression/);
  });

  it("--exclude-path keeps the crawl off the site's own pages, and says how many", async () => {
    sim.reset();
    const run = await auditIn(folder(), [
      SITE_URL,
      '--recurse',
      '--format',
      'json',
      '--exclude-path',
      '/groups/',
      '--exclude-path',
      'services',
    ]);
    const r = report(run);
    expect(r.pages.filter((p) => /groups|services/.test(p))).toEqual([]);
    expect(sim.requests.filter((q) => q.host === SITE_HOST && /^\/(groups|services)\//.test(q.path))).toEqual([]);
    expect(skipped(run, 'page-excluded')).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toMatch(/of the site's pages not read \(--exclude-path\)/);
    // The links only those pages held are gone from the worklist.
    expect(urls(run)).not.toContain(NAMI_GROUPS);
  });
});

describe('a config file', () => {
  it('gives every option; the command line wins; a switch it turns on is turned off with --no-', async () => {
    const dir = folder({
      'still-there.config.json': JSON.stringify({
        recurse: true,
        format: 'md',
        exclude: ['nami\\.org'],
        'fail-on': 'moved',
        timeout: 3000,
      }),
    });
    const fromFile = await auditIn(dir, [SITE_URL]);
    expect(fromFile.stdout).toMatch(/^# Link audit of/);
    expect(fromFile.stdout).not.toMatch(/nami\.org\/Support/);
    expect(fromFile.stdout).toMatch(/13 links|9 pages/);
    expect(fromFile.stdout).toContain('(with the options of still-there.config.json)');
    // Flags over the file: another format, another exclusion list, recursion off.
    const flags = await auditIn(dir, [SITE_URL, '--format', 'json', '--exclude', 'coda\\.org', '--no-recurse']);
    const r = report(flags);
    expect(r.summary.pages).toBe(1);
    expect(urls(flags).some((u) => u.includes('nami.org'))).toBe(true);
    expect(urls(flags).some((u) => u.includes('coda.org'))).toBe(false);
    // --config names another file.
    writeFileSync(path.join(scratch, 'nightly.json'), JSON.stringify({ format: 'csv' }));
    const named = await auditIn(dir, [SITE_URL, '--config', path.join(scratch, 'nightly.json')]);
    expect(named.stdout).toMatch(/^url,verdict,reason/m);
  });

  it('refuses an unknown key with the nearest valid one, and a value of the wrong kind', async () => {
    const typo = await auditIn(folder({ 'still-there.config.json': '{"recurce": true}' }), [SITE_URL]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/still-there\.config\.json: unknown option "recurce"; did you mean "recurse"\?/);
    const kind = await auditIn(folder({ 'still-there.config.json': '{"recurse": "yes"}' }), [SITE_URL]);
    expect(kind.stderr).toMatch(/"recurse" wants true or false, got "yes"/);
    const notJson = await auditIn(folder({ 'still-there.config.json': '{recurse: true}' }), [SITE_URL]);
    expect(notJson.stderr).toMatch(/still-there\.config\.json is not JSON/);
  });
});

describe('requests as the site needs them', () => {
  it("a site behind a bot firewall: turned away with the crawl's own user agent, audited with --user-agent", async () => {
    const start = `https://${FIREWALLED_HOST}/`;
    const out = path.join(scratch, 'firewalled.md');
    const refused = await auditIn(folder(), [start, '--format', 'md', '--out', out]);
    expect(refused.code).toBe(2);
    // The failed night still wrote its report, with the reason first, in plain words.
    expect(readFileSync(out, 'utf8')).toMatch(
      /^> \*\*The audit could not run: could not read https:\/\/www\.firewalled-directory\.org\/: the site's firewall turned the audit away \(HTTP 403, a bot challenge\); --user-agent or --header may let it in\. Nothing was checked\.\*\*$/m,
    );
    const passed = await auditIn(folder(), [start, '--recurse', '--user-agent', ALLOWED_AGENT, '--format', 'json']);
    expect(passed.code).toBe(1);
    expect(report(passed).pages.sort()).toEqual([start, `${start}more.html`]);
    expect(urls(passed)).toEqual(expect.arrayContaining([U.bigBookChapter, 'https://www.nami.org/']));
  });

  it('a header goes to its own host alone, on the crawl and the checks, and is never written to a report', async () => {
    sim.reset();
    const out = path.join(scratch, 'keyed.html');
    const run = await auditIn(folder(), [
      `https://${KEYED_HOST}/`,
      '--recurse',
      '--header',
      `${KEYED_HOST}=${KEY_HEADER}: ${KEY}`,
      '--include',
      `${KEYED_HOST}|${SITEMAP_HOST}`,
      '--all',
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    const withKey = sim.requests.filter((r) => r.headers[KEY_HEADER] !== undefined);
    expect(withKey.length).toBeGreaterThan(0);
    expect(withKey.filter((r) => r.host !== KEYED_HOST)).toEqual([]);
    // Every request to the host carried it; the site's redirect to another host did not take it along.
    expect(sim.requests.filter((r) => r.host === KEYED_HOST && r.headers[KEY_HEADER] !== KEY)).toEqual([]);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain(KEY);
    expect(html).toContain(`${KEY_HEADER}: …`);
    expect(run.stderr).not.toContain(KEY);
  });

  it('a check that a redirect takes from the host to another carries the header to the first alone', async () => {
    sim.reset();
    await stillThere(sim, [
      'check',
      '--header',
      `${KEYED_HOST}=${KEY_HEADER}: ${KEY}`,
      `https://${KEYED_HOST}/elsewhere`,
    ]);
    const keyed = sim.requests.filter((r) => r.host === KEYED_HOST);
    const other = sim.requests.filter((r) => r.host === SITEMAP_HOST);
    expect(keyed.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    expect(keyed.every((r) => r.headers[KEY_HEADER] === KEY)).toBe(true);
    expect(other.filter((r) => r.headers[KEY_HEADER] !== undefined)).toEqual([]);
  });

  it('refuses a header without its host, and never repeats its value', async () => {
    const run = await auditIn(folder(), [SITE_URL, '--header', `Authorization: Bearer ${KEY}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--header Authorization: say which host it is for/);
    expect(run.stderr).not.toContain(KEY);
  });
});

describe('a sitemap as the start', () => {
  it('reads an index, a sitemap and a gzipped one, and audits every page they list', async () => {
    for (const args of [
      [`https://${SITEMAP_HOST}/sitemap_index.xml`],
      [`--sitemap`, `https://${SITEMAP_HOST}/sitemap_index.xml`],
    ]) {
      const run = await auditIn(folder(), [...args, '--format', 'json']);
      expect(run.code, run.stderr).toBe(1);
      const r = report(run);
      expect(r.pages.sort()).toEqual(
        ['/groups/aa.html', '/groups/nami.html', '/help/big-book.html'].map((p) => `https://${SITEMAP_HOST}${p}`),
      );
      expect(urls(run)).toEqual([NAMI_GROUPS, 'https://www.aa.org/find-aa', U.bigBookChapter].sort());
    }
  });

  it('a sitemap saved on this computer lists the pages to read', async () => {
    const dir = folder({
      'sitemap.xml': `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://${SITEMAP_HOST}/groups/aa.html</loc></url></urlset>`,
    });
    const run = await auditIn(dir, ['./sitemap.xml', '--format', 'json']);
    expect(report(run).pages).toEqual([`https://${SITEMAP_HOST}/groups/aa.html`]);
    expect(urls(run)).toEqual(['https://www.aa.org/find-aa']);
    expect(run.code).toBe(0);
  });

  it('several starts make one audit', async () => {
    const run = await auditIn(folder(), [
      `${SITE_URL}meetings.html`,
      `https://${SITEMAP_HOST}/groups/nami.html`,
      '--format',
      'json',
    ]);
    expect(report(run).pages.sort()).toEqual(
      [`${SITE_URL}meetings.html`, `https://${SITEMAP_HOST}/groups/nami.html`].sort(),
    );
    expect(urls(run)).toContain(NAMI_GROUPS);
  });
});

describe('never pass on nothing', () => {
  it('a Markdown file whose only link is not a resource: the skipped link is counted and the run exits 2', async () => {
    const dir = folder({ 'notes.md': '# Notes\n\nThe [bus timetable](https://www.example.com/bus) changed.\n' });
    const run = await auditIn(dir, ['notes.md', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(skipped(run, 'not-a-resource')).toBe(1);
    expect(report(run).notices?.[0]?.text).toMatch(
      /No link was checked on 1 page: 1 link was not recognised as resources \(--all checks every link\)/,
    );
    expect(run.stderr).toMatch(/1 link not checked: not recognised as resources \(--all checks them\)/);
  });

  it('a file that is no page (an XML file not a sitemap) reads no page and exits 2, saying so', async () => {
    const dir = folder({ 'sitemap.xml': '<?xml version="1.0"?><feed><entry/></feed>' });
    const run = await auditIn(dir, ['./sitemap.xml', '--format', 'md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /^> \*\*The audit could not run: \.\/sitemap\.xml: the sitemap could not be read: it is not a sitemap \(its first element is/m,
    );
  });

  it('check with an empty standard input says why it checked nothing and exits 2', async () => {
    const run = await stillThere(sim, ['check'], { stdin: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Nothing was checked: standard input was empty/);
    const excluded = await stillThere(sim, ['check', '--exclude', 'nami', 'https://www.nami.org/'], {});
    expect(excluded.code).toBe(2);
    expect(excluded.stderr).toMatch(/every address given was excluded/);
  });
});

describe('help', () => {
  it("lists both commands' options at the top level, and no testing variable anywhere", async () => {
    const top = await stillThere(sim, ['--help']);
    for (const option of [
      '--recurse',
      '--exclude',
      '--header',
      '--sitemap',
      '--max-pages',
      '--save-alive',
      '--cache',
      '--timeout',
    ])
      expect(top.stdout, option).toContain(option);
    for (const command of ['check', 'audit']) {
      const help = await stillThere(sim, [command, '--help']);
      expect(help.stdout).not.toMatch(/STILL_THERE_NOW|Testing aid/);
    }
    expect(top.stdout).not.toMatch(/STILL_THERE_NOW/);
    // --fail-on's own line says what it does, and that it adds to the default.
    expect(top.stdout).toMatch(/--fail-on V\[,V…\] +exit 1 when a link is dead \(the default\), and also when/);
    expect(top.stdout).toMatch(/none: never/);
  });
});
