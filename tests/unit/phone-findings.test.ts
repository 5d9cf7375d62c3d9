/**
 * Numbers a handout prints that are not the number to call now (src/documents/phone-findings.ts, with the numbers
 * found by src/directory/phones.ts): only for the one group a number is printed for, and only as the directory's
 * phones allow.
 */
import { describe, expect, it } from 'vitest';
import { allGroups } from '../../src/directory/groups.ts';
import { numberProblem, numbersIn } from '../../src/directory/phones.ts';
import type { FoundPhone } from '../../src/documents/found.ts';
import { phoneFindings } from '../../src/documents/phone-findings.ts';

const group = (id: string) => allGroups().find((g) => g.id === id)!;

/** A number as the PDF reader finds it on its line (and, optionally, the lines above and its links). */
function printedOn(line: string, more: Partial<FoundPhone> = {}): FoundPhone {
  const [n] = numbersIn(line);
  if (!n) throw new Error(`no number in ${line}`);
  return {
    printed: n.printed,
    digits: n.digits,
    context: line,
    cell: line,
    above: [],
    besideLinks: [],
    place: { page: 4, label: null, line: 7 },
    ...more,
  };
}
const messages = (...phones: FoundPhone[]) => phoneFindings(phones).map((f) => f.message);

describe('numbers printed in a text', () => {
  it('reads the forms handouts print, vanity numbers turned into digits', () => {
    expect(
      numbersIn('Call 1-800-273-TALK (8255), (212) 870-3400, 800.826.3632 or 1-833-TLC-MAMA').map((n) => [
        n.printed,
        n.digits,
      ]),
    ).toEqual([
      ['1-800-273-TALK (8255)', '8002738255'],
      ['(212) 870-3400', '2128703400'],
      ['800.826.3632', '8008263632'],
      ['1-833-TLC-MAMA', '8338526262'],
    ]);
  });

  it('takes no ordinary word for a vanity number', () => {
    expect(numbersIn('Open 8 to 5, call 800 for details, room 866 HELP desk')).toEqual([]);
  });
});

describe("a number's problem with its group", () => {
  it('a former number: the current one instead', () => {
    expect(numberProblem('8002738255', group('988-lifeline'))).toEqual({ kind: 'former', current: '988' });
  });

  it('a toll-free number the group does not use: the directory’s own', () => {
    expect(numberProblem('8006624357', group('nami'))).toEqual({ kind: 'differs', current: '1-800-950-6264' });
  });

  it('nothing for a current number, a local number, or a group without a number to call', () => {
    expect(numberProblem('8009506264', group('nami'))).toBeNull();
    expect(numberProblem('5854231593', group('nami'))).toBeNull(); // a chapter's own local line
    expect(numberProblem('8006624357', group('alcoholics-anonymous'))).toBeNull();
  });
});

describe('stale numbers in a handout', () => {
  it("reports the 988 Lifeline's old number, named by its old name, with the page", () => {
    expect(messages(printedOn('National Suicide Prevention Lifeline: 1-800-273-TALK (8255), 24 hours a day'))).toEqual([
      'page 4 lists 1-800-273-TALK (8255) for 988 Suicide & Crisis Lifeline (printed as "National Suicide Prevention Lifeline"); the current number is 988',
    ]);
  });

  it('says the page as the handout numbers it, when it has labels', () => {
    const phone = printedOn('988 Suicide and Crisis Lifeline 1-800-273-8255', {
      place: { page: 5, label: '3', line: 2 },
    });
    expect(messages(phone)).toEqual([
      'page 3 lists 1-800-273-8255 for 988 Suicide & Crisis Lifeline; the current number is 988',
    ]);
  });

  it('reports a toll-free number printed for a group that does not use it, with the date the directory was checked', () => {
    const [finding] = phoneFindings([printedOn('NAMI HelpLine: 1-800-662-4357, Monday to Friday.')]);
    expect(finding).toMatchObject({ kind: 'differs', current: '1-800-950-6264', group: { id: 'nami' } });
    expect(finding!.message).toBe(
      `page 4 lists 1-800-662-4357 for NAMI; the directory lists 1-800-950-6264 (checked ${group('nami').verified})`,
    );
  });

  it("finds the group from the line's link when the line names none", () => {
    const phone = printedOn('Call 1-800-273-8255 or visit the website', {
      besideLinks: ['http://www.suicidepreventionlifeline.org/'],
    });
    expect(phoneFindings([phone]).map((f) => [f.group.id, f.named])).toEqual([['988-lifeline', null]]);
  });

  it('finds the group on the line above, when the number has a line of its own', () => {
    const phone = printedOn('1-800-273-8255 (24 hours)', { above: ['National Suicide Prevention Lifeline'] });
    expect(phoneFindings([phone]).map((f) => f.group.id)).toEqual(['988-lifeline']);
    const underTwo = printedOn('1-800-273-8255 (24 hours)', {
      above: ['NAMI and the National Suicide Prevention Lifeline'],
    });
    expect(phoneFindings([underTwo]).map((f) => f.group.id)).toEqual([]);
  });

  it('takes the number’s own cell when its row names two groups', () => {
    const row = 'NAMI HelpLine 1-800-950-6264  National Suicide Prevention Lifeline 1-800-273-8255';
    const phone = printedOn(row, { cell: 'National Suicide Prevention Lifeline 1-800-273-8255' });
    Object.assign(phone, { printed: '1-800-273-8255', digits: '8002738255' });
    expect(phoneFindings([phone]).map((f) => f.group.id)).toEqual(['988-lifeline']);
    expect(phoneFindings([{ ...phone, cell: row }])).toEqual([]);
  });

  it('says nothing when the handout itself calls the number old, or gives the current one beside it', () => {
    expect(messages(printedOn('988 Suicide and Crisis Lifeline (formerly 1-800-273-8255)'))).toEqual([]);
    expect(messages(printedOn('Lifeline: call or text 988; the old 1-800-273-8255 still works'))).toEqual([]);
    expect(messages(printedOn('National Suicide Prevention Lifeline: call 988 or 1-800-273-8255'))).toEqual([]);
  });

  it('says nothing of a number whose line names no group', () => {
    expect(messages(printedOn('Front desk: 1-800-273-8255'))).toEqual([]);
  });
});
