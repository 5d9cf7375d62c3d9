/**
 * What `check` and `audit` share about their output, with the conventions users bring from linkinator and lychee:
 * one --format vocabulary (table, json, csv, md, html; --json stays as an alias), --fail-on, --out, colour only on
 * a terminal unless FORCE_COLOR asks for it (NO_COLOR always wins), and the exit statuses 0/1/2.
 */
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isVerdict, type Verdict } from '../health/verdict.ts';
import { FORMATS, isFormat, type Format } from '../report/render.ts';
import { terminalSafe } from '../report/table.ts';
import { UsageError } from './args.ts';

export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

export const OUTPUT_HELP = `  --format F              ${FORMATS.join(', ')} (default table); --json is --format json
  --out FILE              write the report to FILE instead of standard output
  --fail-on V[,V…]        exit 1 when a link is V: dead (default), moved, unverified`;

export const EXIT_HELP = `Exit status: 0 no link matching --fail-on, 1 a link matching it, 2 bad usage, no readable input, the machine
was offline (nothing could be judged), or the site could not be read.`;

export interface OutputSettings {
  format: Format;
  failOn: Set<Verdict>;
  out: string | null;
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

export function parseFailOn(value: string | undefined): Set<Verdict> {
  if (value === undefined) return new Set(['dead']);
  const wanted = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = wanted.find((v) => !isVerdict(v) || v === 'alive');
  if (bad !== undefined || wanted.length === 0)
    throw new UsageError(`--fail-on wants dead, moved or unverified (comma-separated), got "${value}"`);
  return new Set(wanted as Verdict[]);
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
 * when it needs it, and the user name and password of any address left out (a report is shared; a password
 * typed into an address is not).
 */
export function commandLine(command: string, argv: readonly string[]): string {
  const shown = argv.map((arg) => {
    const bare = arg.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/@\s]*@/i, '$1');
    return /^[\w@%+=:,./-]+$/.test(bare) ? bare : `'${bare.replace(/'/g, `'\\''`)}'`;
  });
  return ['still-there', command, ...shown].join(' ');
}
