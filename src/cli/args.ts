/**
 * Every option of the command line, in one table: which commands take it, what it takes, and its line of help.
 * Parsing (Node's util.parseArgs), the help of each command and of the whole tool, the config file's keys and the
 * "did you mean" for a mistyped option all read this table, so a new option is one row here and nowhere else.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { DEFAULT_SETTINGS, type EngineSettings } from './engine.ts';
import { parseHeaders } from './request-headers.ts';
import { UsageError } from './usage-error.ts';

export { UsageError };

export type Command = 'check' | 'audit';
export const COMMANDS: readonly Command[] = ['check', 'audit'];

/** Where an option is listed in the help, in this order. */
export const SECTIONS = {
  what: 'What to audit',
  choose: 'Which links',
  requests: 'Requests',
  report: 'The report',
  nights: 'Night after night',
  bounds: 'Bounds (an audit always ends, and always writes its report)',
  archive: 'Archived copies',
  test: 'A test web of your own',
  general: 'This command',
} as const;
export type Section = keyof typeof SECTIONS;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Repeatable; the config file gives a list. */
  multiple?: boolean;
  short?: string;
  /** The commands that take it. */
  for: readonly Command[];
  /** What follows it in the help (N, FILE, URL …); none for a switch. */
  value?: string;
  section: Section;
  /** Its help, one line or several (later lines are indented under the first). */
  help: string;
  /** Never read from a config file (--config itself, --help). */
  commandLineOnly?: boolean;
  /** A switch that is on unless turned off: listed as --no-NAME. */
  onByDefault?: boolean;
}

const BOTH: readonly Command[] = COMMANDS;
const AUDIT: readonly Command[] = ['audit'];

/** Formats, written out here so the table needs nothing from the report's modules. */
const FORMAT_NAMES = 'table, json, csv, md, html';

/** How long an audit may run before it writes what it has: inside the hour most CI jobs allow (60 min). */
export const DEFAULT_MAX_TIME = '50m';
/** Pages an audit reads at most: a county directory has hundreds; a calendar that links to next month, endless. */
export const DEFAULT_MAX_PAGES = 5_000;
/** Save Page Now: captures older than this many months are renewed, and this many links at most a night. */
export const DEFAULT_SAVE_MONTHS = 6;
export const DEFAULT_SAVES_A_NIGHT = 25;

