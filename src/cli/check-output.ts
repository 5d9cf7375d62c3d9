/**
 * What `still-there check` prints. The JSON line is a contract (README): one object per input line, these keys,
 * in this order, nothing else relied upon.
 */
import type { Verdict } from '../health/verdict.ts';
import { CHECK_LINE, project, type CheckLineFields, type VerdictSummary } from '../health/link-health.ts';
import { terminalSafe } from '../report/table.ts';

/** The verdict without its detail (the table prints it; the JSON contract leaves it out), the address as given. */
export type CheckLine = CheckLineFields & {
  /** Only for lines that could not be checked at all (bad input). */
  error?: string;
};

export function toCheckLine(given: string, r: VerdictSummary): CheckLine {
  return { ...project(r, CHECK_LINE), url: given };
}

export function badInputLine(given: string, problem: string, now: Date): CheckLine {
  return {
    url: given.length > 200 ? `${given.slice(0, 200)}…` : given,
    verdict: 'unverified',
    reason: 'invalid-url',
    status: null,
    finalUrl: null,
    newHome: null,
    archive: null,
    checkedAt: now.toISOString(),
    error: problem,
  };
}

const COLOURS: Record<Verdict, string> = {
  alive: '\x1b[32m',
  moved: '\x1b[36m',
  dead: '\x1b[31m',
  unverified: '\x1b[33m',
};

/** One row of the readable table: verdict, reason, address, and what to do about it. */
export function tableRow(line: CheckLine, detail: string, colour: boolean): string {
  const verdict = line.verdict.padEnd(10);
  const painted = colour ? `${COLOURS[line.verdict]}${verdict}\x1b[0m` : verdict;
  const notes: string[] = [];
  if (line.error) notes.push(line.error);
  else if (detail) notes.push(detail);
  if (line.newHome) notes.push(`now at ${line.newHome}`);
  if (line.archive) notes.push(`archived ${line.archive.url}`);
  // The address and the notes come from the input and from other people's servers: no escape sequence reaches the terminal.
  return `${painted} ${line.reason.padEnd(15)} ${terminalSafe(line.url)}${notes.length ? `\n${' '.repeat(27)}${terminalSafe(notes.join('; '))}` : ''}`;
}

export function summaryLine(counts: Record<Verdict, number>, invalid: number): string {
  const total = counts.alive + counts.moved + counts.dead + counts.unverified;
  const parts = [
    `${counts.alive} alive`,
    `${counts.moved} moved`,
    `${counts.dead} dead`,
    `${counts.unverified} unverified`,
  ];
  return `${total} checked: ${parts.join(', ')}${invalid ? ` (${invalid} ${invalid === 1 ? 'line' : 'lines'} could not be read)` : ''}`;
}
