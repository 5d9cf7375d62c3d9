/**
 * Reading a PDF handout with pdf.js (Mozilla's reader; no PDF parsing of our own): its link annotations, the web
 * addresses printed as plain text, and the phone numbers, each with its words, the words around it and its page
 * (found.ts). Pure: the caller hands in the pdf.js build it loaded (the legacy build in Node, the modern one in an
 * extension page, with its worker bundled as an extension file) and the document's bytes.
 *
 * A PDF that cannot be read ends with a DocumentError saying why in words a clinician can act on: not a PDF, damaged,
 * locked by a password, only pictures of text, or past a cap — PDF_LIMITS: 50 MiB, 1,000 pages, 60 seconds. A PDF
 * encrypted with no password to open it (only its permissions are locked, as many county forms are) is read.
 */
import type * as PdfJs from 'pdfjs-dist';
import { CONTEXT_CHARS } from '../directory/link-evidence.ts';
import { numbersIn } from '../directory/phones.ts';
import type { DocumentRead, FoundLink, FoundPhone, Place } from './found.ts';
import {
  rowMeets,
  rowsOf,
  wordsUnder,
  type Rect,
  type Row,
  type Segment,
  type TextRun,
  type Word,
} from './pdf-layout.ts';
import { printedAddresses, type Reading, type WordAt } from './printed-addresses.ts';

export interface PdfLimits {
  /** Larger files are refused before pdf.js sees them. */
  maxBytes: number;
  /** Longer documents are refused once pdf.js has counted their pages. */
  maxPages: number;
  /** The whole reading, from the first byte to the last page. */
  maxMs: number;
}

/**
 * A county's resource guide is a few MiB and a few dozen pages; a hospital's catalogue of services a few hundred.
 * Past these the file is something else (a scanned archive, a book), and reading it would hold the browser's tab or
 * the nightly audit for minutes.
 */
export const PDF_LIMITS: PdfLimits = { maxBytes: 50 * 1024 * 1024, maxPages: 1_000, maxMs: 60_000 };

export type DocumentProblem =
  'not-a-pdf' | 'damaged' | 'password' | 'image-only' | 'too-large' | 'too-many-pages' | 'too-slow';

/** A document that cannot be read, and why, in words for the person who gave it. */
export class DocumentError extends Error {
  readonly problem: DocumentProblem;
  constructor(problem: DocumentProblem, message: string) {
    super(message);
    this.name = 'DocumentError';
    this.problem = problem;
  }
}

/** The part of pdf.js read here: the legacy build (Node) and the modern one (extension pages) both have it. */
export type PdfJsLibrary = Pick<typeof PdfJs, 'getDocument'>;
/** getDocument's parameters object (its other forms are a bare address or bytes). */
type DocumentInitParameters = Exclude<
  Parameters<PdfJsLibrary['getDocument']>[0],
  string | URL | ArrayBuffer | ArrayBufferView | undefined
>;

export interface PdfReadOptions {
  pdfjs: PdfJsLibrary;
  /** How messages name the document: its file name or address ("guide.pdf"). */
  name?: string;
  limits?: Partial<PdfLimits>;
  /** More of getDocument's parameters, from the host: its worker, where its character maps are. */
  documentOptions?: Partial<DocumentInitParameters>;
}

