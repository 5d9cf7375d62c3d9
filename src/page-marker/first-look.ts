/**
 * The first look: the content script of every page a clinician opens, most of which hold no mutual-aid link at all.
 * It reads the page in one piece — the browser's own serialisation of it, one native call — and sends it to the
 * background, which decides whether any link here could be a resource (src/first-look/page-precheck.ts) and, where
 * one could, runs the marker in this page (src/page-marker/start.ts). The patterns, the directory and the marker's
 * code are never loaded into a page that needs none of them: compiling the spotting patterns cost such a page more
 * than reading it did (tests/e2e/budgets.test.ts prints what the first look costs against that reading). The browser
 * runs it only on sites not turned off (src/background/page-script.ts registers it so): on those, nothing of ours
 * reads or sends anything.
 *
 * A page the background finds quiet is watched: links it adds later, or a change of settings (the background calls
 * the look-again global), ask the background again.
 */
import { extensionApi } from '../extension-api.ts';
import type { FirstLook, LookAnswer } from '../messages.ts';
import { LOOK_AGAIN_GLOBAL, LOOK_GLOBAL, markerHere, type LookFigures } from '../page-messages.ts';
import { loadedAt } from './loaded-at.ts';
import { watchForNewLinks } from './page-changes.ts';

/**
 * Above this many links the page is not serialised whole (a megabyte or more, in one task): the marker looks at it
 * link by link in slices instead, as it does a page that may hold resources.
 */
export const LINKS_READ_WHOLE = 3_000;

export function firstLook(): void {
  if (markerHere()) return;
  const globals = globalThis as Record<string, unknown>;
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
    let reply = tell(what === 'again' ? {} : { html: what === 'first' ? markup() : null, base: document.baseURI });
    figures.busyMs += performance.now() - began;
    let answer = await answerTo(reply);
    if (answer?.send === true) {
      const sending = performance.now();
      reply = tell({ html: markup(), base: document.baseURI });
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

  /** The page's markup in one piece, or null where it is too big to send whole (the marker reads it link by link). */
  const markup = () =>
    document.links.length <= LINKS_READ_WHOLE
      ? // Read, never written: the page's own serialisation, parsed in the background as text, with no DOM.
        // eslint-disable-next-line no-restricted-properties
        document.documentElement.outerHTML
      : null;

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
