/**
 * Links the page adds or changes after it loaded (a single-page app, a list filled in by script): their anchors,
 * gathered over a short pause so a burst of changes is looked at once. Our own marks are not changes of the page.
 */
import { isOurs } from './marks.ts';

const DEBOUNCE_MS = 250;

/** Calls `onAnchors` with the anchors added or re-pointed since the last call; returns the stop. */
export function watchForNewLinks(doc: Document, onAnchors: (anchors: HTMLAnchorElement[]) => void): () => void {
  let pending: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') pending.push(r.target);
      else for (const n of r.addedNodes) if (n.nodeType === 1 && !isOurs(n)) pending.push(n);
    }
    if (pending.length && !timer) {
      timer = setTimeout(() => {
        timer = null;
        const nodes = pending;
        pending = [];
        const anchors: HTMLAnchorElement[] = [];
        for (const n of nodes) {
          if (!(n as Element).isConnected) continue;
          if (n instanceof HTMLAnchorElement) anchors.push(n);
          for (const a of (n as Element).querySelectorAll?.<HTMLAnchorElement>('a[href]') ?? []) anchors.push(a);
        }
        onAnchors(anchors);
      }, DEBOUNCE_MS);
    }
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href'],
  });
  return () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
    timer = null;
    pending = [];
  };
}
