/**
 * A page as the content script's first look sends it to the background: its markup as the browser serialises its
 * document (documentElement.outerHTML), read back here into what the page precheck asks of a page (page-precheck.ts).
 *
 * Read as the live page would be read, never narrower: the text of every text node (entities decoded, script and
 * style contents as written, as textContent has them), the href of every <a> and <area> that has one (document.links),
 * and the title and aria-label of every <a> and the alt of every image inside one. The markup is the browser's own
 * serialisation, so it is well formed; where it still reads more than the live page would (the contents of <template>
 * or <noscript>, an <a> inside <svg>), the precheck sees more, which can only make it say "could be" more often.
 */
import { Parser } from 'htmlparser2';
import type { PageText } from './page-precheck.ts';

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

/** Where the page's relative links lead: its own host, and its base address's when that differs. */
export function relativeLinkHosts(pageUrl: string, base: string): string[] {
  const hostOf = (address: string) => {
    try {
      return new URL(address).hostname;
    } catch {
      return null;
    }
  };
  const hosts = [hostOf(pageUrl) ?? ''];
  const baseHost = hostOf(base);
  if (baseHost !== null && baseHost !== hosts[0]) hosts.push(baseHost);
  return hosts;
}
