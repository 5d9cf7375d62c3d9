/**
 * The report page's PDF, had and read in the extension: an address is fetched by the background as a link to check is
 * (src/background/document-fetch.ts: screened, no cookies, credentials or referrer) and its bytes taken from the
 * DOCUMENT_CACHE; a file: address is read here, where the browser lets the extension read files (Chromium, when the
 * user allowed file access; never Firefox); a file chosen or dropped on the page is read from the computer. pdf.js is
 * loaded only now (its legacy build, as the CLI's), with its worker built as an extension file of its own: an
 * extension page may run no code from anywhere else (scripts/pdfjs-vite-plugin.ts cuts the paths that would).
 */
import type { DocumentRead } from '../documents/found.ts';
import { DocumentError, readPdf, type DocumentProblem, type PdfJsLibrary } from '../documents/pdf.ts';
import { DOCUMENT_CACHE, type DocumentFetch } from '../messages.ts';

/** Why a PDF could not be had or read: the reader's problems, and the fetch's. */
export type PdfTrouble =
  | { kind: 'document'; problem: DocumentProblem; detail: string }
  | { kind: 'fetch'; problem: Extract<DocumentFetch, { ok: false }>['problem'] | 'file-access'; detail: string };

export class PdfUnavailable extends Error {
  readonly trouble: PdfTrouble;
  constructor(trouble: PdfTrouble) {
    super(trouble.detail);
    this.trouble = trouble;
  }
}

let library: Promise<PdfJsLibrary> | null = null;

function pdfjs(): Promise<PdfJsLibrary> {
  return (library ??= Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.mjs?worker&url'),
  ]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  }));
}

/** Reads the bytes of a PDF; throws PdfUnavailable saying why not. */
export async function readPdfBytes(bytes: Uint8Array, name: string): Promise<DocumentRead> {
  try {
    return await readPdf(bytes, { pdfjs: await pdfjs(), name });
  } catch (err) {
    if (err instanceof DocumentError)
      throw new PdfUnavailable({ kind: 'document', problem: err.problem, detail: err.message });
    throw err;
  }
}

export interface PdfFetching {
  /** The background's fetchDocument (messages.ts). */
  fetchDocument(url: string): Promise<DocumentFetch>;
  caches: Pick<CacheStorage, 'open'>;
  /** Whether the browser lets the extension read file: addresses (Chromium's "Allow access to file URLs"). */
  fileAccess(): Promise<boolean>;
  fetch?: typeof fetch;
}

/** The bytes at a PDF's address; throws PdfUnavailable saying why there are none. */
export async function pdfBytes(address: string, io: PdfFetching): Promise<Uint8Array> {
  if (/^file:/i.test(address)) return fileBytes(address, io);
  const answer = await io.fetchDocument(address);
  if (!answer.ok) throw new PdfUnavailable({ kind: 'fetch', problem: answer.problem, detail: answer.detail });
  const cache = await io.caches.open(DOCUMENT_CACHE);
  const stored = await cache.match(answer.key);
  await cache.delete(answer.key);
  if (!stored) throw new PdfUnavailable({ kind: 'fetch', problem: 'failed', detail: 'the fetched PDF went missing' });
  return new Uint8Array(await stored.arrayBuffer());
}

async function fileBytes(address: string, io: PdfFetching): Promise<Uint8Array> {
  const refused = () =>
    new PdfUnavailable({
      kind: 'fetch',
      problem: 'file-access',
      detail: 'the browser does not let still-there read files',
    });
  if (!(await io.fileAccess().catch(() => false))) throw refused();
  try {
    const res = await (io.fetch ?? fetch)(address);
    return new Uint8Array(await res.arrayBuffer());
  } catch {
    throw refused();
  }
}
