/**
 * Reading PDF handouts (src/documents/pdf.ts) made the three ways they are made (tests/fixtures/pdf/make.sh: printed
 * by Chromium, exported by a word processor, typed with plain-text addresses), and the ones that cannot be read.
 * The reader runs here as the CLI runs it, on pdf.js's legacy build, in this thread and in a thread of its own
 * (src/cli/pdf-file.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdfFile } from '../../src/cli/pdf-file.ts';
import type { DocumentRead, FoundLink } from '../../src/documents/found.ts';
import { DocumentError, readPage, readPdf, type PdfLimits } from '../../src/documents/pdf.ts';
import type { TextRun } from '../../src/documents/pdf-layout.ts';
import { phoneFindings } from '../../src/documents/phone-findings.ts';
import { allGroups } from '../../src/directory/groups.ts';

/** The day the directory's facts for a group were checked, as the findings quote it. */
const checked = (id: string) => allGroups().find((g) => g.id === id)!.verified;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pdf');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const read = (name: string, limits: Partial<PdfLimits> = {}) => readPdf(bytes(name), { pdfjs, name, limits });
const link = (r: DocumentRead, href: string): FoundLink => {
  const found = r.links.filter((l) => l.href === href);
  expect(found, href).toHaveLength(1);
  return found[0]!;
};
async function refusal(reading: Promise<unknown>): Promise<DocumentError> {
  const err = await reading.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return err as DocumentError;
}

describe('a web page printed to PDF by Chromium', () => {
  let guide: DocumentRead;
  beforeAll(async () => {
    guide = await read('harbor-county-guide.pdf');
  });

  it('reads its title and pages', () => {
    expect(guide.title).toBe('Harbor County Resource Guide: Support Groups and Helplines');
    expect(guide.pages).toBe(3);
    expect(guide.notes).toEqual([]);
  });

  it('finds each link with its page, its words and the words around it', () => {
    expect(link(guide, 'https://www.aa.org/find-aa')).toMatchObject({
      kind: 'link',
      words: 'www.aa.org/find-aa',
      place: { page: 2, label: null },
    });
    expect(link(guide, 'https://www.aa.org/find-aa').context).toContain('Alcoholics Anonymous');
    expect(link(guide, 'https://www.aa.org/assets/en_US/en_bigbook_chapt4.pdf').words).toBe('Read chapter 4 (PDF)');
    expect(link(guide, 'http://www.suicidepreventionlifeline.org/').place.page).toBe(1);
    expect(link(guide, 'https://growinamerica.org/find-a-group/')).toMatchObject({
      words: 'Find a GROW group near you',
      place: { page: 3 },
    });
  });

  it('reads a link broken over two lines once, with all its words', () => {
    expect(link(guide, 'https://www.nami.org/Support-Education/Support-Groups').words).toBe(
      'www.nami.org/Support-Education/Support-Groups',
    );
    expect(link(guide, 'https://psychcentral.com/lib/the-big-list-of-support-groups').words).toBe(
      'https://psychcentral.com/lib/the-big-list-of-support-groups',
    );
  });

  it('finds the addresses printed without a link, one wrapped inside its table cell', () => {
    const printed = guide.links.filter((l) => l.kind === 'printed').map((l) => [l.place.page, l.href]);
    expect(printed).toEqual([
      [2, 'https://www.na.org/meetingsearch/'],
      [2, 'https://coda.org/meeting-search/'],
      [2, 'http://www.nmha.org/go/find-an-affiliate'],
      [3, 'https://recoverydharma.org/meetings/'],
    ]);
  });

  it("finds its phone numbers, and the 988 Lifeline's old one", () => {
    expect(guide.phones.map((p) => p.printed)).toEqual([
      '1-800-273-TALK (8255)',
      '1-800-273-8255',
      '1-800-662-HELP (4357)',
      '1-800-799-7233',
      '1-800-950-6264',
      '(800) 826-3632',
    ]);
    expect(phoneFindings(guide.phones).map((f) => f.message)).toEqual([
      'page 1 lists 1-800-273-TALK (8255) for 988 Suicide & Crisis Lifeline (printed as "National Suicide Prevention Lifeline"); the current number is 988',
      `page 1 lists 1-800-273-8255 for Veterans Crisis Line; the directory lists 988, then press 1 (checked ${checked('veterans-crisis-line')})`,
    ]);
  });
});

