/**
 * What spotting (spotting.ts) is told about a link besides its address, read the same way from a live page (the
 * content script, src/page-marker/spot-anchor.ts) and from a crawled page's HTML (the CLI's audit, src/cli/page-evidence.ts),
 * so `still-there audit` and "Audit this page" list the same resource links for the same page:
 *   - its words: its text (the first 400 characters), its aria-label, and an image's alt text when it has no text;
 *   - its title, as the page wrote it;
 *   - its surroundings: the text of its list item, paragraph, table cell … (the first 300 characters), or nothing
 *     when that is only the link's own text (a plain list of links, the commonest shape on any page);
 *   - whether it sits in the page's own navigation, header or footer.
 */

/** Elements whose text is a link's surroundings, nearest first. */
export const EVIDENCE_BOXES = ['li', 'p', 'td', 'dd', 'dt', 'figcaption', 'blockquote'] as const;
export const EVIDENCE_BOX_SELECTOR = EVIDENCE_BOXES.join(', ');

/** The page's own chrome: links here are its menus, not resources it recommends. */
export const PAGE_CHROME_TAGS = ['nav', 'header', 'footer'] as const;
export const PAGE_CHROME_ROLES = ['navigation', 'banner', 'contentinfo'] as const;
export const PAGE_CHROME_SELECTOR = [...PAGE_CHROME_TAGS, ...PAGE_CHROME_ROLES.map((r) => `[role="${r}"]`)].join(', ');

export const OWN_TEXT_CHARS = 400;
export const CONTEXT_CHARS = 300;

/** A link's words: its text, its aria-label, and an image's alt text when the link has no text of its own. */
export function linkWords(ownText: string, ariaLabel: string, imageAlt: string): string {
  const text = ownText.slice(0, OWN_TEXT_CHARS);
  return `${text} ${ariaLabel} ${text.trim() ? '' : imageAlt}`;
}

/** The box's text as a link's surroundings: nothing when it is only the link's own text. */
export function surroundingWords(boxText: string, ownTextLength: number): string {
  return boxText.length === ownTextLength ? '' : boxText.slice(0, CONTEXT_CHARS);
}
