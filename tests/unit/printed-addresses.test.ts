/**
 * Web addresses written as plain text in a handout (src/documents/printed-addresses.ts): which words are addresses,
 * and when an address the layout broke at a line's end goes on at the start of the next.
 */
import { describe, expect, it } from 'vitest';
import { printedAddresses, type TextLine } from '../../src/documents/printed-addresses.ts';

const lines = (...texts: string[]): TextLine[] => texts.map((text) => ({ text }));
const hrefs = (input: TextLine[]) => printedAddresses(input).map((a) => a.href);

describe('addresses printed as text', () => {
  it.each([
    ['Alcoholics Anonymous: www.aa.org', 'https://www.aa.org/'],
    ['Narcotics Anonymous - na.org/meetings', 'https://na.org/meetings'],
    ['Al-Anon.org', 'https://al-anon.org/'],
    ['WWW.NAMI.ORG', 'https://www.nami.org/'],
    ['see https://www.samhsa.gov/find-help/national-helpline.', 'https://www.samhsa.gov/find-help/national-helpline'],
    ['(www.oa.org/find-a-meeting/)', 'https://www.oa.org/find-a-meeting/'],
    ['“coda.org/meeting-search/”, or call', 'https://coda.org/meeting-search/'],
    ['http://dbsalliance.org/support/?chapter=12&lang=en;', 'http://dbsalliance.org/support/?chapter=12&lang=en'],
    ['Wikipedia: https://en.wikipedia.org/wiki/Recovery_(band)', 'https://en.wikipedia.org/wiki/Recovery_(band)'],
  ])('reads %s', (text, href) => expect(hrefs(lines(text))).toEqual([href]));

  it.each([
    ['an e-mail address', 'write to someone@example.org'],
    ['an abbreviation', 'bring ID, e.g. a license'],
    ['a file name', 'print guide.pdf or notes.docx'],
    ['a decimal', 'open 8.30 to 5.00'],
    ['an ending that is not a common one', 'the county.clerk office'],
  ])('leaves %s alone', (_case, text) => expect(hrefs(lines(text))).toEqual([]));

  it('finds every address of a line, and says where each is', () => {
    const found = printedAddresses(lines('Meetings', 'AA: www.aa.org/find-aa; NA: na.org/meetingsearch/'));
    expect(found).toEqual([
      { href: 'https://www.aa.org/find-aa', printed: 'www.aa.org/find-aa', line: 1, endLine: 1 },
      { href: 'https://na.org/meetingsearch/', printed: 'na.org/meetingsearch/', line: 1, endLine: 1 },
    ]);
  });
});

describe('an address broken over two lines', () => {
  it('joins the rest after a hyphen, whatever the line', () => {
    expect(hrefs(lines('https://psychcentral.com/lib/the-big-list-of-support-', 'groups'))).toEqual([
      'https://psychcentral.com/lib/the-big-list-of-support-groups',
    ]);
  });

  it("joins a path's rest after a slash when it looks like a path", () => {
    expect(
      printedAddresses(lines('SMART Recovery: https://www.smartrecovery.org/local/', 'full-meeting-list-by-state.php')),
    ).toEqual([
      {
        href: 'https://www.smartrecovery.org/local/full-meeting-list-by-state.php',
        printed: 'https://www.smartrecovery.org/local/full-meeting-list-by-state.php',
        line: 0,
        endLine: 1,
      },
    ]);
  });

  it('joins a host that went to the next line after its https://', () => {
    expect(hrefs(lines('Online at https://', 'www.aa.org/find-aa'))).toEqual(['https://www.aa.org/find-aa']);
  });

  it('joins a capitalised path only when it carries a path’s signs', () => {
    expect(hrefs(lines('www.nami.org/Support-', 'Education/Support-Groups'))).toEqual([
      'https://www.nami.org/Support-Education/Support-Groups',
    ]);
    expect(hrefs(lines('Groups at www.aa.org/', 'Meetings are held daily.'))).toEqual(['https://www.aa.org/']);
  });

  it('leaves a whole address and the next sentence apart', () => {
    expect(hrefs(lines('Find a meeting at www.aa.org', 'every day of the week.'))).toEqual(['https://www.aa.org/']);
    expect(hrefs(lines('Find a meeting at www.aa.org/', 'meetings near you'))).toEqual(['https://www.aa.org/']);
  });

  it('after a slash at the margin, takes a word alone on the next line, and nothing else', () => {
    expect(hrefs([{ text: 'Meetings: www.aa.org/', full: true }, { text: 'meetings' }])).toEqual([
      'https://www.aa.org/meetings',
    ]);
    expect(hrefs([{ text: 'Meetings: www.aa.org/', full: true }, { text: 'meetings near you' }])).toEqual([
      'https://www.aa.org/',
    ]);
  });

  it('goes on after a whole-looking end only at the margin, and only into a path', () => {
    const broken = [{ text: 'Chapters: www.dbsalliance.org/sup', full: true }, { text: 'port/chapters' }];
    expect(hrefs(broken)).toEqual(['https://www.dbsalliance.org/support/chapters']);
    expect(hrefs([{ text: 'Chapters: www.dbsalliance.org/sup' }, { text: 'port/chapters' }])).toEqual([
      'https://www.dbsalliance.org/sup',
    ]);
  });

  it('never takes an address of its own as the rest of the one above', () => {
    expect(hrefs(lines('www.aa.org/', 'na.org/meetings'))).toEqual(['https://www.aa.org/', 'https://na.org/meetings']);
  });

  it('stops at the sentence’s full stop on the next line', () => {
    expect(hrefs(lines('see www.samhsa.gov/find-', 'help. Then call.'))).toEqual(['https://www.samhsa.gov/find-help']);
  });
});
