/**
 * Reads what the classifiers need from the first part of an HTML page, without a DOM: a service worker has no
 * DOMParser, and the body may be cut off mid-tag. Every function is linear in the (bounded) input.
 */

export interface PageText {
  title: string;
  headings: string[]; // <h1> texts, in order
  /** Visible text, scripts and styles removed, whitespace collapsed. */
  text: string;
  words: string[];
  scriptSources: string[];
  /** Inline script text, for parking redirects written in JavaScript. */
  inlineScript: string;
  metaRefresh: { delaySeconds: number; url: string } | null;
  /** Looks like a single-page app's shell: little text, scripts doing the work. */
  appShell: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”',
  ndash: '–', mdash: '—', aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', iexcl: '¡', iquest: '¿', hellip: '…',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code] ?? whole;
  });
}

function clean(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

export function readPage(html: string): PageText {
  const title = clean(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '');
  const headings = [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/gi)].map((m) => clean(m[1] ?? '')).filter(Boolean);
  const scriptSources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] ?? '');
  const inlineScript = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .join('\n')
    .slice(0, 65_536);
  const visible = html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ');
  const text = clean(visible);
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return {
    title,
    headings,
    text,
    words,
    scriptSources,
    inlineScript,
    metaRefresh: readMetaRefresh(html),
    appShell: words.length < 40 && (scriptSources.length > 0 || inlineScript.length > 200),
  };
}

function readMetaRefresh(html: string): PageText['metaRefresh'] {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/http-equiv\s*=\s*["']?refresh/i.test(tag)) continue;
    const content = /content\s*=\s*(["'])([\s\S]*?)\1/i.exec(tag)?.[2] ?? /content\s*=\s*([^\s>]+)/i.exec(tag)?.[1];
    if (!content) continue;
    const parsed = /^\s*(\d+(?:\.\d+)?)\s*(?:[;,]\s*(?:url\s*=\s*)?['"]?([^'"]*)['"]?)?\s*$/i.exec(content);
    if (!parsed?.[2]) continue;
    return { delaySeconds: Number(parsed[1]), url: decodeEntities(parsed[2].trim()) };
  }
  return null;
}

/** Word 3-shingles: two pages built from the same template with the same text share almost all of them. */
export function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  if (words.length < 3) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}
