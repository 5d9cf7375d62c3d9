/** A scripted transport for unit tests: each URL answers what the test says, and every request is logged. */
import type { Exchange, FetchOptions, Hop, Transport } from '../../src/health/transport.ts';
import { failedExchange } from '../../src/health/transport.ts';

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Redirect chain before the final answer: each entry is the address redirected to. */
  redirects?: Array<{ to: string; status?: number; setsCookie?: boolean }>;
  failure?: Exchange['failure'];
}

export type Script = Record<string, Answer | Answer[] | ((n: number, url: string) => Answer)>;

export function answer(url: string, a: Answer): Exchange {
  const hops: Hop[] = [];
  let current = url;
  for (const r of a.redirects ?? []) {
    hops.push({ url: current, status: r.status ?? 301, location: r.to, setsCookie: r.setsCookie ?? false });
    current = r.to;
  }
  if (a.failure) return failedExchange(url, a.failure, a.failure, hops);
  hops.push({ url: current, status: a.status ?? 200, location: null, setsCookie: false });
  return {
    requestedUrl: url,
    hops,
    finalUrl: current,
    status: a.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', ...(a.headers ?? {}) },
    body: a.body ?? '',
    bodyTruncated: false,
    failure: null,
    failureDetail: '',
    redirectsKnown: true,
    elapsedMs: 1,
  };
}

export class FakeWeb implements Transport {
  readonly log: string[] = [];
  readonly #script: Script;
  readonly #fallback: Answer;
  constructor(script: Script, fallback: Answer = { status: 404, body: '<title>404</title>' }) {
    this.#script = script;
    this.#fallback = fallback;
  }
  async fetch(url: string, _options: FetchOptions): Promise<Exchange> {
    const n = this.log.filter((u) => u === url).length;
    this.log.push(url);
    const entry = this.#script[url] ?? this.#matchPrefix(url);
    const a =
      typeof entry === 'function'
        ? entry(n, url)
        : Array.isArray(entry)
          ? entry[Math.min(n, entry.length - 1)]!
          : (entry ?? this.#fallback);
    return answer(url, a);
  }
  #matchPrefix(url: string): Script[string] | undefined {
    const key = Object.keys(this.#script).find((k) => k.endsWith('*') && url.startsWith(k.slice(0, -1)));
    return key ? this.#script[key] : undefined;
  }
}

export const online = { isOnline: async () => true };
export const offline = { isOnline: async () => false };

export function html(title: string, body = '', extraHead = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${extraHead}</head><body>${body}</body></html>`;
}

/** A realistic page with enough distinct words that two different pages are not "the same template". */
export function article(title: string, topic: string, words = 300): string {
  const sentences = Array.from(
    { length: Math.ceil(words / 12) },
    (_, i) => `Paragraph ${i} about ${topic}: meetings, phone lines and how to find a group near you number ${i * 7}.`,
  );
  return html(title, `<h1>${title}</h1><p>${sentences.join(' ')}</p>`);
}
