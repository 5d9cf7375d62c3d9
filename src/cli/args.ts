/** Command-line options shared by `check` and `audit`, parsed with Node's own util.parseArgs. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_SETTINGS, type EngineSettings } from './engine.ts';

export class UsageError extends Error {}

export const ENGINE_OPTIONS = {
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  'allow-private': { type: 'boolean' },
  'archive-endpoint': { type: 'string' },
  'no-archive': { type: 'boolean' },
  'connect-to': { type: 'string', multiple: true },
  'online-hosts': { type: 'string' },
  ca: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const ENGINE_HELP = `  --concurrency N         requests in flight across all sites (default ${DEFAULT_SETTINGS.concurrency}; never more than 2 per site)
  --timeout MS            give up on one request after MS milliseconds (default ${DEFAULT_SETTINGS.timeoutMs})
  --allow-private         also check localhost and private-network addresses (off: they are never fetched)
  --archive-endpoint URL  Wayback Machine API base (default: archive.org and web.archive.org)
  --no-archive            do not look for archived copies of dead links
  --online-hosts A,B      names that prove this computer is online when they resolve
                          (default ${'web.archive.org,www.wikipedia.org,www.iana.org'}; '' turns the check off)
  --connect-to H:P:A:P    like curl: send requests for host H port P to address A port P (repeatable); when given,
                          names not listed do not resolve at all — a sealed test web
  --ca FILE               also trust this CA certificate (PEM); NODE_EXTRA_CA_CERTS works too`;

export function parse<T extends ParseArgsConfig['options']>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const unknown = /Unknown option '([^']+)'/.exec(e.message ?? '')?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const near = nearestOption(unknown, Object.keys(options ?? {}));
      throw new UsageError(`unknown option ${unknown}${near ? `; did you mean --${near}?` : ''}`);
    }
    // Node's other messages ("Option '--timeout <value>' argument missing") say what is wrong; keep their words.
    throw new UsageError((e.message ?? String(err)).replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/** The option a mistyped one most likely meant: the fewest edits away, and close enough to be a slip. */
export function nearestOption(given: string, names: readonly string[]): string | null {
  const word = given.replace(/^-+/, '').replace(/=.*$/, '').toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.startsWith(word) && word.length >= 3 ? 0 : editDistance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${name} wants a whole number above 0, got "${value}"`);
  return Number(value);
}

export function engineSettings(values: Record<string, string | boolean | string[] | undefined>): EngineSettings {
  const endpoint = values['archive-endpoint'] as string | undefined;
  if (endpoint !== undefined) {
    try {
      const u = new URL(endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    } catch {
      throw new UsageError(`--archive-endpoint wants an http(s) URL, got "${endpoint}"`);
    }
  }
  const connectTo = (values['connect-to'] as string[] | undefined) ?? [];
  for (const spec of connectTo) {
    if (!/^[^:\s]+:\d+:(\[[^\]]+\]|[^:\s]+):\d+$/.test(spec))
      throw new UsageError(`--connect-to wants HOST:PORT:ADDRESS:PORT, got "${spec}"`);
  }
  const online = values['online-hosts'] as string | undefined;
  return {
    concurrency: positiveInt(values.concurrency as string | undefined, '--concurrency', DEFAULT_SETTINGS.concurrency),
    timeoutMs: positiveInt(values.timeout as string | undefined, '--timeout', DEFAULT_SETTINGS.timeoutMs),
    allowPrivate: Boolean(values['allow-private']),
    archiveEndpoint: endpoint ?? null,
    archive: !values['no-archive'],
    connectTo,
    onlineHosts:
      online === undefined
        ? null
        : online
            .split(',')
            .map((h) => h.trim())
            .filter(Boolean),
    caFiles: (values.ca as string[] | undefined) ?? [],
  };
}