export const OPTIONS = {
  recurse: {
    type: 'boolean',
    for: AUDIT,
    section: 'what',
    help: "also audit every page of the site under START that its pages link to, and the site's own PDFs they link to (default: START alone)",
  },
  'max-depth': {
    type: 'string',
    value: 'N',
    for: AUDIT,
    section: 'what',
    help: "follow the site's links at most N pages away from START (implies --recurse; 0: START alone)",
  },
  sitemap: {
    type: 'string',
    multiple: true,
    value: 'URL',
    for: AUDIT,
    section: 'what',
    help: 'audit the pages a sitemap lists (sitemap indexes and .gz too; an address ending in sitemap.xml\ngiven as START is read as one)',
  },
  all: {
    type: 'boolean',
    for: AUDIT,
    section: 'choose',
    help: 'check every outbound link (default: only links to mutual-aid resources)',
  },
  exclude: {
    type: 'string',
    multiple: true,
    value: 'REGEX',
    for: BOTH,
    section: 'choose',
    help: 'do not check links whose address matches (repeatable; also one a line in .stillthereignore)',
  },
  include: {
    type: 'string',
    multiple: true,
    value: 'REGEX',
    for: BOTH,
    section: 'choose',
    help: 'check links whose address matches even when excluded or not recognised as resources (repeatable)',
  },
  'exclude-path': {
    type: 'string',
    multiple: true,
    value: 'REGEX',
    for: AUDIT,
    section: 'choose',
    help: "do not read the site's own pages whose address matches (login, search, calendars; repeatable)",
  },
  'user-agent': {
    type: 'string',
    value: 'TEXT',
    for: BOTH,
    section: 'requests',
    help: 'the user agent for reading the site and checking links (a firewall that refuses the default)',
  },
  header: {
    type: 'string',
    multiple: true,
    value: 'HOST="N: V"',
    for: BOTH,
    section: 'requests',
    help: 'send the header "N: V" to HOST alone, never to another host, and never written to a report\n(repeatable): --header directory.example.org="Authorization: Bearer …"',
  },
  concurrency: {
    type: 'string',
    value: 'N',
    for: BOTH,
    section: 'requests',
    help: `requests in flight across all sites (default ${DEFAULT_SETTINGS.concurrency}; never more than 2 per site)`,
  },
  timeout: {
    type: 'string',
    value: 'MS',
    for: BOTH,
    section: 'requests',
    help: `give up on one request after MS milliseconds (default ${DEFAULT_SETTINGS.timeoutMs})`,
  },
  'allow-private': {
    type: 'boolean',
    for: BOTH,
    section: 'requests',
    help: 'also check localhost and private-network addresses (off: they are never fetched)',
  },
  ca: {
    type: 'string',
    multiple: true,
    value: 'FILE',
    for: BOTH,
    section: 'requests',
    help: 'also trust this CA certificate (PEM); NODE_EXTRA_CA_CERTS works too',
  },
  format: {
    type: 'string',
    value: 'F',
    for: BOTH,
    section: 'report',
    help: `${FORMAT_NAMES} (default table); --json is --format json`,
  },
  json: { type: 'boolean', for: BOTH, section: 'report', help: 'the same as --format json' },
  out: {
    type: 'string',
    value: 'FILE',
    for: BOTH,
    section: 'report',
    help: 'write the report to FILE instead of standard output (written even when the run fails)',
  },
  'fail-on': {
    type: 'string',
    value: 'V[,V…]',
    for: BOTH,
    section: 'report',
    help: 'exit 1 when a link is dead (the default), and also when it is V: moved, unverified; new-dead\n(with --cache): dead only when it died since the previous run; none: never (none,moved: moved only)',
  },
  cache: {
    type: 'string',
    value: 'FILE',
    for: AUDIT,
    section: 'nights',
    help: 'remember verdicts between runs: a link that keeps failing becomes dead after 3 failures at least\n12 h apart; every report opens with what changed since the previous run (the HTML one charts 30 nights)',
  },
  feed: {
    type: 'string',
    value: 'FILE',
    for: AUDIT,
    section: 'nights',
    help: "also write a verdict feed (JSON) for the organisation's browsers (docs/verdict-feed.md); not written\nwhen the run was offline",
  },
  publisher: {
    type: 'string',
    value: 'NAME',
    for: AUDIT,
    section: 'nights',
    help: "who checked, as the feed's readers are told (default: the site's host name)",
  },
  'sign-with': {
    type: 'string',
    value: 'KEY-FILE',
    for: AUDIT,
    section: 'nights',
    help: 'sign the feed with the key still-there keygen made: browsers that pin its public key believe its verdicts\nat once (an unsigned feed\'s "dead" they check themselves first)',
  },
  'save-alive': {
    type: 'boolean',
    for: AUDIT,
    section: 'archive',
    help: `ask the Wayback Machine to capture live resource links with no capture in --save-alive-months, a few\na night (keys: IA_ACCESS_KEY_ID and IA_SECRET_ACCESS_KEY in the environment, from archive.org/account/s3.php)`,
  },
  'save-alive-months': {
    type: 'string',
    value: 'N',
    for: AUDIT,
    section: 'archive',
    help: `renew captures older than N months (default ${DEFAULT_SAVE_MONTHS})`,
  },
  'save-alive-per-night': {
    type: 'string',
    value: 'N',
    for: AUDIT,
    section: 'archive',
    help: `ask for at most N captures a run; the rest wait for later nights (default ${DEFAULT_SAVES_A_NIGHT})`,
  },
  'save-endpoint': {
    type: 'string',
    value: 'URL',
    for: AUDIT,
    section: 'archive',
    help: 'Save Page Now API base (default: https://web.archive.org)',
  },
  'archive-endpoint': {
    type: 'string',
    value: 'URL',
    for: BOTH,
    section: 'archive',
    help: 'Wayback Machine API base for archived copies of dead links (default: archive.org and web.archive.org)',
  },
  archive: {
    type: 'boolean',
    onByDefault: true,
    for: BOTH,
    section: 'archive',
    help: 'do not look for archived copies of dead links',
  },
  'max-pages': {
    type: 'string',
    value: 'N',
    for: AUDIT,
    section: 'bounds',
    help: `read at most N pages of the site (default ${DEFAULT_MAX_PAGES})`,
  },
  'max-time': {
    type: 'string',
    value: 'T',
    for: AUDIT,
    section: 'bounds',
    help: `stop reading and checking after T (90s, 30m, 2h; default ${DEFAULT_MAX_TIME}) and write what was found`,
  },
  'online-hosts': {
    type: 'string',
    value: 'A,B',
    for: BOTH,
    section: 'test',
    help: "names that prove this computer is online when they resolve\n(default web.archive.org,www.wikipedia.org,www.iana.org; '' turns the check off)",
  },
  'connect-to': {
    type: 'string',
    multiple: true,
    value: 'H:P:A:P',
    for: BOTH,
    section: 'test',
    help: 'like curl: send requests for host H port P to address A port P (repeatable); when given, names\nnot listed do not resolve at all',
  },
  config: {
    type: 'string',
    value: 'FILE',
    for: BOTH,
    section: 'general',
    commandLineOnly: true,
    help: 'read options from FILE (default: still-there.config.json in this folder, when there is one)',
  },
  help: { type: 'boolean', short: 'h', for: BOTH, section: 'general', commandLineOnly: true, help: 'this help' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
const SPECS: Record<string, OptionSpec> = OPTIONS;

/** The values a command was given, by option name, as util.parseArgs gives them. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** A string option's value (the last given, for one given twice). */
export function stringOption(values: OptionValues, name: OptionName): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.at(-1) : undefined;
}

/** A repeatable option's values, in order; none when not given. */
export function listOption(values: OptionValues, name: OptionName): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** A switch: true, false (--no-NAME, or false in the config file), or undefined when not given. */
export function switchOption(values: OptionValues, name: OptionName): boolean | undefined {
  const v = values[name];
  return typeof v === 'boolean' ? v : undefined;
}

export function optionNames(command: Command): string[] {
  return Object.keys(SPECS).filter((name) => SPECS[name]!.for.includes(command));
}

function parseArgsOptions(command: Command): ParseArgsOptionsConfig {
  const out: ParseArgsOptionsConfig = {};
  for (const name of optionNames(command)) {
    const spec = SPECS[name]!;
    out[name] = {
      type: spec.type,
      ...(spec.multiple ? { multiple: true } : {}),
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  return out;
}

/** The command's options and positionals; a switch is turned off with --no-NAME (one a config file turned on). */
export function parse(argv: string[], command: Command): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: parseArgsOptions(command),
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: { ...values } as OptionValues, positionals };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const unknown = /Unknown option '([^']+)'/.exec(e.message ?? '')?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const bare = unknown.replace(/^-+(no-)?/, '');
      const elsewhere = COMMANDS.find((c) => c !== command && optionNames(c).includes(bare));
      if (elsewhere) throw new UsageError(`${unknown} is an option of still-there ${elsewhere}, not of ${command}`);
      const near = nearestOption(unknown, optionNames(command));
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

