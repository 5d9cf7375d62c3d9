/**
 * Reading a PDF on the command line: the bytes go to a thread of their own (pdf-thread.ts), which is stopped when the
 * reading outlives its time (PDF_LIMITS.maxMs and a few seconds' grace) or its memory, whatever pdf.js is doing. Its
 * answer, or the DocumentError saying why there is none.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentRead } from '../documents/found.ts';
import { DocumentError, PDF_LIMITS, refusedUnread, type PdfLimits } from '../documents/pdf.ts';
import type { ThreadAnswer, ThreadInput } from './pdf-thread.ts';

/** Memory the reading thread may take: a 1,000-page guide needs a fraction of it (bench/pdf-bench.ts). */
const THREAD_HEAP_MB = 1_024;
/** After the reader's own deadline, the thread has this long to say so before it is stopped. */
const GRACE_MS = 5_000;

export async function readPdfFile(
  bytes: Uint8Array,
  name: string,
  limits: Partial<PdfLimits> = {},
): Promise<DocumentRead> {
  const all: PdfLimits = { ...PDF_LIMITS, ...limits };
  // A file past the cap, or no PDF at all, is not copied into a thread.
  const refused = refusedUnread(bytes, name, all.maxBytes);
  if (refused) throw refused;
  const script = new URL(import.meta.url.endsWith('.ts') ? './pdf-thread.ts' : './pdf-thread.js', import.meta.url);
  const input: ThreadInput = { bytes, name, limits: all };
  const worker = new Worker(script, {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    // pdf.js prints its warnings with console.log: they are not the command's output.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise<DocumentRead>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new DocumentError('too-slow', `reading ${name} took longer than ${all.maxMs / 1000} s, so it was stopped`),
      );
    }, all.maxMs + GRACE_MS);
    const settle = () => clearTimeout(timer);
    worker.once('message', (answer: ThreadAnswer) => {
      settle();
      void worker.terminate();
      if (answer.ok) resolve(answer.read);
      else if (answer.problem) reject(new DocumentError(answer.problem, answer.message));
      else reject(new Error(answer.message));
    });
    worker.once('error', (err: Error & { code?: string }) => {
      settle();
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DocumentError(
              'too-large',
              `reading ${name} needed more than ${THREAD_HEAP_MB} MiB of memory, so it was stopped`,
            )
          : err,
      );
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`the thread reading ${name} ended (${code}) without an answer`));
    });
  });
}
