/**
 * `still-there check` as a user runs it: a child process finding the simulated web through the system resolver (the
 * sealed test network's DNS server), the JSON line contract, exit codes, and bad input that gets a clear per-line
 * error instead of a crash. Also the --connect-to door, tested as the feature it is.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stillThere, type CliRun } from '../fixtures/sealed/cli.ts';
import { SCENARIOS, U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

let sim: SimWeb;
beforeAll(async () => {
  sim = await startSimWeb();
});
afterAll(async () => {
  await sim?.close();
});

function cli(args: string[], stdin?: string | Buffer): Promise<CliRun> {
  return stillThere(sim, args, stdin === undefined ? {} : { stdin });
}

const KEYS = ['url', 'verdict', 'reason', 'status', 'finalUrl', 'newHome', 'archive', 'checkedAt'];

describe('still-there check --json', () => {
  it('prints exactly one object per address with the contract keys, and exits 1 when something is dead', async () => {
    const urls = [U.bigBookChapter, 'https://www.nami.org/', U.movedOcf, U.noSuchDomain];
    const run = await cli(['check', '--json', ...urls]);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.url)).toEqual(urls);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(KEYS);
      expect(['alive', 'moved', 'dead', 'unverified']).toContain(l.verdict);
      expect(Number.isNaN(Date.parse(l.checkedAt))).toBe(false);
    }
    const [pdf, nami, ocf, lapsed] = lines;
    expect(pdf).toMatchObject({ verdict: 'dead', reason: 'not-found', status: 404, newHome: 'https://aa.org/' }); // an old section of aa.org: the directory knows the group's site
    expect(pdf.archive.url).toBe(`https://web.archive.org/web/${pdf.archive.timestamp}/${U.bigBookChapter}`);
    expect(pdf.archive.timestamp).toMatch(/^\d{14}$/);
    expect(nami).toMatchObject({ verdict: 'alive', reason: 'ok', status: 200, newHome: null, archive: null });
    expect(ocf).toMatchObject({ verdict: 'moved', reason: 'moved' });
    expect(ocf.newHome).toMatch(/^https:\/\/iocdf\.org\//);
    expect(lapsed).toMatchObject({ verdict: 'dead', reason: 'no-such-domain', status: null, finalUrl: null });
  });

  it('exits 0 when nothing is dead', async () => {
    const alive = SCENARIOS.filter((s) => s.expect.verdict === 'alive' && !s.timing)
      .slice(0, 5)
      .map((s) => s.url);
    const run = await cli(['check', '--json', ...alive]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(alive.length);
  });

  it('reads addresses from standard input and gives bad lines a clear error, never a crash', async () => {
    const input = Buffer.concat([
      Buffer.from(`# a comment\n${U.bigBookChapter}\n\nnot a url\n${'x'.repeat(50_000)}\n`),
      Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x0a]),
      Buffer.from('javascript:alert(1)\nhttps://www.nami.org/\n'),
    ]);
    const run = await cli(['check', '--json'], input);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.reason)).toEqual([
      'not-found',
      'invalid-url',
      'invalid-url',
      'invalid-url',
      'not-web-link',
      'ok',
    ]);
    expect(lines[2].url.length).toBeLessThan(300);
    expect(run.stderr).toMatch(/line 4: not a web address/);
    expect(run.stderr).toMatch(/line 5: longer than 8192 characters/);
    expect(run.stderr).toMatch(/line 6: binary data/);
  });

  it('checks a repeated address once', async () => {
    sim.reset();
    const run = await cli(['check', '--json', 'https://www.nami.org/', 'https://www.nami.org/']);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    expect(sim.requests.filter((r) => r.host === 'www.nami.org' && r.path === '/')).toHaveLength(1);
  });
});

describe("what other people's text can do to the terminal and the report", () => {
  it('writes no control character from the input to the terminal', async () => {
    const run = await cli(['check'], 'https://a.org/\x1b]0;pwned\x07\nhttps://www.nami.org/\x1b[2J\n');
    // eslint-disable-next-line no-control-regex
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).toMatch(/line 1: binary data, not an address; skipped: https:\/\/a\.org\/ \]0;pwned/);
  });

  it('never reports a javascript: address as where a link leads', async () => {
    const run = await cli(['check', '--json', 'https://www.script-redirect.org/']);
    const [line] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line.finalUrl).toBe('https://www.script-redirect.org/');
    expect(run.stdout).not.toMatch(/javascript:/);
  });
});

describe('still-there check, readable table', () => {
  it('shows verdict, reason and what to do, with a summary on stderr', async () => {
    const run = await cli(['check', U.bigBookChapter, U.movedOcf]);
    expect(run.stdout).toMatch(/dead\s+not-found\s+https:\/\/www\.aa\.org\/assets/);
    expect(run.stdout).toMatch(/archived https:\/\/web\.archive\.org\/web\/\d{14}\//);
    expect(run.stdout).toMatch(/moved\s+moved\s+http:\/\/www\.ocfoundation\.org\//);
    expect(run.stderr).toMatch(/2 checked: 0 alive, 1 moved, 1 dead, 0 unverified/);
  });
});

describe('bad usage exits 2 with a clear message', () => {
  it.each([
    [['check', '--concurrency', 'lots', 'https://www.nami.org/'], /--concurrency wants a whole number/],
    [['check', '--archive-endpoint', 'ftp://x', 'https://www.nami.org/'], /--archive-endpoint wants an http/],
    [['check', '--frobnicate'], /unknown option --frobnicate/],
    [['check', '--jsn'], /unknown option --jsn; did you mean --json\?/],
    [['inspect'], /unknown command/],
  ])('%j', async (args, message) => {
    const run = await cli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('--connect-to, the door for a sealed test web of your own', () => {
  it('sends the listed names to the given address, and no other name resolves', async () => {
    // Outside any world of the sealed network, with only the door: the run must not need the system resolver at all.
    const door = sim.connectTo().flatMap((c) => ['--connect-to', c]);
    const run = await new Promise<CliRun>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          'bin/still-there.js',
          'check',
          '--json',
          '--online-hosts',
          'web.archive.org',
          '--ca',
          sim.caFile,
          '--timeout',
          '3000',
          ...door,
          'https://www.nami.org/',
          U.noSuchDomain,
        ],
        { env: { ...process.env, NO_COLOR: '1' } },
      );
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
      child.stdin.end();
    });
    const [nami, lapsed] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(nami).toMatchObject({ verdict: 'alive', reason: 'ok' });
    expect(lapsed).toMatchObject({ verdict: 'dead', reason: 'no-such-domain' });
  });
});
