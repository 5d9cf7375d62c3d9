/**
 * The command line as an editor installs it: `npm pack` gives a tarball of compiled JavaScript with its types and
 * its runtime dependencies (bundled, so it installs with no registry at hand), `npm install -g` into a fresh prefix,
 * and `still-there check` and `audit` run from a folder outside the repository — no TypeScript, no type stripping
 * (which Node refuses under node_modules), no build tools.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, type CliRun } from '../fixtures/sealed/cli.ts';
import { U } from '../fixtures/simweb/catalogue.ts';
import { startSimWeb, type SimWeb } from '../fixtures/simweb/server.ts';

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
  await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { maxBuffer: 16 * 1024 * 1024 });
  sim = await startSimWeb({ pages: { 'www.county-groups.org': { '/': `<!doctype html><title>Groups</title><ul><li>Support group: <a href="${U.bigBookChapter}">Big Book, chapter 4</a></li><li>Meetings: <a href="https://www.nami.org/">NAMI</a></li></ul>` } } });
}, 180_000);

afterAll(async () => {
  await sim?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The installed command, run from a folder of its own, in the sealed network's world. */
function installed(args: string[]): Promise<CliRun> {
  const cwd = mkdtempSync(path.join(scratch, 'elsewhere-'));
  const [command, ...rest] = sim.world.command([path.join(prefix, 'bin', 'still-there'), ...args]);
  return new Promise((resolve, reject) => {
    const child = spawn(command!, rest, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
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
    for (const tool of ['wxt', 'vite', 'vitest', 'puppeteer', 'typescript', 'idb']) expect(dependencies, tool).not.toContain(tool);
    expect(dependencies).toContain('linkinator');
  });

  it('checks links from outside the repository', async () => {
    const result = await installed(['check', '--json', '--ca', sim.caFile, '--timeout', '3000', U.bigBookChapter, 'https://www.nami.org/']);
    expect(result.stderr).not.toMatch(/ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING/);
    const lines = jsonLines<{ url: string; verdict: string; reason: string }>(result);
    expect(lines.get(U.bigBookChapter)).toMatchObject({ verdict: 'dead', reason: 'not-found' });
    expect(lines.get('https://www.nami.org/')).toMatchObject({ verdict: 'alive', reason: 'ok' });
    expect(result.code).toBe(1);
  });

  it('audits a site from outside the repository', async () => {
    const out = path.join(scratch, 'worklist.md');
    writeFileSync(out, '');
    const result = await installed(['audit', 'https://www.county-groups.org/', '--format', 'md', '--out', out, '--ca', sim.caFile, '--timeout', '3000']);
    expect(result.stderr).toMatch(/2 links on 1 page: 1 dead/);
    expect(result.code).toBe(1);
  });
});