/** Reads the document; throws a DocumentError when it cannot be read (anything else is a bug of ours). */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions): Promise<DocumentRead> {
  const limits = { ...PDF_LIMITS, ...options.limits };
  const name = options.name ?? 'the PDF';
  const refused = refusedUnread(bytes, name, limits.maxBytes);
  if (refused) throw refused;

  let timer: ReturnType<typeof setTimeout> | null = null;
  const tooSlow = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DocumentError('too-slow', `reading ${name} took longer than ${limits.maxMs / 1000} s, so it was stopped`),
        ),
      limits.maxMs,
    );
  });
  const timed = <T>(p: Promise<T>): Promise<T> => Promise.race([p, tooSlow]);

  // pdf.js takes the buffer over (it is transferred to its worker): a copy leaves the caller's bytes whole.
  const task = options.pdfjs.getDocument({
    data: bytes.slice(),
    // No font is installed and no form is built: only words and links are read (pdf.js 5 compiles nothing with eval).
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: 0,
    ...options.documentOptions,
  });
  try {
    const doc = await timed(task.promise);
    if (doc.numPages > limits.maxPages)
      throw new DocumentError(
        'too-many-pages',
        `${name} has ${doc.numPages.toLocaleString('en-US')} pages; still-there reads PDFs of up to ${limits.maxPages.toLocaleString('en-US')} pages`,
      );
    const [labels, meta] = await timed(
      Promise.all([doc.getPageLabels().catch(() => null), doc.getMetadata().catch(() => null)]),
    );
    const info = (meta?.info ?? {}) as { Title?: unknown; EncryptFilterName?: unknown };
    const notes: string[] = [];
    if (info.EncryptFilterName) notes.push('encrypted, but readable without a password');
    const links: FoundLink[] = [];
    const phones: FoundPhone[] = [];
    let characters = 0;
    let unreadable = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PageContent;
      try {
        const proxy = await timed(doc.getPage(n));
        const [text, annotations] = await timed(
          Promise.all([proxy.getTextContent(), proxy.getAnnotations({ intent: 'display' })]),
        );
        page = { runs: (text.items as unknown[]).filter(isTextRun), annotations: annotations as PdfAnnotation[] };
        proxy.cleanup();
      } catch (err) {
        if (err instanceof DocumentError) throw err;
        unreadable++;
        notes.push(`page ${n} could not be read (${describe(err)})`);
        continue;
      }
      const label = labels?.[n - 1]?.trim() || null;
      const read = readPage(page, { page: n, label });
      characters += read.characters;
      links.push(...read.links);
      phones.push(...read.phones);
    }
    if (unreadable === doc.numPages)
      throw new DocumentError('damaged', `${name} is damaged: none of its pages could be read`);
    if (characters === 0 && links.length === 0)
      throw new DocumentError(
        'image-only',
        `${name} has no text to read: its pages are pictures (a scan?). still-there reads a PDF's words and links; a copy with a text layer (made with OCR, e.g. ocrmypdf) can be checked`,
      );
    if (characters === 0) notes.push('its pages are pictures: only its links were read, not its printed words');
    return {
      title: typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null,
      pages: doc.numPages,
      links,
      phones,
      notes,
    };
  } catch (err) {
    throw asDocumentError(err, name);
  } finally {
    if (timer) clearTimeout(timer);
    // Ends pdf.js's worker too, even in the middle of a page: a reading stopped for time stops here.
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Why a file is refused before pdf.js sees it — past the size cap, or not a PDF at all — or null. A host may ask
 * before copying the bytes anywhere.
 */
export function refusedUnread(bytes: Uint8Array, name: string, maxBytes = PDF_LIMITS.maxBytes): DocumentError | null {
  if (bytes.length > maxBytes)
    return new DocumentError(
      'too-large',
      `${name} is ${mebibytes(bytes.length)}; still-there reads PDFs of up to ${mebibytes(maxBytes)}`,
    );
  const header = pdfHeaderProblem(bytes);
  return header ? new DocumentError('not-a-pdf', `${name} is not a PDF: ${header}`) : null;
}

/** What pdf.js gives of one page. */
export interface PageContent {
  runs: TextRun[];
  annotations: PdfAnnotation[];
}

/** A link annotation as pdf.js's getAnnotations describes it (only what is read here). */
export interface PdfAnnotation {
  subtype?: string;
  /** The link's address when pdf.js judged it a valid absolute one. */
  url?: string;
  /** The address as the file wrote it. */
  unsafeUrl?: string;
  rect: number[];
}

/**
 * One page's links, printed addresses and phone numbers. Exported for tests that hand in a page's text runs as
 * pdf.js would give them.
 */
export function readPage(
  content: PageContent,
  at: Pick<Place, 'page' | 'label'>,
): { links: FoundLink[]; phones: FoundPhone[]; characters: number } {
  const rows = rowsOf(content.runs);
  const place = (rowIndex: number): Place => ({ page: at.page, label: at.label, line: rowIndex + 1 });
  const characters = rows.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0);

  // The page's links: one per annotation, a link broken over two lines (two rectangles, one address) once.
  const links: FoundLink[] = [];
  const linkRows: Array<{ href: string; rows: number[] }> = [];
  for (const a of content.annotations) {
    if (a.subtype !== 'Link' || a.rect.length !== 4) continue;
    const href = webHref(a.url ?? a.unsafeUrl);
    if (!href) continue;
    const rect = a.rect as unknown as Rect;
    const met = rows.map((r, i) => (rowMeets(r, rect) ? i : -1)).filter((i) => i >= 0);
    const spanned = met.length ? met : [nearestRow(rows, rect)];
    const words = wordsUnder(rows, rect);
    const before = linkRows.findIndex(
      (l) => l.href === href && l.rows.some((r) => spanned.some((m) => Math.abs(m - r) <= 1)),
    );
    if (before >= 0) {
      const link = links[before]!;
      if (words && !link.words.includes(words))
        link.words = `${link.words}${/[-/]$/.test(link.words) ? '' : ' '}${words}`;
      linkRows[before]!.rows.push(...spanned);
      link.context = surroundings(rows, linkRows[before]!.rows, link.words);
      continue;
    }
    links.push({ href, words, context: surroundings(rows, spanned, words), place: place(spanned[0]!), kind: 'link' });
    linkRows.push({ href, rows: spanned });
  }

  // Addresses printed as text, an address broken by the layout read on into the line below; one the page already
  // links from the same line is that link (or its visible start), not a second one.
  const printed = printedAddresses(
    rows.map((r) => ({ text: r.text })),
    layoutReading(rows),
  );
  for (const p of printed) {
    const spanned = unique([p.line, p.endLine]);
    const linked = linkRows.some(
      (l) => l.rows.some((r) => spanned.includes(r)) && looseAddress(l.href).startsWith(looseAddress(p.href)),
    );
    if (linked) continue;
    links.push({
      href: p.href,
      words: p.printed,
      context: surroundings(rows, spanned, p.printed),
      place: place(spanned[0]!),
      kind: 'printed',
    });
  }

  const phones: FoundPhone[] = [];
  rows.forEach((row, i) => {
    const numbers = numbersIn(row.text);
    if (numbers.length === 0) return;
    const beside = links.filter((l) => l.place.line === i + 1).map((l) => l.href);
    for (const n of numbers) {
      phones.push({
        printed: n.printed,
        digits: n.digits,
        context: row.text.slice(0, CONTEXT_CHARS),
        cell: cellAt(row, n.index),
        above: entryAbove(rows, i),
        besideLinks: beside,
        place: place(i),
      });
    }
  });
  return { links, phones, characters };
}

