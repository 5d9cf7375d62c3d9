/**
 * Small parts of the reports that a layout test in a browser would only catch indirectly: the command shown in a
 * report's header (quoted to be typed again, with no password from an address), and the break opportunities that
 * let a long address wrap at its slashes and dots.
 */
import { describe, expect, it } from 'vitest';
import { commandLine } from '../../src/cli/output-options.ts';
import { breakable } from '../../src/report/html.ts';
import { buildReport, summaryText } from '../../src/report/model.ts';

describe('the command in a report header', () => {
  it('is the command as typed, quoted only where a shell needs it', () => {
    expect(commandLine('audit', ['https://www.county-bh-directory.org/', '--recurse', '--format', 'html'])).toBe(
      'still-there audit https://www.county-bh-directory.org/ --recurse --format html',
    );
    expect(commandLine('check', ['-', '--out', "my report's copy.csv"])).toBe(
      `still-there check - --out 'my report'\\''s copy.csv'`,
    );
  });

  it('leaves out a user name and password written into an address', () => {
    expect(commandLine('audit', ['https://editor:hunter2@intranet.example.org/directory/'])).toBe(
      'still-there audit https://intranet.example.org/directory/',
    );
  });
});

describe('a long address in the HTML report', () => {
  it('may break after each slash, dot, ?, &, =, _ and -, and nowhere else', () => {
    expect(breakable('https://www.aa.org/find-aa?x=1&y=2')).toBe(
      'https:/<wbr>/<wbr>www.<wbr>aa.<wbr>org/<wbr>find-<wbr>aa?<wbr>x=<wbr>1&#38;<wbr>y=<wbr>2',
    );
  });

  it('escapes each part: an address is never markup', () => {
    expect(breakable('https://x.org/<img src=x>')).toBe('https:/<wbr>/<wbr>x.<wbr>org/<wbr>&#60;img src=<wbr>x&#62;');
  });
});

describe("the site's own broken pages", () => {
  it('are counted in the summary, said only when there are some', () => {
    const problem = {
      url: 'https://dir.example.org/grief.html',
      status: 404,
      detail: 'the server answered 404',
      linkedFrom: [],
    };
    const base = {
      site: 'https://dir.example.org/',
      scope: 'resources' as const,
      generatedAt: '2026-12-03T10:00:00Z',
      pages: ['https://dir.example.org/'],
      rows: [],
    };
    expect(summaryText(buildReport(base).summary)).toBe('0 links on 1 page: 0 dead, 0 moved, 0 unverified, 0 alive');
    expect(summaryText(buildReport({ ...base, siteProblems: [problem] }).summary)).toBe(
      "0 links on 1 page: 0 dead, 0 moved, 0 unverified, 0 alive; 1 of the site's own pages could not be read",
    );
  });
});
