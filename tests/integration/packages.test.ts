/**
 * The store packages as `npm run zip` makes them: one zip per store (Chrome Web Store, Edge Add-ons, AMO) and, for
 * AMO, the sources a reviewer rebuilds the bundled code from. The zips are made afresh into a temporary folder, with
 * the same WXT config and the same targets as the "zip" script, so the test neither reads an earlier run's leftovers
 * nor rewrites the .output/ folder the end-to-end tests load.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// JSZip comes with web-ext (a devDependency); an independent reader, so the zips are checked by other code than
// the one that wrote them.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  scripts: Record<string, string>;
};

interface Target {
  browser: string;
  manifestVersion?: 2 | 3;
}

/** The `wxt zip` commands of package.json's "zip" script, as WXT's programmatic options. */
function zipTargets(script: string): Target[] {
  return script
    .split('&&')
    .map((command) => command.trim().split(/\s+/))
    .filter((words) => words[0] === 'wxt' && words[1] === 'zip')
    .map((words) => {
      const target: Target = { browser: 'chrome' };
      for (let i = 2; i < words.length; i++) {
        const word = words[i];
        if (word === '-b' || word === '--browser') target.browser = words[++i] ?? '';
        else if (word === '--mv3') target.manifestVersion = 3;
        else if (word === '--mv2') target.manifestVersion = 2;
        else throw new Error(`packages.test.ts does not know the "zip" script's option ${word}`);
      }
      return target;
    });
}

interface Run {
  code: number | null;
  stdout: string;
  output: string;
}

