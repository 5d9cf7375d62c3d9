/**
 * The audit's side of spotting's evidence (src/directory/link-evidence.ts): every link of a crawled page with its
 * words, title, surroundings and whether it sits in the page's navigation, read from the page's HTML with a real
 * parser (htmlparser2, linkinator's own), as the content script reads them from the live page.
 *
 * The pages come from the crawl itself: `SitePages` watches the crawl's requests (an undici interceptor) and keeps
 * the HTML of the site's own pages, so nothing is fetched twice.
 */
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import {
  EVIDENCE_BOXES,
  linkWords,
  PAGE_CHROME_ROLES,
  PAGE_CHROME_TAGS,
  surroundingWords,
} from '../directory/link-evidence.ts';

export interface AnchorEvidence {
  /** Resolved against the page's address and its <base>, the fragment kept: as linkinator reports it. */
  href: string;
  words: string;
  title: string;
  context: string;
  inPageChrome: boolean;
}

/** A site's page is read up to this size: a directory page is far smaller, and a larger one is cut off here. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 20;

const BOXES = new Set<string>(EVIDENCE_BOXES);
const CHROME_TAGS = new Set<string>(PAGE_CHROME_TAGS);
const CHROME_ROLES = new Set<string>(PAGE_CHROME_ROLES);

/** Every <a href> of the page, in document order, with the evidence spotting reads. */
export function anchorEvidence(html: string, pageUrl: string): AnchorEvidence[] {
  const doc = parseDocument(html, { decodeEntities: true });
  let base = pageUrl;
  const baseElement = DomUtils.findOne(
    (e) => e.name === 'base' && typeof e.attribs.href === 'string',
    doc.children,
    true,
  );
  if (baseElement) {
    try {
      base = new URL(baseElement.attribs.href!, pageUrl).href;
    } catch {
      // an unreadable <base> is ignored, as browsers do
    }
  }
  const out: AnchorEvidence[] = [];
  for (const a of DomUtils.findAll((e) => e.name === 'a' && typeof e.attribs.href === 'string', doc.children)) {
    let href: string;
    try {
      href = new URL(a.attribs.href!.trim(), base).href;
    } catch {
      continue;
    }
    const own = DomUtils.textContent(a);
    const image = own.slice(0, 400).trim() ? null : DomUtils.findOne((e) => e.name === 'img', a.children, true);
    const box = closest(a, (e) => BOXES.has(e.name));
    out.push({
      href,
      words: linkWords(own, a.attribs['aria-label'] ?? '', image?.attribs.alt ?? ''),
      title: a.attribs.title ?? '',
      context: surroundingWords(box ? DomUtils.textContent(box) : '', own.length),
      inPageChrome: closest(a, (e) => CHROME_TAGS.has(e.name) || CHROME_ROLES.has(e.attribs.role ?? '')) !== null,
    });
  }
  return out;
}

function closest(node: Element, test: (e: Element) => boolean): Element | null {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n.type === 'tag' && test(n as Element)) return n as Element;
  return null;
}

/**
 * The crawl's watch over the site's own pages, as undici hands them to linkinator:
 *   - keeps their HTML (at most MAX_PAGE_BYTES a page) for the evidence of each page's links, worked out once;
 *   - ends a page that is still arriving when its time is nearly up (a server trickling a byte every half second,
 *     or never finishing) with what has come, and says so: linkinator would otherwise fail inside its own stream
 *     and end the run with an error nobody catches;
 *   - ends a page past MAX_PAGE_BYTES the same way (its first 5 MiB are read, the rest is not).
 */
export class SitePages {
  readonly #isSitePage: (url: string) => boolean;
  readonly #deadlineMs: number;
  readonly #bodies = new Map<string, string>();
  readonly #redirects = new Map<string, string>();
  readonly #evidence = new Map<string, AnchorEvidence[]>();
  /** Pages ended before they were complete, by address: why. */
  readonly cutOff = new Map<string, string>();

  /**
   * `isSitePage`: whether an address is one of the audited site's own; `timeoutMs`: the crawl's per-request
   * timeout, which a page's reading must end well within.
   */
  constructor(isSitePage: (url: string) => boolean, timeoutMs: number) {
    this.#isSitePage = isSitePage;
    this.#deadlineMs = Math.max(1_000, Math.floor(timeoutMs * 0.8));
  }