/** A link's address when it is a web address (http, https, or www. written without a scheme); null otherwise. */
function webHref(raw: string | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const withScheme = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An address but for its scheme, a www., a trailing slash and case: one link, printed and linked. */
function looseAddress(href: string): string {
  return href
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/$/, '');
}

function contextOf(rows: readonly Row[], indexes: readonly number[]): string {
  return unique(indexes)
    .map((i) => rows[i]?.text ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, CONTEXT_CHARS);
}

/**
 * A link's surroundings: the rows it is on, and, when they hold nothing but the link ("    www.aa.org/find-aa" under
 * "Alcoholics Anonymous (AA) - meetings every day"), the line above it in its entry, which names what it links to.
 */
function surroundings(rows: readonly Row[], spanned: readonly number[], words: string): string {
  const own = contextOf(rows, spanned);
  if (own.replace(/\s/g, '') !== words.replace(/\s/g, '')) return own;
  const above = entryAbove(rows, Math.min(...spanned))[0];
  return above ? `${above} ${own}`.slice(0, CONTEXT_CHARS) : own;
}

function nearestRow(rows: readonly Row[], rect: Rect): number {
  const middle = (rect[1] + rect[3]) / 2;
  let best = 0;
  rows.forEach((r, i) => {
    if (Math.abs(r.y - middle) < Math.abs(rows[best]!.y - middle)) best = i;
  });
  return best;
}

/** Two words further apart than this (in font sizes) are in different table cells, not one sentence. */
const CELL_GAP = 0.6;

/**
 * How a page's rows are read for addresses the layout broke (printed-addresses.ts): a word ends its cell when no
 * word follows it on its row within a cell's gap; what goes on from it is on the row just below (no further than a
 * line and a half), either at the same place (a table's cell holding only the address, wrapped) or at the start of
 * the same column (a paragraph's next line). A word is at its column's margin when no word starting under it on the
 * rows around reaches further right.
 */
