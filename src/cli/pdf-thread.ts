/**
 * The thread a PDF is read in (src/cli/pdf-file.ts starts it): pdf.js's legacy build, made for Node, runs its own
 * "worker" on the thread that loads it, so a file that keeps pdf.js busy would hold the whole command; in a thread of
 * its own it can be stopped when its time is up. Only wiring: the reading is src/documents/pdf.ts's.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentError, readPdf, type PdfLimits } from '../documents/pdf.ts';

export interface ThreadInput {
  bytes: Uint8Array;
  name: string;
  limits: PdfLimits;
}

export type ThreadAnswer =
  | { ok: true; read: Awaited<ReturnType<typeof readPdf>> }
  | { ok: false; problem: DocumentError['problem'] | null; message: string };

const input = workerData as ThreadInput;
const require = createRequire(import.meta.url);
// pdf.js's Node build makes a DOMMatrix as it loads, for drawing pages, which is never done here; @napi-rs/canvas
// (its optional dependency, a native binary for each platform) supplies one. Where that binary cannot load (a copy
// of the command installed on another platform than the one it was packed on), an identity matrix lets pdf.js load
// to read words and links; drawing would fail, and nothing here draws.
try {
  require('@napi-rs/canvas');
} catch {
  (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= class {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
}
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js's character maps, for PDFs whose fonts name a standard CMap instead of carrying one (CJK text, mostly).
const folder = path.dirname(require.resolve('pdfjs-dist/package.json'));
let answer: ThreadAnswer;
try {
  const read = await readPdf(input.bytes, {
    pdfjs,
    name: input.name,
    limits: input.limits,
    documentOptions: {
      cMapUrl: `${path.join(folder, 'cmaps')}${path.sep}`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(folder, 'standard_fonts')}${path.sep}`,
    },
  });
  answer = { ok: true, read };
} catch (err) {
  answer =
    err instanceof DocumentError
      ? { ok: false, problem: err.problem, message: err.message }
      : { ok: false, problem: null, message: (err as Error)?.stack ?? String(err) };
}
parentPort?.postMessage(answer);
