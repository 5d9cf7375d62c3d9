/**
 * Drawing verdicts on the page — the marking contract in the README, which users' styles and our tests rely on:
 *   <a data-link-health="alive|moved|dead|unverified|checking" data-link-health-reason="…">
 *   dead → struck through by our stylesheet, href untouched ("you may try them anyway"), followed by
 *          <a data-link-health-archive href="https://web.archive.org/web/<ts>/<url>">archived <year></a>
 *          and, where the directory knows the group's site, <a data-link-health-new-home href="…">now at <site></a>
 *          (their words, like the description's, in the browser's UI language: src/i18n.ts; the attributes never change)
 *   moved → a discreet "→ <site>" naming the new home.
 * Everything is built with DOM calls and textContent (never markup from page or network data), every inserted
 * link is checked against what we expect to point to, and marking twice changes nothing.
 */
import { isCaptureOf } from '../health/archives/index.ts';
import type { LinkVerdict } from '../messages.ts';
import { archiveLinkText, describeVerdict, namedHomeText, newHomeText } from '../words/describe.ts';
import { siteName } from '../words/site-name.ts';

export const ATTR = 'data-link-health';
export const REASON_ATTR = 'data-link-health-reason';
const EXTRAS_ATTR = 'data-link-health-extras';
const DESCRIPTION_ATTR = 'data-link-health-description';
const OWN_TITLE_ATTR = 'data-link-health-own-title';
const OWN_DESCRIBEDBY_ATTR = 'data-link-health-own-describedby';

/**
 * The link's title as its page wrote it. A marked link's title is our description of its verdict ("Not found
 * (404) …"): spotting must read the page's words, not ours.
 */
export function titleAsWritten(a: Element): string {
  const shown = a.getAttribute('title');
  if (shown === null) return '';
  return a.getAttribute(OWN_TITLE_ATTR) ?? shown;
}

export interface MarkOptions {
  archiveSuggestions: boolean;
  showUnverified: boolean;
  /** Only these sites may be linked as a new home (the directory's current websites). */
  isDirectoryUrl(url: string): boolean;
  /** The locale for dates in descriptions; by default the UI language's (src/i18n.ts). */
  locale?: string;
  /**
   * For a dead link the directory cannot place by its address: the group its own words name, if exactly one
   * (src/directory/named-group.ts), to offer that group's current site.
   */
  namedGroupHome?(a: HTMLAnchorElement): { named: string; group: string; website: string } | null;
}

let counter = 0;
const extrasOf = new WeakMap<HTMLAnchorElement, HTMLElement>();

export function markChecking(a: HTMLAnchorElement): void {
  if (!a.hasAttribute(ATTR)) a.setAttribute(ATTR, 'checking');
}