/** Vitest's own variables (NODE_ENV=test, MODE, DEV, ...) must not reach a build: it runs as `npm run zip` would. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' };
  for (const key of [
    'NODE_ENV',
    'TEST',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'FORCE_TTY',
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
  ])
    delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv() });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      output += d;
    });
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, output }));
  });
}

async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.output}`);
  return result.output;
}

/** WXT's JS API, run in its own Node process from `cwd` (the CLI's `wxt zip` / `wxt build` call the same functions). */
const wxtApi = (fn: 'zip' | 'build', options: object, cwd: string) =>
  mustRun(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { ${fn} } from 'wxt'; await ${fn}(JSON.parse(process.argv[1]));`,
      JSON.stringify(options),
    ],
    cwd,
  );

interface Zip {
  names: string[];
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
}

async function openZip(file: string): Promise<Zip> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const entry = (name: string) => {
    const found = zip.file(name);
    if (!found) throw new Error(`${path.basename(file)} has no ${name}`);
    return found;
  };
  return {
    names: Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort(),
    text: (name) => entry(name).async('string'),
    bytes: (name) => entry(name).async('uint8array'),
  };
}

/** Files under `dir`, relative to it, with forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

interface Manifest {
  manifest_version: number;
  default_locale?: string;
  name: string;
  version: string;
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
    gecko_android?: { strict_min_version?: string };
  };
}

/** Every file the manifest points at. */
function referencedFiles(m: Manifest): string[] {
  return [
    m.background?.service_worker,
    ...(m.background?.scripts ?? []),
    m.action?.default_popup,
    m.options_ui?.page,
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter((f): f is string => typeof f === 'string');
}

/**
 * `__MSG_key__` placeholders of the manifest, resolved in its default locale as a browser does (message names are
 * case-insensitive); a package with _locales/ must name a default locale that it has, or Chrome refuses to load it.
 */
async function localizer(zip: Zip, m: Manifest): Promise<(value: string) => string> {
  const hasLocales = zip.names.some((n) => n.startsWith('_locales/'));
  if (!hasLocales) {
    expect(m.default_locale, 'default_locale without _locales/').toBeUndefined();
    return (value) => value;
  }
  expect(m.default_locale, '_locales/ in the package but no default_locale in the manifest').toBeTruthy();
  const file = `_locales/${m.default_locale}/messages.json`;
  expect(zip.names).toContain(file);
  const messages = new Map(
    Object.entries(JSON.parse(await zip.text(file)) as Record<string, { message: string }>).map(([k, v]) => [
      k.toLowerCase(),
      v.message,
    ]),
  );
  return (value) =>
    value.replace(/__MSG_(\w+)__/g, (_, key: string) => {
      const message = messages.get(key.toLowerCase());
      if (message === undefined) throw new Error(`${file} has no message ${key}`);
      return message;
    });
}

const artifact = (kind: string) => `${pkg.name}-${pkg.version}-${kind}.zip`;

const targets = zipTargets(pkg.scripts.zip ?? '');
let out: string;
const zips = new Map<string, Zip>();

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'still-there-packages-'));
  for (const target of targets) await wxtApi('zip', { ...target, outDir: out }, ROOT);
  for (const file of (await readdir(out)).filter((f) => f.endsWith('.zip')))
    zips.set(file, await openZip(path.join(out, file)));
}, 120_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

function zipNamed(kind: string): Zip {
  const zip = zips.get(artifact(kind));
  if (!zip) throw new Error(`no ${artifact(kind)} among ${[...zips.keys()].join(', ')}`);
  return zip;
}

const manifestOf = async (kind: string) => JSON.parse(await zipNamed(kind).text('manifest.json')) as Manifest;

describe('npm run zip', () => {
  it('makes a Chrome, an Edge and a Firefox package, all MV3, plus the Firefox sources, named clearly', () => {
    expect(targets.map((t) => t.browser).sort()).toEqual(['chrome', 'edge', 'firefox']);
    expect([...zips.keys()].sort()).toEqual(
      [artifact('chrome'), artifact('edge'), artifact('firefox'), artifact('sources')].sort(),
    );
  });

  for (const kind of ['chrome', 'edge', 'firefox']) {
    it(`${kind}: an MV3 manifest at the root whose files are all in the package`, async () => {
      const zip = zipNamed(kind);
      const m = await manifestOf(kind);
      expect(m).toMatchObject({ manifest_version: 3, version: pkg.version });
      const localize = await localizer(zip, m);
      expect(localize(m.name)).toBe('still-there');
      expect(localize(JSON.stringify(m))).not.toMatch(/__MSG_/);
      const referenced = referencedFiles(m);
      expect(referenced.length).toBeGreaterThan(3);
      for (const file of referenced) expect(zip.names, `${file}, named in the manifest`).toContain(file);
      // Store packages are the built extension only.
      expect(zip.names.filter((n) => /(^|\/)(node_modules|src|entrypoints)\/|\.ts$|(^|\/)\./.test(n))).toEqual([]);
    });
  }

  /** Each permission the manifest may ask for, with its row in the README's table and its term on the options page. */
  const EXPLAINED: Record<string, { readme: string; options: string }> = {
    '<all_urls>': { readme: 'read your data on all websites', options: 'options_perm_hosts_term' },
    webRequest: { readme: 'webRequest (observe only)', options: 'options_perm_webrequest_term' },
    storage: { readme: 'storage', options: 'options_perm_storage_term' },
    contextMenus: { readme: 'context menus', options: 'options_perm_menus_term' },
    scripting: { readme: 'scripting', options: 'options_perm_scripting_term' },
    alarms: { readme: 'alarms', options: 'options_perm_alarms_term' },
    declarativeNetRequestWithHostAccess: {
      readme: 'blocking requests to private addresses (Chrome, Edge: declarativeNetRequestWithHostAccess)',
      options: 'options_perm_dnr_term',
    },
    dns: { readme: 'DNS (Firefox: dns)', options: 'options_perm_dns_term' },
    webRequestBlocking: {
      readme: 'blocking its own requests (Firefox: webRequestBlocking)',
      options: 'options_perm_blocking_term',
    },
  };
  for (const kind of ['chrome', 'edge', 'firefox']) {
    it(`${kind}: asks only for permissions the README and the options page explain`, async () => {
      const m = await manifestOf(kind);
      const asked = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
      expect(asked.length).toBeGreaterThan(0);
      const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
      const options = await readFile(path.join(ROOT, 'entrypoints/options/index.html'), 'utf8');
      for (const permission of asked) {
        const explained = EXPLAINED[permission];
        expect(explained, `${permission} is not explained`).toBeDefined();
        expect(readme, permission).toContain(`\n| ${explained!.readme} | `);
        expect(options, permission).toContain(`data-i18n="${explained!.options}"`);
      }
    });
  }

  for (const kind of ['chrome', 'edge']) {
    it(`${kind}: a service worker and no Firefox-only keys`, async () => {
      const m = await manifestOf(kind);
      expect(m.browser_specific_settings).toBeUndefined();
      expect(m.background?.service_worker).toBeTruthy();
      expect(m.background?.scripts).toBeUndefined();
    });
  }

  it('firefox: the add-on id, data collection declared as none, an event page, and no upgrade-insecure-requests', async () => {
    const m = await manifestOf('firefox');
    expect(m.browser_specific_settings?.gecko).toMatchObject({
      id: 'still-there@still-there.org',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(m.background?.scripts?.length).toBeGreaterThan(0);
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.content_security_policy?.extension_pages).toBe("script-src 'self';");
  });
});

describe('the Firefox sources zip (for AMO review)', () => {
  it('holds what a rebuild needs: the manifests of the project and every file of entrypoints/, src/ and public/', async () => {
    const { names } = zipNamed('sources');
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'])
      expect(names).toContain(file);
    for (const dir of ['entrypoints', 'src', 'public']) {
      const onDisk = (await filesUnder(path.join(ROOT, dir)))
        .filter((f) => !/(^|\/)\./.test(f) && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(f))
        .map((f) => `${dir}/${f}`);
      if (dir !== 'public') expect(onDisk.length, `${dir}/ on disk`).toBeGreaterThan(0);
      for (const file of onDisk) expect(names).toContain(file);
    }
  });

  it('leaves out dependencies, build output, local tools, tests and their keys, the demo, bench results and dot files', () => {
    const forbidden = zipNamed('sources').names.filter(
      (n) =>
        /(^|\/)node_modules\//.test(n) ||
        /^(\.output|\.wxt|\.tools|\.git|\.demo|\.ci|tests|bench|demo|bin|web-ext-artifacts)\//.test(n) ||
        /(^|\/)\./.test(n) ||
        /\.(pem|key|crt|p12|pfx|log|zip)$/.test(n) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(n) ||
        /(^|\/)stats\.html$/.test(n),
    );
    expect(forbidden).toEqual([]);
  });

  it('rebuilds, with `wxt build -b firefox --mv3` on its files alone, into exactly the files of the Firefox package', async () => {
    const work = path.join(out, 'rebuild');
    await mkdir(work);
    const sources = zipNamed('sources');
    for (const name of sources.names) {
      await mkdir(path.dirname(path.join(work, name)), { recursive: true });
      await writeFile(path.join(work, name), await sources.bytes(name));
    }
    // `npm ci` from the lock file would give the same packages; linking them keeps the test offline and fast.
    await symlink(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
    await wxtApi('build', { browser: 'firefox', manifestVersion: 3 }, work);

    const built = path.join(work, '.output', 'firefox-mv3');
    const firefox = zipNamed('firefox');
    expect(await filesUnder(built)).toEqual(firefox.names);
    for (const name of firefox.names) {
      expect(
        Buffer.from(await readFile(path.join(built, name))).equals(Buffer.from(await firefox.bytes(name))),
        `${name} rebuilt identically`,
      ).toBe(true);
    }
  });
});

describe('web-ext lint on the Firefox package', () => {
  it('reports no errors and no warnings, without going online', async () => {
    // NO_UPDATE_NOTIFIER (set by childEnv) stops web-ext's npm update check; the linter itself never uses the network.
    const result = await run(
      path.join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', path.join(out, artifact('firefox')), '--no-config-discovery', '--output', 'json'],
      ROOT,
    );
    const report = JSON.parse(result.stdout) as {
      summary: object;
      errors: object[];
      warnings: object[];
      notices: object[];
      metadata: { id?: string; manifestVersion?: number };
    };
    expect(report.metadata).toMatchObject({ id: 'still-there@still-there.org', manifestVersion: 3 });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(result.code).toBe(0);
  });
});