const HELP_COLUMN = 26;
/** Help lines end by this column: a terminal of 120 and a README's code block alike. */
const HELP_WIDTH = 116;

/** Words in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The options of `command` (or of every command: then an option one command alone takes says which), by section,
 * each as it is typed and what it does.
 */
export function optionsHelp(command: Command | null): string {
  const out: string[] = [];
  for (const section of Object.keys(SECTIONS) as Section[]) {
    const names = Object.keys(SPECS).filter(
      (name) => SPECS[name]!.section === section && (command === null || SPECS[name]!.for.includes(command)),
    );
    if (!names.length) continue;
    out.push(`${SECTIONS[section]}:`);
    for (const name of names) {
      const spec = SPECS[name]!;
      const typed = `  ${spec.short ? `-${spec.short}, ` : ''}--${spec.onByDefault ? 'no-' : ''}${name}${spec.value ? ` ${spec.value}` : ''}`;
      const only = command === null && spec.for.length === 1 ? ` [${spec.for[0]}]` : '';
      const [first = '', ...rest] = wrap(`${spec.help}${only}`.replace(/\n/g, ' '), HELP_WIDTH - HELP_COLUMN);
      out.push(
        typed.length < HELP_COLUMN
          ? `${typed.padEnd(HELP_COLUMN)}${first}`
          : `${typed}\n${' '.repeat(HELP_COLUMN)}${first}`,
      );
      for (const line of rest) out.push(`${' '.repeat(HELP_COLUMN)}${line}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export const CONFIG_HELP = `Options may also come from a config file: still-there.config.json in this folder, or --config FILE. It is
one JSON object of options by name ("recurse": true, "exclude": ["/login"], "fail-on": "dead,moved"); options on
the command line win, and a switch the file turns on is turned off with --no-NAME.`;

export const EXIT_HELP = `Exit status: 0 nothing matching --fail-on; 1 a link matching --fail-on; 2 bad usage, or nothing to judge: no
page or input line read, a start that could not be read, no link checked; 3 this computer was offline (nothing
could be judged); 4 the audit ended early at --max-pages or --max-time (its report says what was left out);
130 interrupted (what was checked is kept in --cache). Every report is written, whatever the status.`;

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${name} wants a whole number above 0, got "${value}"`);
  return Number(value);
}

/** A count from an option: a whole number, 0 allowed when `zero` says so. */
export function wholeNumber(
  value: string | undefined,
  name: string,
  fallback: number,
  options: { zero?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  if (options.zero && value === '0') return 0;
  return positiveInt(value, name, fallback);
}

/** 90s, 30m, 2h, 1h30m or plain seconds, in milliseconds. */
export function duration(value: string, name: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
  const ms = m ? ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
  if (!m || value.trim() === '' || ms <= 0)
    throw new UsageError(`${name} wants a time such as 90s, 30m or 2h, got "${value}"`);
  return ms;
}

export function engineSettings(values: OptionValues): EngineSettings {
  const endpoint = stringOption(values, 'archive-endpoint');
  if (endpoint !== undefined) webAddressOption(endpoint, '--archive-endpoint');
  const connectTo = listOption(values, 'connect-to');
  for (const spec of connectTo) {
    if (!/^[^:\s]+:\d+:(\[[^\]]+\]|[^:\s]+):\d+$/.test(spec))
      throw new UsageError(`--connect-to wants HOST:PORT:ADDRESS:PORT, got "${spec}"`);
  }
  const online = stringOption(values, 'online-hosts');
  const userAgent = stringOption(values, 'user-agent');
  // eslint-disable-next-line no-control-regex
  if (userAgent !== undefined && (userAgent.trim() === '' || /[\u0000-\u001f\u007f]/.test(userAgent)))
    throw new UsageError('--user-agent wants one line of text');
  return {
    concurrency: positiveInt(stringOption(values, 'concurrency'), '--concurrency', DEFAULT_SETTINGS.concurrency),
    timeoutMs: positiveInt(stringOption(values, 'timeout'), '--timeout', DEFAULT_SETTINGS.timeoutMs),
    allowPrivate: Boolean(switchOption(values, 'allow-private')),
    archiveEndpoint: endpoint ?? null,
    archive: switchOption(values, 'archive') !== false,
    connectTo,
    onlineHosts:
      online === undefined
        ? null
        : online
            .split(',')
            .map((h) => h.trim())
            .filter(Boolean),
    caFiles: listOption(values, 'ca'),
    userAgent: userAgent ?? null,
    headers: parseHeaders(listOption(values, 'header')),
  };
}

/** An http(s) address given to an option, or a usage error naming the option. */
export function webAddressOption(value: string, option: string): URL {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u;
  } catch {
    throw new UsageError(`${option} wants an http(s) URL, got "${value}"`);
  }
}
