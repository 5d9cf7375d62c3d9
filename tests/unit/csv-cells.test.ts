/**
 * The audit's CSV cells (src/report/csv.ts) read as text in every spreadsheet, whatever separator its locale uses:
 * a piece of a cell that a sheet could start a cell with never begins a formula.
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/report/csv.ts';

/** How a spreadsheet set to `separator` splits one line of our CSV: at every separator, quotes or not. */
function piecesAt(separator: string, line: string): string[] {
  return line.split(separator);
}

const FORMULA = /^[=+\-@\t\r]/;

describe('csvCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t'=1"`],
    ['\r=1', `"'\r'=1"`],
  ])('defuses a cell that starts a formula: %j', (given, written) => {
    expect(csvCell(given)).toBe(written);
  });

  it.each([
    ['Alcoholics Anonymous;=1+2', `"Alcoholics Anonymous;'=1+2"`],
    ['Narcotics Anonymous,+1', `"Narcotics Anonymous,'+1"`],
    ['Al-Anon|@cmd', `"Al-Anon|'@cmd"`],
    ['NAMI\t-2', `"NAMI\t'-2"`],
    ['two\n=lines', `"two\n'=lines"`],
    ['two\r\n@lines', `"two\r\n'@lines"`],
    ['a;;=b', `"a;;'=b"`],
  ])('quotes and defuses a formula after any separator: %j', (given, written) => {
    expect(csvCell(given)).toBe(written);
  });

  it('leaves a formula character inside words alone', () => {
    expect(csvCell('AA - Alcoholics Anonymous')).toBe('AA - Alcoholics Anonymous');
    expect(csvCell('https://www.aa.org/find-aa?x=1')).toBe('https://www.aa.org/find-aa?x=1');
    expect(csvCell('Al-Anon')).toBe('Al-Anon');
  });

  it('no piece a semicolon, comma, tab or pipe sheet makes of a defused line starts a formula', () => {
    const hostile = ['x;=HYPERLINK("http://evil")', 'y,+cmd|"/c calc"!A0', 'z\t-1+1', 'w|@SUM(1)', ';=1', '=1;=2,=3'];
    const line = hostile.map(csvCell).join(',');
    for (const separator of [';', ',', '\t', '|']) {
      for (const piece of piecesAt(separator, line)) {
        // A sheet strips the quote it sees first; what follows must still not be a formula.
        expect(piece.replace(/^"/, ''), `${JSON.stringify(separator)}: ${piece}`).not.toMatch(FORMULA);
      }
    }
  });

  it('writes numbers and nothing as they are', () => {
    expect(csvCell(404)).toBe('404');
    expect(csvCell(null)).toBe('');
  });
});
