/**
 * A PDF the report page is asked to read, fetched by the background as a link to check is fetched
 * (fetch-transport.ts): screened first (no javascript:, data: or file: address, no private network unless the user
 * allows it), no cookies, credentials or referrer, the webRequest log watching where it really went — a public name
 * that led into a private network is thrown away, answer and all — and at most PDF_LIMITS.maxBytes. The bytes wait
 * in the DOCUMENT_CACHE for the page (runtime messages carry no bytes in Chromium).
 */
import { PDF_LIMITS } from '../documents/pdf.ts';
import { firstBytes } from '../health/body.ts';
import { screenUrl } from '../health/screen.ts';
import { DOCUMENT_CACHE, type DocumentFetch } from '../messages.ts';
import { reachedPrivate } from './fetch-transport.ts';
import type { NetworkLog } from './network-log.ts';

export interface DocumentFetchDeps {
  log: NetworkLog;
  allowPrivate(): boolean;
  caches: Pick<CacheStorage, 'open'>;
  fetch?: typeof fetch;
}

export async function fetchDocument(url: unknown, deps: DocumentFetchDeps): Promise<DocumentFetch> {
  if (typeof url !== 'string') return { ok: false, problem: 'invalid-url', detail: 'no address' };
  const allowPrivate = deps.allowPrivate();
  const screened = screenUrl(url, allowPrivate);
  if (!screened.ok) return { ok: false, problem: screened.reason, detail: screened.detail };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PDF_LIMITS.maxMs);
  const watch = deps.log.watch(screened.url.href);
  try {
    const res = await (deps.fetch ?? fetch)(screened.url.href, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
      headers: { accept: 'application/pdf,*/*;q=0.5' },
    });
    const declared = Number(res.headers.get('content-length') ?? '0');
    const body = res.ok && declared <= PDF_LIMITS.maxBytes ? res.body : null;
    const read = body ? await firstBytes(chunks(body), PDF_LIMITS.maxBytes + 1) : null;
    if (!read) await res.body?.cancel().catch(() => undefined);
    const events = await watch.done(200);
    if (reachedPrivate(events, { allowPrivate }, { answered: true }))
      return { ok: false, problem: 'private-address', detail: 'the address led into a private network' };
    if (!res.ok) return { ok: false, problem: 'http', detail: `the server answered ${res.status}` };
    if (!read || read.truncated || read.bytes.length > PDF_LIMITS.maxBytes)
      return { ok: false, problem: 'too-large', detail: `larger than ${PDF_LIMITS.maxBytes / 1024 / 1024} MiB` };
    const key = `https://still-there.invalid/documents/${crypto.randomUUID()}`;
    const cache = await deps.caches.open(DOCUMENT_CACHE);
    await cache.put(key, new Response(read.bytes.slice(), { headers: { 'content-type': 'application/pdf' } }));
    return { ok: true, key, finalUrl: res.url || screened.url.href };
  } catch (err) {
    const events = await watch.done(500);
    if (reachedPrivate(events, { allowPrivate }))
      return { ok: false, problem: 'private-address', detail: 'the address led into a private network' };
    return {
      ok: false,
      problem: 'failed',
      detail: controller.signal.aborted
        ? `it did not arrive within ${PDF_LIMITS.maxMs / 1000} s`
        : (events.error ?? String((err as Error)?.message ?? err)),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function* chunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
