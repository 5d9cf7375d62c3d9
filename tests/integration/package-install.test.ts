/**
 * The command line as an editor installs it: `npm pack` gives a tarball of compiled JavaScript with its types and
 * its runtime dependencies (bundled, so it installs with no registry at hand), `npm install -g` into a fresh prefix,
 * and `still-there check` and `audit` run from a folder outside the repository — no TypeScript, no type stripping
 * (which Node refuses under node_modules), no build tools. And the README's editor sections and the nightly CI
 * recipe (docs/nightly-audit.yml) as typed: their commands, read from those files, run in a folder of their own
 * against the directory site served under the README's example name, trusting the simulation's certificate
 * authority the way an organisation's machine trusts its own (NODE_EXTRA_CA_CERTS), with no test option added.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWorld, jsonLines, type CliRun } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { createSavePageNow } from '../fixtures/simweb/save-page-now.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';
import { SITE_DIR, sitePages } from '../fixtures/directory-site/site.ts';
import { readFeed } from '../../src/feed/read-feed.ts';

const run = promisify(execFile);
let scratch: string;
let tarball: string;
let prefix: string;
let sim: SimWeb;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'still-there-package-'));
  const packed = await run('npm', ['pack', '--json', '--pack-destination', scratch], { maxBuffer: 64 * 1024 * 1024 });
  tarball = path.join(scratch, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  prefix = path.join(scratch, 'prefix');
  // The README's install command as written, in the folder holding the tarball; npm's settings from the environment
  // put the "global" install in a prefix of the test's own, with no registry to ask.
  const install = readmeCommands().find((c) => c.line.startsWith('npm install --global'))!.line;
  expect(install).toBe(`npm install --global ./${path.basename(tarball)}`);
  await run('sh', ['-c', install], {
    cwd: scratch,
    env: {
      ...process.env,
      npm_config_prefix: prefix,
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  const readmeSite = sitePages(README_SITE_HOST);
  // The README's sitemap example reads the site's sitemap: two of its pages.
  readmeSite[README_SITE_HOST]!['/sitemap.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
    ['/', '/resources/helplines.html'].map((p) => `<url><loc>https://${README_SITE_HOST}${p}</loc></url>`).join('') +
    '</urlset>';
  sim = await startSimWeb({
    pages: {
      'www.county-groups.org': {
        '/': `<!doctype html><title>Groups</title><ul><li>Support group: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li><li>Meetings: <a href="https://www.nami.org/">NAMI</a></li></ul>`,
      },
      ...readmeSite,
    },
    // The README's --save-alive example meets Save Page Now with one capture left for today: one is saved, the rest
    // wait, and the example runs in seconds rather than at the API's pace of one every 10 s.
    savePageNow: spn,
  });
}, 180_000);

afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The name the README's examples and the CI recipe use for an editor's directory (a reserved example domain). */
const README_SITE_HOST = 'directory.example.org';

const spn = createSavePageNow({ dailyLeft: 1 });

/**
 * The shell command lines of the README's sections for editors and for single links, in order, each with what it
 * runs with: the variables an `export` line of its block sets, and the config file (a ```json block) just before it.
 */
