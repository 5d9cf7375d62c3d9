/**
 * PDF handouts in `still-there audit`: `audit guide.pdf`, `audit https://…/guide.pdf`, and with --recurse the PDFs a
 * site links to on its own host. Each is a page of its own (DESIGN.md, "A document is a page"): its links become the
 * audit's occurrences as a crawled page's do, with their words and surroundings for spotting and their place in the
 * document ("page 4"), and the numbers it prints for a group that are not the group's number now become rows of
 * their own. The reading itself is src/documents/pdf.ts's, in a thread (pdf-file.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetch } from 'undici';
import { isPdfAddress, type DocumentRead } from '../documents/found.ts';
import { DocumentError, PDF_LIMITS } from '../documents/pdf.ts';
import { numberRows } from '../documents/phone-findings.ts';
import { hostnameOf } from '../health/host.ts';
import type { NumberFinding } from '../report/model.ts';
import {
  CrawlError,
  crawlDispatcher,
  crawlSite,
  type Crawl,
  type CrawlOptions,
  type CrawlTarget,
  type Occurrence,
} from './audit-crawl.ts';
import type { ConnectTo } from './http-transport.ts';
import { readPdfFile } from './pdf-file.ts';

export interface DocumentNetwork {
  connectTo: ConnectTo[];
  ca: string[];
  timeoutMs: number;
}

/** A document that was read: its name as the reports give it, and what it holds. */
export interface ReadDocument {
  /** The file's path or the address, as the editor finds it. */
  name: string;
  /** The host it was served from ('' for a local file): a link to it is the document's own site. */
  host: string;
  read: DocumentRead;
}

/** Why a document could not be had or read, in words for the editor: exit 2 for a target, a row in a crawl. */
export class DocumentUnreadable extends Error {}

/** Reads the PDF a target names, from the disk or the network; throws DocumentUnreadable saying why not. */
export async function readDocument(target: CrawlTarget, network: DocumentNetwork): Promise<ReadDocument> {
  const name = target.kind === 'url' ? target.url : target.path;
  const bytes = target.kind === 'url' ? await download(target.url, network) : await fromDisk(target.path);
  try {
    return {
      name,
      host: target.kind === 'url' ? hostnameOf(target.url) : '',
      read: await readPdfFile(bytes, target.kind === 'url' ? name : path.basename(name)),
    };
  } catch (err) {
    if (err instanceof DocumentError) throw new DocumentUnreadable(err.message);
    throw err;
  }
}

