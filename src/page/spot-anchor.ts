/**
 * The DOM side of spotting: reads an anchor's facts lazily (its surroundings only when the decision needs them),
 * so a page of 2,000 ordinary links costs a few milliseconds.
 */
import { spotResource } from '../directory/spotting.ts';

const CONTEXT_CHARS = 300;

export function isResourceAnchor(a: HTMLAnchorElement, pageHost: string): boolean {
  return spotResource({
    href: a.href,
    text: anchorText(a),
    title: a.title,
    pageHost,
    context: () => (a.closest('li, p, td, dd, dt, figcaption, blockquote')?.textContent ?? '').slice(0, CONTEXT_CHARS),
    inPageChrome: () => a.closest('nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"]') !== null,
  }).resource;
}

function anchorText(a: HTMLAnchorElement): string {
  const text = (a.textContent ?? '').slice(0, 400);
  const label = a.getAttribute('aria-label') ?? '';
  const alt = text.trim() ? '' : (a.querySelector('img')?.alt ?? '');
  return `${text} ${label} ${alt}`;
}
