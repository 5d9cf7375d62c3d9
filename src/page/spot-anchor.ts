/**
 * The DOM side of spotting: reads an anchor's facts lazily (its host from the raw href, its surroundings only when
 * the decision needs them, the resolved address only for links past the cheap test).
 */
import { judgeResource, mightBeResource, type LinkFacts } from '../directory/spotting.ts';
import { webLinkHost } from './link-address.ts';
import { titleAsWritten } from './marks.ts';

const CONTEXT_CHARS = 300;

export function isResourceAnchor(a: HTMLAnchorElement, pageHost: string): boolean {
  const host = webLinkHost(a);
  if (host === null) return false;
  const fullText = a.textContent ?? '';
  const ownText = fullText.slice(0, 400);
  let context: string | undefined;
  const facts: Omit<LinkFacts, 'href'> = {
    host,
    text: anchorText(a, ownText),
    title: titleAsWritten(a),
    pageHost,
    context: () => (context ??= surroundings(a, fullText.length)),
    inPageChrome: () => a.closest('nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]') !== null,
  };
  // Most links stop at the cheap test; only the rest pay for the resolved address and the whole judgement.
  return mightBeResource(facts) && judgeResource({ ...facts, href: a.href }).resource;
}

/**
 * The text of the link's list item, cell or paragraph. When that is only the link's own text (a list of links,
 * the commonest shape on any page), it says nothing the link's words did not: empty.
 */
function surroundings(a: HTMLAnchorElement, ownLength: number): string {
  const box = a.closest('li, p, td, dd, dt, figcaption, blockquote');
  const text = box?.textContent ?? '';
  return text.length === ownLength ? '' : text.slice(0, CONTEXT_CHARS);
}

function anchorText(a: HTMLAnchorElement, text: string): string {
  const label = a.getAttribute('aria-label') ?? '';
  const alt = text.trim() ? '' : (a.querySelector('img')?.alt ?? '');
  return `${text} ${label} ${alt}`;
}