describe("a word processor's export with named links", () => {
  let handout: DocumentRead;
  beforeAll(async () => {
    handout = await read('riverside-family-supports.pdf');
  });

  it('gives each place the page label the handout prints ("page 1" on the sheet after the cover)', () => {
    expect(link(handout, 'https://al-anon.org/').place).toMatchObject({ page: 2, label: '1' });
    expect(link(handout, 'http://www.recovery-inc.org/').place).toMatchObject({ page: 3, label: '2' });
  });

  it("reads a named link's words, without the punctuation its rectangle takes in", () => {
    expect(link(handout, 'https://al-anon.org/').words).toBe('Find an Al-Anon meeting');
    expect(link(handout, 'http://www.nmha.org/go/find-an-affiliate').words).toBe('find your local MHA affiliate');
    expect(link(handout, 'http://www.ocfoundation.org/EO_Hoarding.aspx').context).toContain(
      'Obsessive Compulsive Foundation',
    );
    expect(handout.links.every((l) => l.kind === 'link')).toBe(true);
  });

  it('reports the number printed for the wrong group, on the page as numbered', () => {
    expect(phoneFindings(handout.phones).map((f) => f.message)).toEqual([
      `page 1 lists 1-800-662-4357 for NAMI; the directory lists 1-800-950-6264 (checked ${checked('nami')})`,
    ]);
  });
});

describe('a typed list with addresses only as plain text', () => {
  let list: DocumentRead;
  beforeAll(async () => {
    list = await read('recovery-resources-typed.pdf');
  });

  it('finds every address, two the typist broke over lines made whole', () => {
    expect(list.links.map((l) => l.href)).toEqual([
      'https://www.aa.org/find-aa',
      'https://na.org/meetingsearch/',
      'https://www.smartrecovery.org/local/full-meeting-list-by-state.php',
      'https://www.oa.org/find-a-meeting/',
      'https://www.lifering.org/online-meetings',
      'https://coda.org/meeting-search/',
      'https://recoverydharma.org/meetings/',
      'https://psychcentral.com/lib/the-big-list-of-support-groups',
      'http://dbsalliance.org/support/chapters-and-support-groups/',
      'https://www.ocfoundation.org/',
    ]);
    expect(list.links.every((l) => l.kind === 'printed')).toBe(true);
  });

  it("gives an address on a line of its own the line above as its surroundings: the group's name", () => {
    expect(link(list, 'https://www.aa.org/find-aa').context).toBe(
      'Alcoholics Anonymous (AA) - meetings every day in the county www.aa.org/find-aa',
    );
  });
});

