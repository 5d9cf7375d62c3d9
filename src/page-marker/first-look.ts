/**
 * The first look: the content script of every page a clinician opens, most of which hold no mutual-aid link at all.
 * It reads the page in one piece — the browser's own serialisation of it, one native call — and hands it to the
 * background, which decides whether any link here could be a resource (src/first-look/page-precheck.ts) and, where
 * one could, runs the marker in this page (src/page-marker/start.ts). The patterns, the directory and the marker's
 * code are never loaded into a page that needs none of them: compiling the spotting patterns cost such a page more
 * than reading it did (tests/e2e/budgets.test.ts prints what the first look costs against that reading).
 *
 * A page the background finds quiet is watched: links it adds later, or a change of settings (the background calls
 * the look-again global), ask the background again.
 */
import { extensionApi } from '../extension-api.ts';
import { LOOK_AGAIN_GLOBAL, LOOK_GLOBAL, WAKE_GLOBAL, type LookFigures } from '../page-messages.ts';
import { loadedAt } from './loaded-at.ts';
import { watchForNewLinks } from './page-changes.ts';

/**
 * Above this many links the page is not serialised whole (a megabyte or more, in one task): the marker looks at it
 * link by link in slices instead, as it does a page that may hold resources.
 */
export const LINKS_READ_WHOLE = 3_000;

/** What the first look sends: the page's markup (null: look link by link) and the address relative links resolve to. */
export interface FirstLook {
  html: string | null;
  base: string;
}

export function firstLook(): void {
  if (markerHere()) return;
  const globals = globalThis as Record<string, unknown>;
  const figures: LookFigures = { startedAt: loadedAt, busyMs: 0 };
  globals[LOOK_GLOBAL] = figures;
  performance.mark('still-there:start', { startTime: loadedAt });
  let stopWatching: (() => void) | null = null;
  let ended = false;

  /** Asks the background; `whole`: with the page's markup, else "links were added, look link by link". */
  const ask = async (whole: boolean): Promise<void> => {
    const began = performance.now();
    let reply: Promise<unknown>;
    try {
      const look: FirstLook = {
        // Read, never written: the page's own serialisation, parsed in the background as text, with no DOM.
        // eslint-disable-next-line no-restricted-properties
        html: whole && document.links.length <= LINKS_READ_WHOLE ? document.documentElement.outerHTML : null,
        base: document.baseURI,
      };
      reply = extensionApi().runtime.sendMessage({ type: 'firstLook', payload: look });
    } catch (error) {
      reply = Promise.reject(error); // the extension is gone from this page (updated or reloaded under it)
    }
    figures.busyMs += performance.now() - began;
    let answer: unknown;
    try {
      answer = await reply;
    } catch {
      end(); // nothing of ours is left to ask
      return;
    }
    const handled = performance.now();
    if ((answer as { marker?: unknown } | undefined)?.marker === true) end();
    else watch();
    figures.busyMs += performance.now() - handled;
  };

  const watch = () => {
    if (ended) return;
    globals[LOOK_AGAIN_GLOBAL] = () => void ask(true);
    stopWatching ??= watchForNewLinks(document, () => {
      if (markerHere())
        end(); // a person asked for the marker here (the audit report): it follows the page now
      else void ask(false);
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
  void ask(true).then(() => {
    // Quiet: the first look's whole cost is the page's cost (a marker, where one runs, records its own with this).
    if (!markerHere()) performance.measure('still-there:busy', { start: loadedAt, duration: figures.busyMs });
  });
}

/** Whether the marker runs in this page and can answer (its wake says so). */
function markerHere(): boolean {
  const wake = (globalThis as Record<string, unknown>)[WAKE_GLOBAL];
  return typeof wake === 'function' && wake() === true;
}
