/**
 * The conventions users bring from linkinator and lychee (src/cli/main.ts, output-options.ts): --version, help on
 * request and usage on error, one --format vocabulary for check and audit (--json an alias), --fail-on and --out for
 * both, "-" for standard input beside addresses, exit 2 when nothing readable was given or nothing could be judged,
 * our own message for an unknown option with the nearest valid one, and FORCE_COLOR beside NO_COLOR.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, stillThere } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';
import { SITE_URL, sitePages } from '../fixtures/directory-site/site.ts';

let sim: SimWeb;
let scratch: string;
beforeAll(async () => {
  sim = await startSimWeb({ pages: sitePages() });
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-conventions-'));
});
afterAll(async () => {
  await sim?.close();
});

const NAMI = 'https://www.nami.org/';

describe('the command itself', () => {
  it('says its version', async () => {
    const run = await stillThere(sim, ['--version']);
    expect([run.code, run.stdout.trim()]).toEqual([
      0,
      `still-there ${JSON.parse(readFileSync('package.json', 'utf8')).version}`,
    ]);
  });

  it('prints usage to standard error and exits 2 when asked nothing, and help to standard output when asked', async () => {
    const bare = await stillThere(sim, []);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toMatch(/Usage:/);
    for (const flag of ['-h', '--help']) {
      const help = await stillThere(sim, [flag]);
      expect([help.code, help.stderr]).toEqual([0, '']);
      expect(help.stdout).toMatch(/still-there check URL/);
    }
  });
});

describe('check', () => {
  it('reads "-" as standard input, after the addresses given', async () => {
    const run = await stillThere(sim, ['check', '--format', 'json', NAMI, '-'], { stdin: `${U.movedOcf}\n` });
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).url),
    ).toEqual([NAMI, U.movedOcf]);
  });

  it('takes --json as --format json, and refuses two formats at once', async () => {
    const [a, b] = await Promise.all([
      stillThere(sim, ['check', '--json', NAMI]),
      stillThere(sim, ['check', '--format', 'json', NAMI]),
    ]);
    expect([...jsonLines(a).keys()]).toEqual([...jsonLines(b).keys()]);
    const both = await stillThere(sim, ['check', '--json', '--format', 'csv', NAMI]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/ask for two formats/);
  });

  it.each([
    [
      'csv',
      /^url,verdict,reason,detail,status,final_url,new_home,archive_url,archive_timestamp,checked_at,page,link_text,position,since_last_run\r\n/,
    ],
    ['md', /^# Link audit of `command line`/],
    ['html', /^<!doctype html>/],
  ])("writes the audit's %s report, to --out as well", async (format, shape) => {
    const out = path.join(scratch, `check.${format}`);
    const run = await stillThere(sim, ['check', '--format', format, '--out', out, U.bigBookChapter, NAMI]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(shape);
    expect(readFileSync(out, 'utf8')).toContain('en_bigbook_chapt4.pdf');
  });

  it('exits 1 on what --fail-on names, 0 otherwise', async () => {
    expect((await stillThere(sim, ['check', U.movedOcf])).code).toBe(0);
    expect((await stillThere(sim, ['check', '--fail-on', 'moved', U.movedOcf])).code).toBe(1);
  });

  it('exits 2 when no input line was a readable address', async () => {
    const run = await stillThere(sim, ['check', '-'], { stdin: 'not an address\n\u0000\u0001binary\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 1: not a web address/);
  });

  it('paints the table only on a terminal, unless FORCE_COLOR asks; NO_COLOR always wins', async () => {
    const plain = await stillThere(sim, ['check', NAMI]);
    // eslint-disable-next-line no-control-regex
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = await stillThere(sim, ['check', NAMI], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout).toMatch(/\u001b\[32m/);
    const both = await stillThere(sim, ['check', NAMI], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    // eslint-disable-next-line no-control-regex
    expect(both.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('audit', () => {
  it('exits 1 on --fail-on moved when a link moved', async () => {
    const page = `<!doctype html><title>Groups</title><ul><li>OCD support groups: <a href="${U.movedOcf}">OC Foundation</a></li></ul>`;
    expect((await stillThere(sim, ['audit', '-'], { stdin: page })).code).toBe(0);
    expect((await stillThere(sim, ['audit', '-', '--fail-on', 'moved'], { stdin: page })).code).toBe(1);
  });

  it('audits a page read from standard input ("-")', async () => {
    const page = `<!doctype html><title>Groups</title><ul><li>Support group: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li></ul>`;
    const run = await stillThere(sim, ['audit', '-', '--format', 'json'], { stdin: page });
    const report = JSON.parse(run.stdout) as { site: string; links: Array<{ url: string; verdict: string }> };
    expect(report.site).toBe('standard input');
    expect(report.links.map((l) => [l.url, l.verdict])).toEqual([[U.bigBookChapter, 'dead']]);
    expect(run.code).toBe(1);
  });
});

describe('audit progress', () => {
  /** The command run on a terminal of its own (util-linux's script gives it one), its terminal's output returned. */
  async function onTerminal(args: string[], env: Record<string, string>): Promise<string> {
    const command = [process.execPath, 'bin/still-there.js', ...args]
      .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const run = await stillThere(sim, [], { exact: true, env, wrap: ['script', '-qec', command, '/dev/null'] });
    return run.stdout;
  }

  it('shows the crawl on a terminal, and nothing of it under CI', async () => {
    const args = ['audit', SITE_URL, '--recurse', '--ca', sim.caFile, '--timeout', '3000'];
    expect(await onTerminal(args, { CI: '' })).toMatch(/reading the site: \d+ pages? read, \d+ of its links found/);
    expect(await onTerminal(args, { CI: 'true' })).not.toMatch(/reading the site/);
  });
});