export function applyVerdict(a: HTMLAnchorElement, v: LinkVerdict, options: MarkOptions): void {
  removeExtras(a);
  a.setAttribute(ATTR, v.verdict);
  a.setAttribute(REASON_ATTR, v.reason);
  if (v.verdict === 'alive' || (v.verdict === 'unverified' && !options.showUnverified)) {
    a.removeAttribute('data-link-health-visible');
    restoreDescription(a);
    return;
  }
  a.setAttribute('data-link-health-visible', '');
  const doc = a.ownerDocument;
  const extras = doc.createElement('span');
  extras.setAttribute(EXTRAS_ATTR, '');
  const description = doc.createElement('span');
  description.setAttribute(DESCRIPTION_ATTR, '');
  description.id = `link-health-${++counter}`;
  description.textContent = describeVerdict(v, options.locale);
  extras.append(description);

  if (v.verdict === 'dead') {
    // Only a capture of this very link, by an archive we know, in the one form of link we build.
    if (options.archiveSuggestions && v.archive && isCaptureOf(v.archive, v.url)) {
      extras.append(
        doc.createTextNode(' '),
        link(doc, 'data-link-health-archive', v.archive.url, archiveLinkText(v.archive.timestamp)),
      );
    }
    if (v.newHome) {
      const home = newHomeText(v.newHome);
      extras.append(
        doc.createTextNode(' '),
        options.isDirectoryUrl(v.newHome)
          ? link(doc, 'data-link-health-new-home', v.newHome, home)
          : text(doc, 'data-link-health-new-home', home),
      );
    } else {
      const named = options.namedGroupHome?.(a);
      if (named && options.isDirectoryUrl(named.website)) {
        extras.append(
          doc.createTextNode(' '),
          link(doc, 'data-link-health-new-home', named.website, namedHomeText(named.named, named.group, named.website)),
        );
      }
    }
  } else if (v.verdict === 'moved' && (v.newHome || v.finalUrl)) {
    // The link itself already leads there (that is what "moved" means): name the new home, do not add a link.
    extras.append(
      doc.createTextNode(' '),
      text(doc, 'data-link-health-moved-to', `→ ${siteName(v.newHome ?? v.finalUrl ?? '')}`),
    );
  }

  // Hover shows the description as a tooltip; keyboard focus shows it via the stylesheet; screen readers read it.
  if (!a.hasAttribute(OWN_TITLE_ATTR)) a.setAttribute(OWN_TITLE_ATTR, a.getAttribute('title') ?? '');
  if (!a.hasAttribute(OWN_DESCRIBEDBY_ATTR))
    a.setAttribute(OWN_DESCRIBEDBY_ATTR, a.getAttribute('aria-describedby') ?? '');
  a.title = description.textContent;
  a.setAttribute('aria-describedby', [a.getAttribute(OWN_DESCRIBEDBY_ATTR), description.id].filter(Boolean).join(' '));
  a.after(extras);
  extrasOf.set(a, extras);
}

/** Removes every trace of ours from one link: attributes, inserted elements, and the page's own title restored. */
export function unmark(a: HTMLAnchorElement): void {
  removeExtras(a);
  restoreDescription(a);
  a.removeAttribute(ATTR);
  a.removeAttribute(REASON_ATTR);
  a.removeAttribute('data-link-health-visible');
}

export function unmarkAll(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>(`a[${ATTR}]`)) unmark(a);
  for (const orphan of root.querySelectorAll(`[${EXTRAS_ATTR}]`)) orphan.remove();
}

/** True for the elements we insert, so the mutation observer ignores its own work. */
export function isOurs(node: Node): boolean {
  return (
    node.nodeType === 1 &&
    ((node as Element).hasAttribute(EXTRAS_ATTR) || (node as Element).hasAttribute('data-link-health-phone-note'))
  );
}

function removeExtras(a: HTMLAnchorElement): void {
  extrasOf.get(a)?.remove();
  extrasOf.delete(a);
  // After a page re-render the WeakMap may not know a stale sibling: remove ours by attribute too.
  const next = a.nextElementSibling;
  if (next?.hasAttribute(EXTRAS_ATTR)) next.remove();
}

function restoreDescription(a: HTMLAnchorElement): void {
  if (a.hasAttribute(OWN_TITLE_ATTR)) {
    const own = a.getAttribute(OWN_TITLE_ATTR);
    if (own) a.setAttribute('title', own);
    else a.removeAttribute('title');
    a.removeAttribute(OWN_TITLE_ATTR);
  }
  if (a.hasAttribute(OWN_DESCRIBEDBY_ATTR)) {
    const own = a.getAttribute(OWN_DESCRIBEDBY_ATTR);
    if (own) a.setAttribute('aria-describedby', own);
    else a.removeAttribute('aria-describedby');
    a.removeAttribute(OWN_DESCRIBEDBY_ATTR);
  }
}

function link(doc: Document, attr: string, href: string, label: string): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.setAttribute(attr, '');
  a.href = href;
  a.rel = 'noopener noreferrer';
  a.referrerPolicy = 'no-referrer';
  a.textContent = label;
  return a;
}

function text(doc: Document, attr: string, label: string): HTMLSpanElement {
  const s = doc.createElement('span');
  s.setAttribute(attr, '');
  s.textContent = label;
  return s;
}
