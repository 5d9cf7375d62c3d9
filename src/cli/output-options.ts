/**
 * What `check` and `audit` share about their output, with the conventions users bring from linkinator and lychee:
 * one --format vocabulary (table, json, csv, md, html; --json stays as an alias), --fail-on, --out, colour only on
 * a terminal unless FORCE_COLOR asks for it (NO_COLOR always wins), and the exit statuses.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isVerdict, type Verdict } from '../health/verdict.ts';
import { FORMATS, isFormat, type Format } from '../report/render.ts';
import { terminalSafe } from '../report/table.ts';
import { UsageError } from './args.ts';

/** Exit statuses, as EXIT_HELP (args.ts) tells them: each failure of a run says which it was. */
export const EXIT = {
  ok: 0,
  /** A link matching --fail-on. */
  failOn: 1,
  /** Bad usage, or nothing to judge: no page or input line read, a start unreadable, no link checked. */
  nothing: 2,
  /** This computer was offline: nothing could be judged. */
  offline: 3,
  /** A bound (--max-pages, --max-time) ended the audit early. */
  endedEarly: 4,
  /** Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT's number, as shells report it. */
  interrupted: 130,
} as const;

export interface OutputSettings {
  format: Format;
  failOn: FailOn;
  out: string | null;
}

/** What makes a run exit 1: links with these verdicts, and (with --cache) links that died since the previous run. */
export interface FailOn {
  verdicts: Set<Verdict>;
  newDead: boolean;
}

export async function outputSettings(values: {
  format?: string;
  json?: boolean;
  out?: string;
  'fail-on'?: string;
}): Promise<OutputSettings> {
  if (values.json && values.format !== undefined && values.format !== 'json')
    throw new UsageError(`--json and --format ${values.format} ask for two formats; give one`);
  const format = values.format ?? (values.json ? 'json' : 'table');
  if (!isFormat(format)) throw new UsageError(`--format wants one of ${FORMATS.join(', ')}; got "${format}"`);
  if (values.out !== undefined) await existingFolder(values.out, '--out');
  return { format, failOn: parseFailOn(values['fail-on']), out: values.out ?? null };
}

const FAIL_ON_WORDS = ['dead', 'moved', 'unverified', 'new-dead', 'none'];

/**
 * --fail-on adds to the default (dead) rather than replacing it, so `--fail-on moved` never lets a dead link pass;
 * `none` starts from nothing (`none,moved`: moved alone); `new-dead` narrows dead to the links that died since the
 * previous run, unless dead is named too.
 */
export function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return { verdicts: new Set(['dead']), newDead: false };
  const wanted = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = wanted.find((v) => !FAIL_ON_WORDS.includes(v));
  if (bad !== undefined || wanted.length === 0)
    throw new UsageError(`--fail-on wants dead, moved, unverified, new-dead or none (comma-separated), got "${value}"`);
  const verdicts = new Set<Verdict>(wanted.includes('none') ? [] : ['dead']);
  const newDead = wanted.includes('new-dead');
  if (newDead && !wanted.includes('dead')) verdicts.delete('dead');
  for (const v of wanted) if (isVerdict(v)) verdicts.add(v);
  return { verdicts, newDead };
}

export async function existingFolder(file: string, option: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`${option}: the folder ${folder} does not exist`);
  }
}

/**
 * Colour on a terminal, as most tools do; FORCE_COLOR (any value but 0 or false) asks for it elsewhere too (a CI
 * log that shows colours); NO_COLOR (any value) turns it off whatever else says.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return Boolean(stream.isTTY);
}

/** Writes the report to --out or to standard output; false (and a message) when the file could not be written. */
export async function deliver(
  text: string,
  out: string | null,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<boolean> {
  if (out === null) {
    io.stdout.write(text);
    return true;
  }
  try {
    await writeFile(out, text, 'utf8');
    return true;
  } catch (err) {
    io.stderr.write(
      `still-there: could not write ${terminalSafe(out)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`,
    );
    return false;
  }
}

/**
 * The command as an editor would type it again, for a report's header: each argument quoted for a POSIX shell
 * when it needs it, the user name and password of any address left out (a report is shared; a password typed into an
 * address is not), and the value of every --header left out (it is often a key).
 */
export function commandLine(command: string, argv: readonly string[], config: string | null = null): string {
  const shown = argv.map((arg, i) => {
    let bare = arg.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/@\s]*@/i, '$1');
    if (argv[i - 1] === '--header') bare = hiddenHeader(bare);
    else if (arg.startsWith('--header=')) bare = `--header=${hiddenHeader(arg.slice('--header='.length))}`;
    return /^[\w@%+=:,./-]+$/.test(bare) ? bare : `'${bare.replace(/'/g, `'\\''`)}'`;
  });
  return [`still-there`, command, ...shown].join(' ') + (config ? ` (with the options of ${config})` : '');
}

/** HOST=Name: value as HOST=Name: … — which header went where, never what it said. */
function hiddenHeader(spec: string): string {
  const colon = spec.indexOf(':');
  return colon < 0 ? '…' : `${spec.slice(0, colon + 1)} …`;
}
