/**
 * Links the page adds or changes after it loaded (a single-page app, a list filled in by script): their anchors,
 * gathered over a short pause so a burst of changes is looked at once. Imports nothing: the first look
 * (first-look.ts), on every page, uses it as well as the marker.
 */
const DEBOUNCE_MS = 250;

/**
 * Calls `onAnchors` with the anchors added or re-pointed since the last call, and only when there is one; returns
 * the stop. `isOurs`: elements we added ourselves (the marker's marks), which are not changes of the page.
 */
export function watchForNewLinks(
  doc: Document,
  onAnchors: (anchors: HTMLAnchorElement[]) => void,
  isOurs: (node: Node) => boolean = () => false,
): () => void {
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
        if (anchors.length > 0) onAnchors(anchors);
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
