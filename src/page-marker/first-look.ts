/**
 * The first look: the content script of every page a clinician opens, most of which hold no mutual-aid link at all.
 * It reads the page with a few native calls — its text, its links' labels, its links' hrefs in one tight loop — and
 * sends that to the background, which decides whether any link here could be a resource
 * (src/first-look/page-precheck.ts) and, where one could, runs the marker in this page (src/page-marker/start.ts).
 * The patterns, the directory and the marker's code are never loaded into a page that needs none of them: compiling
 * the spotting patterns cost such a page more than reading it did (tests/e2e/budgets.test.ts prints what the first
 * look costs against that reading). The browser runs it only on sites not turned off (src/background/page-script.ts
 * registers it so): on those, nothing of ours reads or sends anything.
 *
 * A page the background finds quiet is watched: links it adds later, or a change of settings (the background calls
 * the look-again global), ask the background again.
 */
import { extensionApi } from '../extension-api.ts';
import type { FirstLook, LookAnswer, PageReading } from '../messages.ts';
import { LOOK_AGAIN_GLOBAL, LOOK_GLOBAL, markerHere, type LookFigures } from '../page-messages.ts';
import { loadedAt } from './loaded-at.ts';
import { watchForNewLinks } from './page-changes.ts';

/**
 * Above this many links the page is not read whole (in one task): the marker looks at it link by link in slices
 * instead, as it does a page that may hold resources.
 */
export const LINKS_READ_WHOLE = 3_000;

export function firstLook(): void {
  const globals = globalThis as Record<string, unknown>;
  // One look per page: the browser's copy and the one the background runs in pages open at an install or update
  // (src/background/first-look.ts) can both come to a page that was loading then.
  if (markerHere() || globals[LOOK_GLOBAL] !== undefined) return;
  const figures: LookFigures = { startedAt: loadedAt, busyMs: 0 };
  globals[LOOK_GLOBAL] = figures;
  performance.mark('still-there:start', { startTime: loadedAt });
  let stopWatching: (() => void) | null = null;
  let ended = false;

  /**
   * Tells the background, and does as it answers: watch the page, send it (when asked first), or leave it to the
   * marker now there. `first`: the page as it loaded, sent at once (the browser ran this script, so its site is not
   * off). `again`: the settings changed, so it asks before it sends. `added`: links were added, and only that is said.
   */
  const ask = async (what: 'first' | 'again' | 'added'): Promise<void> => {
    const began = performance.now();
    let reply = tell(what === 'again' ? {} : { page: what === 'first' ? readPage() : null, base: document.baseURI });
    figures.busyMs += performance.now() - began;
    let answer = await answerTo(reply);
    if (answer?.send === true) {
      const sending = performance.now();
      reply = tell({ page: readPage(), base: document.baseURI });
      figures.busyMs += performance.now() - sending;
      answer = await answerTo(reply);
    }
    if (answer === null) {
      end(); // nothing of ours is left to ask
      return;
    }
    const handled = performance.now();
    if (answer.marker === true) end();
    else watch();
    figures.busyMs += performance.now() - handled;
  };

  const watch = () => {
    if (ended) return;
    globals[LOOK_AGAIN_GLOBAL] = () => void ask('again');
    stopWatching ??= watchForNewLinks(document, () => {
      if (markerHere())
        end(); // a person asked for the marker here (the audit report): it follows the page now
      else void ask('added');
    });
  };

  // The marker, once running, follows the page and the settings itself.
  const end = () => {
    ended = true;
    stopWatching?.();
    stopWatching = null;
    delete globals[LOOK_AGAIN_GLOBAL];
  };

  figures.busyMs = performance.now() - loadedAt; // evaluating this script, before the first ask
  void ask('first').then(() => {
    // Quiet: the first look's whole cost is the page's cost (a marker, where one runs, records its own with this).
    if (!markerHere()) performance.measure('still-there:busy', { start: loadedAt, duration: figures.busyMs });
  });
}

/**
 * The page as the first look sends it (src/messages.ts, PageReading), or null where it has too many links to send
 * whole (the marker reads it link by link). The page is read, never written. Its markup, sent whole instead, was
 * cheaper to read here but cost the background several times more to parse (src/first-look/page-reading.ts).
 */
function readPage(): PageReading | null {
  const links = document.links;
  if (links.length > LINKS_READ_WHOLE) return null;
  const root = document.body ?? document.documentElement;
  const labels: string[] = [];
  for (const el of root.querySelectorAll('a[title], a[aria-label], a img[alt]'))
    for (const name of ['title', 'aria-label', 'alt']) {
      const value = el.getAttribute(name);
      if (value) labels.push(value);
    }
  // The attribute as written, in one tight loop: the browser's resolved a.href costs several times more per link.
  const hrefs = new Array<string>(links.length);
  for (let i = 0; i < links.length; i++) hrefs[i] = links[i]!.getAttribute('href') ?? '';
  return { text: root.textContent ?? '', labels: labels.join('\n'), hrefs };
}

/** Sends a look to the background; rejects, as a failed send does, when the extension is gone from this page. */
function tell(look: FirstLook): Promise<unknown> {
  try {
    return extensionApi().runtime.sendMessage({ type: 'firstLook', payload: look });
  } catch (error) {
    return Promise.reject(error); // updated or reloaded under this page: Chrome throws rather than reject
  }
}

/** The background's answer, or null when there is no background left to answer (the extension was updated). */
async function answerTo(reply: Promise<unknown>): Promise<Partial<LookAnswer> | null> {
  try {
    return ((await reply) ?? {}) as Partial<LookAnswer>;
  } catch {
    return null;
  }
}