  /** An undici interceptor that sees every response of the crawl and watches the site's HTML pages. */
  readonly interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    let url: string;
    try {
      url = new URL(opts.path, String(opts.origin)).href;
    } catch {
      return dispatch(opts, handler);
    }
    if (!this.#isSitePage(url) || (opts.method ?? 'GET') !== 'GET') return dispatch(opts, handler);
    const requestedAt = Date.now();
    let chunks: Buffer[] | null = null;
    let size = 0;
    let encoding = '';
    let ended = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const keep = () => {
      if (!chunks) return;
      const text = decode(Buffer.concat(chunks), encoding);
      if (text !== null) this.#bodies.set(url, text);
    };
    /** Ends the page here, with what has come, and hangs up. */
    const endNow = (controller: Dispatcher.DispatchController, why: string | null) => {
      if (ended) return;
      ended = true;
      if (timer) clearTimeout(timer);
      if (why) this.cutOff.set(url, why);
      keep();
      handler.onResponseEnd?.(controller, {});
      controller.abort(new Error(why ?? 'read enough'));
    };
    const watching: Dispatcher.DispatchHandler = {
      ...handler,
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onResponseStart: (controller, statusCode, headers, statusMessage) => {
        const header = (name: string) => {
          const v = (headers as Record<string, string | string[] | undefined>)[name];
          return Array.isArray(v) ? v.join(', ') : (v ?? '');
        };
        const location = header('location');
        if (statusCode >= 300 && statusCode < 400 && location) {
          try {
            this.#redirects.set(url, new URL(location, url).href);
          } catch {
            // a Location that is no address: linkinator reports the page as it is
          }
        } else if (statusCode >= 200 && statusCode < 300 && /html/i.test(header('content-type'))) {
          chunks = [];
          encoding = header('content-encoding').trim().toLowerCase();
        }
        const left = this.#deadlineMs - (Date.now() - requestedAt);
        const seconds = Math.round(this.#deadlineMs / 1000);
        timer = setTimeout(() => endNow(controller, `it was still arriving after ${seconds} s`), Math.max(0, left));
        return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => {
        if (ended) return;
        size += chunk.length;
        if (size > MAX_PAGE_BYTES) {
          endNow(controller, null);
          return;
        }
        chunks?.push(Buffer.from(chunk));
        return handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        if (ended) return;
        ended = true;
        if (timer) clearTimeout(timer);
        keep();
        return handler.onResponseEnd?.(controller, trailers);
      },
      onResponseError: (controller, error) => {
        if (ended) return; // our own hanging up, after the page was ended
        if (timer) clearTimeout(timer);
        return handler.onResponseError?.(controller, error);
      },
    };
    return dispatch(opts, watching);
  };

  /** Why the page at this address (or where it redirected) was ended before it was complete; null when it was not. */
  cutOffReason(page: string): string | null {
    return this.cutOff.get(this.#final(page)) ?? null;
  }

  #final(page: string): string {
    let url = page;
    for (
      let i = 0;
      i < MAX_REDIRECTS && !this.#bodies.has(url) && !this.cutOff.has(url) && this.#redirects.has(url);
      i++
    )
      url = this.#redirects.get(url)!;
    return url;
  }

  /** The links of a page the crawl read, with their evidence; null when the page's HTML was not kept. */
  evidenceFor(page: string): AnchorEvidence[] | null {
    const url = this.#final(page);
    const known = this.#evidence.get(url);
    if (known) return known;
    const html = this.#bodies.get(url);
    if (html === undefined) return null;
    const evidence = anchorEvidence(html, url);
    this.#evidence.set(url, evidence);
    this.#bodies.delete(url); // the evidence is all that is needed of it now
    return evidence;
  }
}

function decode(bytes: Buffer, encoding: string): string | null {
  try {
    const plain =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? zlib.gunzipSync(bytes)
        : encoding === 'br'
          ? zlib.brotliDecompressSync(bytes)
          : encoding === 'deflate'
            ? zlib.inflateSync(bytes)
            : encoding === '' || encoding === 'identity'
              ? bytes
              : null;
    return plain ? new TextDecoder('utf-8').decode(plain) : null;
  } catch {
    return null;
  }
}
