/**
 * What the editor said to skip or to check, as lychee's users say it: --exclude and --include (regular expressions
 * on the address, repeatable) and a `.stillthereignore` file in the folder the command runs in (one expression a
 * line, # for comments, as .lycheeignore). --include wins: a link it names is checked even when an exclusion
 * matches it or spotting does not take it for a resource. --exclude-path names the site's own pages the crawl is not
 * to read (a login page, a search, a calendar that never ends).
 */
import { readFile } from 'node:fs/promises';
import type { OptionValues } from './args.ts';
import { UsageError } from './usage-error.ts';

export const IGNORE_FILE = '.stillthereignore';

export interface LinkFilter {
  /** Expressions a link's address is tested with, as given (for the report's words). */
  readonly excludes: readonly RegExp[];
  readonly includes: readonly RegExp[];
  readonly pagesExcluded: readonly RegExp[];
  /** Whether a link is named by --include. */
  included(address: string): boolean;
  /** Whether a link is not to be checked: an exclusion matches it and no --include does. */
  excluded(address: string): boolean;
  /** Whether a page of the site is not to be read. */
  pageExcluded(address: string): boolean;
}

export async function linkFilter(values: OptionValues, cwd: string = process.cwd()): Promise<LinkFilter> {
  const ignored = await ignoreFile(`${cwd}/${IGNORE_FILE}`);
  const excludes = [...expressions(values.exclude, '--exclude'), ...ignored];
  const includes = expressions(values.include, '--include');
  const pagesExcluded = expressions(values['exclude-path'], '--exclude-path');
  const included = (address: string) => includes.some((re) => re.test(address));
  return {
    excludes,
    includes,
    pagesExcluded,
    included,
    excluded: (address) => !included(address) && excludes.some((re) => re.test(address)),
    pageExcluded: (address) => pagesExcluded.some((re) => re.test(address)),
  };
}

function expressions(given: OptionValues[string], option: string): RegExp[] {
  const list = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  return list.map((source) => expression(source, option));
}

function expression(source: string, where: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw new UsageError(`${where}: "${source}" is not a regular expression (${(err as Error).message})`);
  }
}

/** The exclusions of .stillthereignore; none when there is no such file. */
async function ignoreFile(file: string): Promise<RegExp[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => expression(line, `${IGNORE_FILE} line ${number}`));
}