function readmeCommands(): Array<{ line: string; env: Record<string, string>; config: string | null }> {
  const readme = readFileSync('README.md', 'utf8');
  const sections = readme.slice(readme.indexOf('## For editors'), readme.indexOf('## Figures'));
  const out: Array<{ line: string; env: Record<string, string>; config: string | null }> = [];
  let config: string | null = null;
  let heading = '';
  for (const [, title, kind, body] of sections.matchAll(/^#{2,3} (.+)$|```(sh|json)\n([\s\S]*?)```/gm)) {
    if (title !== undefined) {
      heading = title;
      continue;
    }
    // The config file's example is the JSON of its own subsection; other JSON blocks are documents, not configs.
    if (kind === 'json') {
      if (heading === 'A config file') config = body!;
      continue;
    }
    const env: Record<string, string> = {};
    for (const line of body!.split('\n')) {
      const exported = /^export (.+)$/.exec(line)?.[1];
      if (exported) for (const [, name, value] of exported.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
      else if (/^(still-there|npm) /.test(line)) out.push({ line, env: { ...env }, config });
    }
    config = null;
  }
  return out;
}

/** A shell command line run as a user types it: in a folder of its own, with the installed command on PATH. */
function typed(line: string, cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return inWorld(sim, ['sh', '-c', line], {
    cwd,
    env: {
      PATH: `${path.join(prefix, 'bin')}:${process.env.PATH}`,
      NODE_EXTRA_CA_CERTS: sim.caFile,
      NO_COLOR: '1',
      ...env,
    },
  });
}

/** The installed command, run from a folder of its own, in the sealed network's world. */
function installed(args: string[]): Promise<CliRun> {
  return inWorld(sim, [path.join(prefix, 'bin', 'still-there'), ...args], {
    cwd: mkdtempSync(path.join(scratch, 'elsewhere-')),
    env: { NO_COLOR: '1' },
  });
}

describe('the packaged command line', () => {
  it('holds compiled JavaScript and its types, and only the runtime dependencies', () => {
    const root = path.join(prefix, 'lib', 'node_modules', 'still-there');
    const files = readdirSync(root, { recursive: true }).map(String);
    expect(files.some((f) => f === path.join('dist', 'cli', 'main.js'))).toBe(true);
    expect(files.some((f) => f === path.join('dist', 'cli', 'main.d.ts'))).toBe(true);
    expect(files.filter((f) => !f.startsWith('node_modules') && f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const dependencies = readdirSync(path.join(root, 'node_modules'));
    for (const tool of ['wxt', 'vite', 'vitest', 'puppeteer', 'typescript', 'idb'])
      expect(dependencies, tool).not.toContain(tool);
    expect(dependencies).toContain('linkinator');
  });

  it('checks links from outside the repository', async () => {
    const result = await installed([
      'check',
      '--json',
      '--ca',
      sim.caFile,
      '--timeout',
      '3000',
      U.bigBookChapter,
      'https://www.nami.org/',
    ]);
    expect(result.stderr).not.toMatch(/ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING/);
    const lines = jsonLines<{ url: string; verdict: string; reason: string }>(result);
    expect(lines.get(U.bigBookChapter)).toMatchObject({ verdict: 'dead', reason: 'not-found' });
    expect(lines.get('https://www.nami.org/')).toMatchObject({ verdict: 'alive', reason: 'ok' });
    expect(result.code).toBe(1);
  });

  it('audits a site from outside the repository', async () => {
    const out = path.join(scratch, 'worklist.md');
    writeFileSync(out, '');
    const result = await installed([
      'audit',
      'https://www.county-groups.org/',
      '--format',
      'md',
      '--out',
      out,
      '--ca',
      sim.caFile,
      '--timeout',
      '3000',
    ]);
    expect(result.stderr).toMatch(/2 links on 1 page: 1 dead/);
    expect(result.code).toBe(1);
  });
});

describe("the README's editor sections and the nightly CI recipe, as typed outside the repository", () => {
  it('runs every still-there command line of the README as written', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'editor-'));
    // The README's local-folder example audits ./site-export/: a copy of the directory site.
    cpSync(SITE_DIR, path.join(cwd, 'site-export'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
    // Its PDF example audits guide.pdf: a county's resource guide (tests/fixtures/pdf).
    cpSync(path.resolve('tests/fixtures/pdf/harbor-county-guide.pdf'), path.join(cwd, 'guide.pdf'));
    const commands = readmeCommands().filter((c) => c.line.startsWith('still-there '));
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const { line, env, config } of commands) {
      // A config file's example runs in a folder of its own, with the file as the README shows it.
      const here = config === null ? cwd : mkdtempSync(path.join(scratch, 'config-'));
      if (config !== null) writeFileSync(path.join(here, 'still-there.config.json'), config);
      const result = await typed(line, here, env);
      expect(result.stderr, line).not.toMatch(/Unknown option|ERR_|TypeError|offline/);
      if (line === 'still-there --version') {
        expect(result.stdout.trim()).toBe(`still-there ${JSON.parse(readFileSync('package.json', 'utf8')).version}`);
        continue;
      }
      // Making the signing key is no audit: it succeeds, and prints the public key to pin.
      if (line.startsWith('still-there keygen ')) {
        expect([result.code, result.stdout], line).toEqual([0, expect.stringMatching(/^ecdsa-p256:\S{87}\n$/)]);
        continue;
      }
      // Every example meets a dead link (the directory site has five): exit status 1, as the README says.
      expect(result.code, `${line}\n${result.stderr}`).toBe(1);
      const out = / --out (\S+)/.exec(line)?.[1] ?? (config ? (JSON.parse(config) as { out?: string }).out : undefined);
      if (out) expect(statSync(path.join(here, out)).size, line).toBeGreaterThan(1000);
      if (config !== null)
        expect(result.stderr, line).toMatch(/of the site's pages not read \(--exclude-path\)|links? on \d+ pages/);
    }
    // The sitemap's two pages, and no other.
    expect(readFileSync(path.join(cwd, 'from-sitemap.md'), 'utf8')).toMatch(/links? on 2 pages/);
    // The --save-alive example: one capture asked for and listed (today's allowance), the rest waiting.
    expect(spn.saved.size).toBe(1);
    expect(spn.log.every((r) => r.authorized)).toBe(true);
    expect(readFileSync(path.join(cwd, 'worklist.md'), 'utf8')).toMatch(
      /## Archived tonight \(Save Page Now\)[\s\S]*more to capture on later nights/,
    );
    expect(readFileSync(path.join(cwd, 'worklist.html'), 'utf8')).toContain(
      `still-there audit https://${README_SITE_HOST}/ --recurse --format html --out worklist.html`,
    );
    expect(readFileSync(path.join(cwd, 'links.csv'), 'utf8')).toMatch(/^url,verdict,reason/);
    expect(readFeed(readFileSync(path.join(cwd, 'verdict-feed.json'), 'utf8'), { now: Date.now() }).publisher).toBe(
      'Example County Behavioral Health',
    );
    expect(readFileSync(path.join(cwd, 'signed-feed.json'), 'utf8')).toMatch(/^\{"signature":"[\w-]{86}",/);
  }, 400_000);

  it("runs docs/nightly-audit.yml's audit step on two nights: the cache kept, the report written, the job failed on a dead link", async () => {
    const workflow = readFileSync('docs/nightly-audit.yml', 'utf8');
    const step = /^\s+run: (still-there audit .*)$/m.exec(workflow)?.[1];
    expect(step).toBeDefined();
    const site = /^\s+DIRECTORY_URL: (\S+)$/m.exec(workflow)?.[1];
    expect(site).toBe(`https://${README_SITE_HOST}/`);
    const cwd = mkdtempSync(path.join(scratch, 'ci-'));
    const publisher = /^\s+PUBLISHER: (.+)$/m.exec(workflow)?.[1];
    expect(publisher).toBeDefined();
    const night = (n: number) =>
      typed(step!, cwd, { DIRECTORY_URL: site!, PUBLISHER: publisher!, STILL_THERE_NOW: `2026-12-0${n}T02:30:00Z` });
    const first = await night(1);
    expect(first.code, first.stderr).toBe(1);
    expect(existsSync(path.join(cwd, 'verdicts.json'))).toBe(true);
    // The feed the organisation's browsers subscribe to, named for the publisher, as strict a reader would take it.
    const feed = readFeed(readFileSync(path.join(cwd, 'verdict-feed.json'), 'utf8'), {
      now: Date.parse('2026-12-01T03:00:00Z'),
    });
    expect(feed.publisher).toBe(publisher);
    expect(feed.links.filter((l) => l.verdict === 'dead').length).toBeGreaterThan(0);
    expect(readFileSync(path.join(cwd, 'link-audit.html'), 'utf8')).toMatch(/<h1>Link audit<\/h1>/);
    const remembered = Object.keys(
      (JSON.parse(readFileSync(path.join(cwd, 'verdicts.json'), 'utf8')) as { links: object }).links,
    );
    expect(remembered.length).toBeGreaterThan(10);
    // DBSA's chapter search answers 500 every night: the first night's failure is counted, the second adds to it.
    expect(readFileSync(path.join(cwd, 'link-audit.html'), 'utf8')).toMatch(/1 of 3 failed checks/);
    const second = await night(2);
    expect(second.code, second.stderr).toBe(1);
    expect(readFileSync(path.join(cwd, 'link-audit.html'), 'utf8')).toMatch(/2 of 3 failed checks/);
  });
});
