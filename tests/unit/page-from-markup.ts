/**
 * For the unit tests: a page written as markup, read into what the page precheck asks of a page
 * (src/first-look/page-precheck.ts) as the live page gives it to the first look (src/page-marker/first-look.ts): the
 * text of every text node of the body (entities decoded, script and style contents as written, as textContent has
 * them), the href of every <a> and <area> that has one (document.links), and the title and aria-label of every <a>
 * and the alt of every image inside one. Test pages are written as markup; the extension reads the live page.
 */
import { Parser } from 'htmlparser2';
import type { PageText } from '../../src/first-look/page-precheck.ts';
import type { PageReading } from '../../src/messages.ts';

export function pageFromHtml(html: string, base: string): PageText {
  const all: string[] = [];
  const inBody: string[] = [];
  const labels: string[] = [];
  const hrefs: string[] = [];
  let anchorsOpen = 0;
  let bodyOpen = 0;
  let sawBody = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if ((name === 'a' || name === 'area') && attributes.href !== undefined) hrefs.push(attributes.href);
        if (name === 'a') {
          anchorsOpen++;
          if (attributes.title) labels.push(attributes.title);
          if (attributes['aria-label']) labels.push(attributes['aria-label']);
        } else if (name === 'img' && anchorsOpen > 0 && attributes.alt) labels.push(attributes.alt);
        else if (name === 'body') {
          bodyOpen++;
          sawBody = true;
        }
      },
      onclosetag(name) {
        if (name === 'a' && anchorsOpen > 0) anchorsOpen--;
        else if (name === 'body' && bodyOpen > 0) bodyOpen--;
      },
      ontext(text) {
        all.push(text);
        if (bodyOpen > 0) inBody.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // The live precheck read the body's text, or the whole document's where there is no body.
  const text = (sawBody ? inBody : all).join('');
  return {
    text,
    labels: labels.join('\n'),
    hrefs: () => hrefs,
    resolve(raw) {
      try {
        return new URL(raw, base).href;
      } catch {
        return raw;
      }
    },
  };
}

/** The page as its first look sends it (src/messages.ts, PageReading). */
export function readingOf(html: string, base: string): PageReading {
  const page = pageFromHtml(html, base);
  return { text: page.text, labels: page.labels, hrefs: [...page.hrefs()] };
}
