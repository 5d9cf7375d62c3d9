/**
 * Reads what the classifiers need from the first part of an HTML page, with a real HTML tokenizer (htmlparser2,
 * also linkinator's) rather than a DOM: a service worker has no DOMParser, and the body may be cut off mid-tag.
 * The tokenizer reads each character once and every collector below appends each character at most once, so the
 * work is linear in the (bounded) input whatever the page does — thousands of unclosed <h1>s or <script>s included.
 * Every named entity is decoded; control characters never reach a title, a heading or the text (a page's
 * "&#27;" must not become a raw escape in a verdict's reason or a terminal).
 */
import { Parser } from 'htmlparser2';

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

/** How much reading a page cost, for the tests that bound it: characters appended to what is kept. */
export interface ReadingWork {
  charactersKept: number;
}

const INLINE_SCRIPT_CHARS = 65_536;
/**
 * Elements whose text a person does not read on the page. (A <head> holds no text but these: its end tag is
 * optional, and a tokenizer does not close it for us, so it is not counted as hidden itself.)
 */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'title']);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function tidy(s: string): string {
  return s.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

export function readPage(html: string, work?: ReadingWork): PageText {
  let title: string | null = null;
  let inTitle = false;
  let titleText = '';
  const headings: string[] = [];
  let headingDepth = 0;
  let heading = '';
  const scriptSources: string[] = [];
  let inlineScript = '';
  let scriptDepth = 0;
  let inlineDepth = 0;
  let hiddenDepth = 0;
  /** An <svg> has <title>s of its own (an icon's name): they are not the page's. */
  let svgDepth = 0;
  const visible: string[] = [];
  let metaRefresh: PageText['metaRefresh'] = null;
  let kept = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (HIDDEN.has(name)) hiddenDepth++;
        if (name === 'svg') svgDepth++;
        if (name === 'title' && title === null && svgDepth === 0) inTitle = true;
        if (name === 'h1' && headingDepth++ === 0) heading = '';
        if (name === 'script') {
          scriptDepth++;
          if (attribs.src !== undefined) scriptSources.push(attribs.src.trim());
          else inlineDepth++;
        }
        if (name === 'meta' && metaRefresh === null && /^\s*refresh\s*$/i.test(attribs['http-equiv'] ?? ''))
          metaRefresh = readMetaRefresh(attribs.content ?? '');
      },
      ontext(text) {
        if (inTitle) {
          titleText += text;
          kept += text.length;
        }
        if (scriptDepth > 0) {
          if (inlineDepth > 0 && inlineScript.length < INLINE_SCRIPT_CHARS) {
            inlineScript += text.slice(0, INLINE_SCRIPT_CHARS - inlineScript.length);
            kept += text.length;
          }
          return;
        }
        if (headingDepth > 0) {
          heading += text;
          kept += text.length;
        }
        if (hiddenDepth === 0) {
          visible.push(text);
          kept += text.length;
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (name === 'svg' && svgDepth > 0) svgDepth--;
        if (name === 'title' && inTitle) {
          inTitle = false;
          title = tidy(titleText);
        }
        if (name === 'h1' && headingDepth > 0 && --headingDepth === 0) {
          const h = tidy(heading);
          if (h) headings.push(h);
        }
        if (name === 'script' && scriptDepth > 0) {
          scriptDepth--;
          if (inlineDepth > 0) {
            inlineDepth--;
            if (inlineScript.length < INLINE_SCRIPT_CHARS) inlineScript += '\n';
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  if (work) work.charactersKept += kept;
  // A page cut off inside its title or first heading still has them.
  if (title === null && inTitle) title = tidy(titleText);
  if (headingDepth > 0) {
    const h = tidy(heading);
    if (h) headings.push(h);
  }
  const text = tidy(visible.join(' '));
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return {
    title: title ?? '',
    headings,
    text,
    words,
    scriptSources,
    inlineScript,
    metaRefresh,
    appShell: words.length < 40 && (scriptSources.length > 0 || inlineScript.length > 200),
  };
}

/** "5; url=https://…" (and its variants: a comma, quotes, no "url="), as browsers read a meta refresh. */
function readMetaRefresh(content: string): PageText['metaRefresh'] {
  const parsed = /^\s*(\d+(?:\.\d+)?)\s*(?:[;,]\s*(?:url\s*=\s*)?['"]?([^'"]*)['"]?)?\s*$/i.exec(content);
  if (!parsed?.[2]) return null;
  return { delaySeconds: Number(parsed[1]), url: parsed[2].replace(CONTROL, '').trim() };
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
