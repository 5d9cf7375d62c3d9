/** `still-there check URL... [-] [--format F]`: verdicts for a list of links, streamed in input order. */
import { stdin } from 'node:process';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, parse, UsageError } from './args.ts';
import { terminalSafe } from '../report/table.ts';
import { badInputLine, summaryLine, tableRow, toCheckLine, type CheckLine } from './check-output.ts';
import { createNodeEngine } from './engine.ts';
import { argumentLines, readLines, type InputLine } from './input.ts';
import {
  commandLine,
  deliver,
  EXIT_HELP,
  OUTPUT_HELP,
  OUTPUT_OPTIONS,
  outputSettings,
  wantsColour,
} from './output-options.ts';
import { createProgress } from './progress.ts';
import { zeroCounts } from '../health/verdict.ts';
import type { LinkHealth } from '../health/link-health.ts';
import { screenUrl } from '../health/screen.ts';
import { auditRow, buildReport, type AuditRow } from '../report/model.ts';
import { render } from '../report/render.ts';

export const CHECK_HELP = `still-there check — is each link still there?

Usage: still-there check URL... [options]
       some-command | still-there check [options]        (one address a line; # comments and blank lines skipped)
       some-command | still-there check URL - [options]  (the addresses given, then those on standard input)

${OUTPUT_HELP}
                          (json: one object per line per address, the format in the README; csv, md, html: the
                          audit's reports, each address "found on" the command line or its line of standard input)
${ENGINE_HELP}

${EXIT_HELP}`;

/** Where an address came from, as the report formats name its "page". */
const FROM_ARGUMENTS = 'command line';
const FROM_STDIN = 'standard input';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  newHomeFor?: (url: string) => string | null;
}

export async function checkCommand(
  argv: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, stdin },
): Promise<number> {
  const { values, positionals } = parse(argv, { ...ENGINE_OPTIONS, ...OUTPUT_OPTIONS });
  if (values.help) {
    io.stdout.write(`${CHECK_HELP}\n`);
    return 0;
  }
  const settings = engineSettings(values);
  const output = await outputSettings(values);
  // As lychee: "-" is standard input, beside any addresses given; with no address at all, standard input too.
  const given = positionals.filter((p) => p !== '-');
  const readStdin = positionals.includes('-') || given.length === 0;
  if (readStdin && given.length === 0 && io.stdin.isTTY)
    throw new UsageError('give addresses as arguments, or one a line on standard input (-)');
  const lines = inputs(given, readStdin ? io.stdin : null);
  const engine = createNodeEngine({ ...settings, ...(io.newHomeFor ? { newHomeFor: io.newHomeFor } : {}) });
  const streaming = output.format === 'table' || output.format === 'json';
  const colour = output.out === null && wantsColour(io.stdout);
  const counts = zeroCounts();
  let invalid = 0;
  let offline = 0;
  const rows = new Map<string, { report: LinkHealth; foundOn: AuditRow['foundOn'] }>();
  const progress = createProgress(io.stderr);
  const streamed: string[] = [];

  // Check every distinct address once, concurrently; print in input order as soon as each is ready.
  const pending: Array<
    Promise<{ line: CheckLine; detail: string; input: InputLine & { from: string }; report: LinkHealth | null }>
  > = [];
  const byAddress = new Map<string, Promise<LinkHealth>>();
  let printed = 0;
  const flush = async (all: boolean) => {
    while (printed < pending.length) {
      const next = pending[printed]!;
      if (!all && !(await isSettled(next))) return;
      const { line, detail, input, report } = await next;
      if (line.error) {
        invalid++;
        io.stderr.write(`still-there: ${terminalSafe(`${line.error}: ${line.url}`)}\n`);
      } else {
        counts[line.verdict]++;
        if (line.reason === 'offline') offline++;
      }
      if (report && !line.error) {
        const row = rows.get(report.url) ?? { report, foundOn: [] };
        row.foundOn.push({ page: input.from, text: '', position: input.lineNumber });
        rows.set(report.url, row);
      }
      if (streaming) {
        const text = output.format === 'json' ? `${JSON.stringify(line)}\n` : `${tableRow(line, detail, colour)}\n`;
        if (output.out === null) io.stdout.write(text);
        else streamed.push(text);
      }
      printed++;
    }
  };

  try {
    for await (const input of lines) {
      pending.push(lineResult(input));
      progress.grow(1);
      await flush(false);
    }
    await flush(true);
  } finally {
    progress.stop();
    engine.close();
  }
  const checked = counts.alive + counts.moved + counts.dead + counts.unverified;
  const wasOffline = checked > 0 && offline === checked;
  if (!streaming || output.out !== null) {
    const report = buildReport({
      site: given.length ? FROM_ARGUMENTS : FROM_STDIN,
      scope: 'all',
      generatedAt: new Date().toISOString(),
      pages: [...new Set([...rows.values()].flatMap((r) => r.foundOn.map((f) => f.page)))],
      rows: [...rows.values()].map((r) => auditRow(r.report, r.foundOn)),
      command: commandLine('check', argv),
      offline: wasOffline,
    });
    const text = streaming ? streamed.join('') : render(report, output.format, { colour });
    if (!(await deliver(text, output.out, io))) return 2;
  }
  if (output.format !== 'json' || output.out !== null) io.stderr.write(`${summaryLine(counts, invalid)}\n`);
  if (wasOffline) io.stderr.write(`still-there: ${OFFLINE_BANNER}\n`);
  // Nothing readable, or nothing judged: neither "all is well" nor "something is dead".
  if (checked === 0 || wasOffline) return 2;
  return [...output.failOn].some((v) => counts[v] > 0) ? 1 : 0;

  function lineResult(
    input: InputLine & { from: string },
  ): Promise<{ line: CheckLine; detail: string; input: InputLine & { from: string }; report: LinkHealth | null }> {
    const problem = input.problem ?? screenProblem(input.text);
    if (problem) {
      progress.tick();
      const where = input.from === FROM_STDIN ? `line ${input.lineNumber}` : `argument ${input.lineNumber}`;
      return Promise.resolve({
        line: badInputLine(input.text, `${where}: ${problem}`, new Date()),
        detail: '',
        input,
        report: null,
      });
    }
    let report = byAddress.get(input.text);
    if (!report) {
      report = engine.check(input.text);
      byAddress.set(input.text, report);
    }
    return report.then((r) => {
      progress.tick();
      return { line: toCheckLine(input.text, r), detail: r.detail, input, report: r };
    });
  }

  function screenProblem(text: string): string | null {
    const s = screenUrl(text, true);
    return s.ok || s.reason !== 'invalid-url' ? null : s.detail;
  }
}

async function isSettled(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (
    (await Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      Promise.resolve(marker),
    ])) !== marker
  );
}

/** The addresses given as arguments, then those on standard input, each marked with where it came from. */
async function* inputs(
  given: string[],
  stdinStream: AsyncIterable<Buffer | string> | null,
): AsyncGenerator<InputLine & { from: string }> {
  for await (const line of argumentLines(given)) yield { ...line, from: FROM_ARGUMENTS };
  if (stdinStream) for await (const line of readLines(stdinStream)) yield { ...line, from: FROM_STDIN };
}

export const OFFLINE_BANNER =
  'this computer appears to be offline: no link could be judged, so none is reported dead or alive (exit 2)';