async function fromDisk(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    throw new DocumentUnreadable(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/**
 * The PDF at an address, as the crawl reads the site's pages (its dispatcher: the system's resolver, or the
 * --connect-to map, and the --ca certificates): no cookies, no credentials, no referrer; redirects followed; at most
 * PDF_LIMITS.maxBytes, and the whole download within PDF_LIMITS.maxMs.
 */
async function download(url: string, network: DocumentNetwork): Promise<Uint8Array> {
  const dispatcher = crawlDispatcher(network.connectTo, network.ca);
  const signal = AbortSignal.timeout(PDF_LIMITS.maxMs);
  try {
    const res = await fetch(url, {
      dispatcher,
      signal,
      redirect: 'follow',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/pdf,*/*;q=0.5' },
    });
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      throw new DocumentUnreadable(`could not read ${url}: the server answered ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > PDF_LIMITS.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw tooLarge(url, declared);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body ?? []) {
      size += chunk.length;
      if (size > PDF_LIMITS.maxBytes) throw tooLarge(url, null);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (err) {
    if (err instanceof DocumentUnreadable) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = signal.aborted
      ? `it did not arrive within ${PDF_LIMITS.maxMs / 1000} s`
      : (cause?.code ?? cause?.message ?? (err as Error).message);
    throw new DocumentUnreadable(`could not read ${url}: ${why}`);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

function tooLarge(url: string, size: number | null): DocumentUnreadable {
  const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
  const is = size === null ? `more than ${mib(PDF_LIMITS.maxBytes)}` : mib(size);
  return new DocumentUnreadable(`${url} is ${is}; still-there reads PDFs of up to ${mib(PDF_LIMITS.maxBytes)}`);
}

/**
 * The document's links as the audit's occurrences: in document order (position), with the words and surroundings
 * spotting reads (a PDF has no navigation of its own) and their place.
 */
export function documentOccurrences(doc: ReadDocument): Occurrence[] {
  const inOrder = [...doc.read.links].sort((a, b) => a.place.page - b.place.page || a.place.line - b.place.line);
  return inOrder.map((link, i) => ({
    href: link.href,
    page: doc.name,
    pageHost: doc.host,
    text: link.words,
    position: i + 1,
    evidence: { words: link.words, title: '', context: link.context, inPageChrome: false },
    place: link.place,
  }));
}

/** The document's numbers that are not the number to call now, as the report lists them. */
export function documentNumbers(doc: ReadDocument): NumberFinding[] {
  return numberRows(doc.read.phones, doc.name);
}

/** How a PDF of the site that could not be read is described among the site's broken pages. */
export const UNREADABLE_DOCUMENT = 'it could not be read as a PDF';

/**
 * The audit's reading: the PDF starts are read as pages of the audit, each one that cannot be read a start problem
 * (and when every start is such a PDF, the run ends, exit 2, with its message); the other starts are crawled
 * (audit-crawl.ts) and, with --recurse, the PDFs their pages link to on the site are read one after another, each a
 * page of its own, one that cannot be read a broken page of the site. `numbers` is present whenever a document was
 * read or tried.
 */
export async function crawlWithDocuments(options: CrawlOptions): Promise<Crawl & { numbers?: NumberFinding[] }> {
  const network: DocumentNetwork = { connectTo: options.connectTo, ca: options.ca, timeoutMs: options.timeoutMs };
  const named = (t: CrawlTarget) => (t.kind === 'url' ? t.url : t.path);
  const pdfStarts = options.targets.filter((t) => isPdfAddress(named(t)));
  const siteStarts = options.targets.filter((t) => !isPdfAddress(named(t)));
  const crawl: Crawl = siteStarts.length ? await crawlSite({ ...options, targets: siteStarts }) : nothingCrawled();
  const numbers: NumberFinding[] = [];
  const unreadable: string[] = [];
  let pagesRead = crawl.pages.length;
  const take = (doc: ReadDocument) => {
    crawl.pages.push(doc.name);
    for (const o of documentOccurrences(doc)) {
      crawl.occurrences.push(o);
      options.onOccurrence?.(o);
    }
    numbers.push(...documentNumbers(doc));
    options.onPage?.(++pagesRead, 0);
  };
  for (const start of pdfStarts) {
    if (options.stop?.aborted) break;
    try {
      take(await readDocument(start, network));
    } catch (err) {
      if (!(err instanceof DocumentUnreadable)) throw err;
      unreadable.push(err.message);
      crawl.startProblems.push({ start: named(start), why: err.message });
    }
  }
  if (pdfStarts.length && !siteStarts.length && unreadable.length === pdfStarts.length)
    throw new CrawlError(unreadable.join('; '));
  if (options.recurse) {
    for (const { url, linkedFrom } of crawl.documents) {
      if (options.stop?.aborted) break;
      const target: CrawlTarget = /^https?:\/\//i.test(url) ? { kind: 'url', url } : { kind: 'path', path: url };
      try {
        take(await readDocument(target, network));
      } catch (err) {
        if (!(err instanceof DocumentUnreadable)) throw err;
        for (const from of linkedFrom.length ? linkedFrom : [null])
          crawl.problems.push({
            url,
            status: 0,
            linkedFrom: from,
            why: err.message,
            detail: `${UNREADABLE_DOCUMENT}: ${err.message}`,
          });
      }
    }
  }
  const triedDocuments = pdfStarts.length > 0 || (options.recurse && crawl.documents.length > 0);
  return triedDocuments ? { ...crawl, numbers } : crawl;
}

/** The crawl of no site: only documents were asked for. */
function nothingCrawled(): Crawl {
  return {
    pages: [],
    occurrences: [],
    problems: [],
    documents: [],
    startProblems: [],
    excludedPages: [],
    beyondDepth: [],
    notWeb: [],
    stopped: null,
  };
}