describe('a page read from its text runs', () => {
  const run = (str: string, x: number, y: number, width = str.length * 5.5): TextRun => ({
    str,
    transform: [11, 0, 0, 11, x, y],
    width,
    height: 11,
  });
  const printed = (runs: TextRun[]) =>
    readPage({ runs, annotations: [] }, { page: 1, label: null }).links.map((l) => l.href);

  it('goes on at the start of the next line of a paragraph', () => {
    expect(
      printed([
        run('Free, confidential referral: https://www.samhsa.gov/find-', 72, 700),
        run('help/national-helpline any day of the year.', 72, 686),
      ]),
    ).toEqual(['https://www.samhsa.gov/find-help/national-helpline']);
  });

  it('goes on under the address itself in a table cell, not at the start of the row', () => {
    expect(
      printed([
        run('Narcotics Anonymous', 72, 700),
        run('Meetings for anyone who wants to stop', 190, 700),
        run('https://www.na.org/meeti', 420, 700),
        run('using.', 190, 686),
        run('ngsearch/', 420, 686),
      ]),
    ).toEqual(['https://www.na.org/meetingsearch/']);
  });

  it("takes a number's entry from the lines just above it, not from the page's heading", () => {
    const phones = (heading: number) =>
      readPage(
        {
          runs: [{ ...run('NAMI Family Support', 72, 716), height: heading }, run('Helpline 1-800-662-4357', 72, 700)],
          annotations: [],
        },
        { page: 1, label: null },
      ).phones;
    expect(phones(12)[0]!.above).toEqual(['NAMI Family Support']);
    expect(phones(20)[0]!.above).toEqual([]);
  });

  it("does not take the next row's first word of another entry", () => {
    expect(
      printed([run('Online meetings: https://www.aa.org/', 72, 700), run('Narcotics Anonymous: na.org', 72, 686)]),
    ).toEqual(['https://www.aa.org/', 'https://na.org/']);
  });
});

describe('what cannot be read', () => {
  it('reads a PDF encrypted without a password to open it, and says so', async () => {
    const restricted = await read('harbor-county-guide-restricted.pdf');
    expect(restricted.notes).toEqual(['encrypted, but readable without a password']);
    expect(restricted.links).toHaveLength(18);
  });

  it.each([
    ['harbor-county-guide-locked.pdf', 'password', 'is locked with a password'],
    ['harbor-county-guide-scanned.pdf', 'image-only', 'has no text to read: its pages are pictures'],
    ['harbor-county-guide-cut-off.pdf', 'damaged', 'is damaged and cannot be read'],
    ['guide-404.pdf', 'not-a-pdf', 'is not a PDF: it is a web page'],
  ])('%s: %s', async (name, problem, words) => {
    const err = await refusal(read(name));
    expect(err.problem).toBe(problem);
    expect(err.message).toContain(`${name} ${words}`);
  });

  it('refuses a file past the size cap before reading it, and one past the page cap, saying the caps', async () => {
    const big = await refusal(read('harbor-county-guide.pdf', { maxBytes: 50 * 1024 }));
    expect(big.problem).toBe('too-large');
    expect(big.message).toBe('harbor-county-guide.pdf is 71.4 KiB; still-there reads PDFs of up to 50.0 KiB');
    const long = await refusal(read('harbor-county-guide.pdf', { maxPages: 2 }));
    expect(long.message).toBe('harbor-county-guide.pdf has 3 pages; still-there reads PDFs of up to 2 pages');
  });

  it('stops a reading that outlives its time', async () => {
    const slow = await refusal(read('harbor-county-guide.pdf', { maxMs: 0 }));
    expect(slow.problem).toBe('too-slow');
    expect(slow.message).toBe('reading harbor-county-guide.pdf took longer than 0 s, so it was stopped');
  });
});

// Each thread loads pdf.js afresh: a second or two on a busy machine.
const THREAD_TEST_MS = 30_000;

describe('the command line’s reading, in a thread of its own', () => {
  it('gives what the reader gives', { timeout: THREAD_TEST_MS }, async () => {
    const inThread = await readPdfFile(bytes('recovery-resources-typed.pdf'), 'recovery-resources-typed.pdf');
    expect(inThread).toEqual(await read('recovery-resources-typed.pdf'));
  });

  it("passes on the reader's refusal, and its time cap", { timeout: THREAD_TEST_MS }, async () => {
    const locked = await refusal(readPdfFile(bytes('harbor-county-guide-locked.pdf'), 'guide.pdf'));
    expect(locked.problem).toBe('password');
    const slow = await refusal(readPdfFile(bytes('harbor-county-guide.pdf'), 'guide.pdf', { maxMs: 0 }));
    expect(slow.problem).toBe('too-slow');
  });
});