function layoutReading(rows: readonly Row[]): Reading {
  const wordAt = ({ line, word }: WordAt) => rows[line]!.words[word]!;
  const segmentOf = (row: Row, w: Word): Segment =>
    row.segments.find((s) => w.left >= s.left - 0.01 && w.right <= s.right + 0.01) ?? row.segments[0]!;
  return {
    following(at) {
      const row = rows[at.line]!;
      const w = wordAt(at);
      const after = row.words[at.word + 1];
      if (after && after.left - w.right <= CELL_GAP * row.size) return null;
      const below = rows[at.line + 1];
      if (!below || row.y - below.y > 1.6 * Math.max(row.size, below.size) + 0.5) return null;
      const before = row.words[at.word - 1];
      const firstInCell = !before || w.left - before.right > CELL_GAP * row.size;
      const column = segmentOf(row, w);
      const lineStart = below.words.findIndex((b) => b.left >= column.left - row.size && b.left <= w.left + row.size);
      const aligned = below.words.findIndex((b) => Math.abs(b.left - w.left) <= row.size);
      const pick = firstInCell && aligned >= 0 ? aligned : lineStart;
      if (pick < 0) return null;
      const picked = below.words[pick]!;
      const next = below.words[pick + 1];
      return { line: at.line + 1, word: pick, alone: !next || next.left - picked.right > CELL_GAP * below.size };
    },
    atMargin(at) {
      const w = wordAt(at);
      const size = rows[at.line]!.size;
      let edge = w.right;
      for (let i = Math.max(0, at.line - 4); i <= Math.min(rows.length - 1, at.line + 4); i++)
        for (const o of rows[i]!.words)
          if (o.left >= w.left - size && o.left <= w.right) edge = Math.max(edge, o.right);
      return w.right >= edge - size;
    },
  };
}

/** The segment of a row that holds the character at `index` of the row's text (segments are joined by two spaces). */
function cellAt(row: Row, index: number): string {
  let start = 0;
  for (const s of row.segments) {
    const end = start + s.text.length;
    if (index < end) return s.text;
    start = end + 2;
  }
  return row.text;
}

/** Bullets and list numbers that start an entry of their own. */
const ENTRY_START = /^\s*(?:[•▪◦●■□‣⁃*–-]|\d{1,3}[.)])\s/;

/**
 * The lines above a row in the same paragraph or list entry, nearest first (at most three): where a group's name is
 * when its number has a line of its own. An entry ends at a wider gap than its lines' own, or at a bullet.
 */
function entryAbove(rows: readonly Row[], index: number): string[] {
  const out: string[] = [];
  if (ENTRY_START.test(rows[index]!.text)) return out;
  for (let i = index - 1; i >= 0 && out.length < 3; i--) {
    const lower = rows[i + 1]!;
    const upper = rows[i]!;
    if (upper.y - lower.y > 1.6 * Math.max(upper.size, lower.size) + 0.5) break;
    // A page's heading, set much larger, is not the entry's first line (an entry's own name may be a little larger).
    if (upper.size > 1.5 * lower.size) break;
    out.push(upper.text.slice(0, CONTEXT_CHARS));
    if (ENTRY_START.test(upper.text)) break;
  }
  return out;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function isTextRun(item: unknown): item is TextRun {
  const i = item as Partial<TextRun> | null;
  return typeof i === 'object' && i !== null && typeof i.str === 'string' && Array.isArray(i.transform);
}

/** Why the bytes are not a PDF, from their first kilobyte (the %PDF- header pdf.js itself looks for); null if they are. */
function pdfHeaderProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (start.includes('%PDF-')) return null;
  if (/<(!doctype html|html)/i.test(start)) return 'it is a web page (an error page saved under a .pdf name?)';
  return 'it does not start as a PDF does';
}

function asDocumentError(err: unknown, name: string): DocumentError {
  if (err instanceof DocumentError) return err;
  const kind = (err as { name?: string } | null)?.name;
  if (kind === 'PasswordException')
    return new DocumentError(
      'password',
      `${name} is locked with a password; still-there does not ask for passwords. Open it, save a copy without the password, and check that`,
    );
  if (kind === 'InvalidPDFException')
    return new DocumentError('damaged', `${name} is damaged and cannot be read (${describe(err)})`);
  return new DocumentError('damaged', `${name} could not be read (${describe(err)})`);
}

function describe(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.trim() ? message.trim() : String(err);
}

function mebibytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}
