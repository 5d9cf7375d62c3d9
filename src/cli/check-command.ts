/** `still-there check URL... [--json]`: verdicts for a list of links, streamed in input order. */
import { stdin } from 'node:process';
import { ENGINE_HELP, ENGINE_OPTIONS, engineSettings, parse, UsageError } from './args.ts';
import { terminalSafe } from '../report/table.ts';
import { badInputLine, summaryLine, tableRow, toCheckLine, type CheckLine } from './check-output.ts';
import { createNodeEngine } from './engine.ts';
import { argumentLines, readLines, type InputLine } from './input.ts';
import { createProgress } from './progress.ts';
import { zeroCounts, type LinkReport } from '../health/verdict.ts';
import { screenUrl } from '../health/screen.ts';

export const CHECK_HELP = `still-there check — is each link still there?

Usage: still-there check URL... [options]
       some-command | still-there check [options]        (one address a line; # comments and blank lines skipped)

  --json                  one JSON object per line per address (the format is in the README)
${ENGINE_HELP}

Exit status: 0 nothing dead, 1 something dead, 2 bad usage.`;

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  newHomeFor?: (url: string) => string | null;
}

export async function checkCommand(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, stdin }): Promise<number> {
  const { values, positionals } = parse(argv, { ...ENGINE_OPTIONS, json: { type: 'boolean' } });
  if (values.help) {
    io.stdout.write(`${CHECK_HELP}\n`);
    return 0;
  }
  const settings = engineSettings(values);
  if (positionals.length === 0 && io.stdin.isTTY) throw new UsageError('give addresses as arguments or one a line on standard input');
  const lines = positionals.length ? argumentLines(positionals) : readLines(io.stdin);
  const engine = createNodeEngine({ ...settings, ...(io.newHomeFor ? { newHomeFor: io.newHomeFor } : {}) });
  const json = Boolean(values.json);
  const colour = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  const counts = zeroCounts();
  let invalid = 0;
  const progress = createProgress(io.stderr);

  // Check every distinct address once, concurrently; print in input order as soon as each is ready.
  const pending: Array<Promise<{ line: CheckLine; detail: string }>> = [];
  const byAddress = new Map<string, Promise<LinkReport>>();
  let printed = 0;
  const flush = async (all: boolean) => {
    while (printed < pending.length) {
      const next = pending[printed]!;
      if (!all && !(await isSettled(next))) return;
      const { line, detail } = await next;
      if (line.error) {
        invalid++;
        io.stderr.write(`still-there: ${terminalSafe(`${line.error}: ${line.url}`)}\n`);
      } else counts[line.verdict]++;
      io.stdout.write(json ? `${JSON.stringify(line)}\n` : `${tableRow(line, detail, colour)}\n`);
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
  if (!json) io.stderr.write(`${summaryLine(counts, invalid)}\n`);
  return counts.dead > 0 ? 1 : 0;

  function lineResult(input: InputLine): Promise<{ line: CheckLine; detail: string }> {
    const problem = input.problem ?? screenProblem(input.text);
    if (problem) {
      progress.tick();
      return Promise.resolve({ line: badInputLine(input.text, `line ${input.lineNumber}: ${problem}`, new Date()), detail: '' });
    }
    let report = byAddress.get(input.text);
    if (!report) {
      report = engine.check(input.text);
      byAddress.set(input.text, report);
    }
    return report.then((r) => {
      progress.tick();
      return { line: toCheckLine(input.text, r), detail: r.detail };
    });
  }

  function screenProblem(text: string): string | null {
    const s = screenUrl(text, true);
    return s.ok || s.reason !== 'invalid-url' ? null : s.detail;
  }
}

async function isSettled(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  return (await Promise.race([p.then(() => true, () => true), Promise.resolve(marker)])) !== marker;
}
