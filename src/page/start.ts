/**
 * Wires the content script: settings from storage, messages to and from the background, spotting from the
 * directory, and the Performance API marks the e2e budgets read ("still-there:*").
 */
import { browser } from 'wxt/browser';
import { isTabRequest, type Requests, type RequestName, type TabPush } from '../messages.ts';
import { readSettings, SETTINGS_KEY } from '../settings.ts';
import { isDirectoryUrl } from '../directory/lookup.ts';
import { isResourceAnchor } from './spot-anchor.ts';
import { startMarking, type PageMarker } from './controller.ts';
import { pageGroups } from './page-groups.ts';
import { answerPageLinks } from './page-links.ts';
import { loadedAt } from './loaded-at.ts';
import { documentMayHoldResources } from './page-precheck.ts';

export async function startContent(onInvalidated: (cb: () => void) => void): Promise<void> {
  const scriptStart = performance.now();
  // Evaluating our modules (the directory, its patterns) and WXT's start-up, up to here: part of the script's cost.
  const setUpMs = scriptStart - loadedAt;
  performance.mark('still-there:start');
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const pageSite = location.hostname;
  const marker: PageMarker = startMarking(document, settings, {
    send: <K extends RequestName>(type: K, payload: Requests[K]['request']) => browser.runtime.sendMessage({ type, payload }) as Promise<Requests[K]['response']>,
    onPush(listener) {
      const handler = (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'type' in message) listener(message as TabPush);
      };
      browser.runtime.onMessage.addListener(handler);
      return () => browser.runtime.onMessage.removeListener(handler);
    },
    isResource: (a) => isResourceAnchor(a, pageSite),
    mayHoldResources: documentMayHoldResources,
    isDirectoryUrl,
  });
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) marker.update(readSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChange);
  // The popup's "Groups on this page". A returned promise is the answer; undefined leaves other messages alone.
  const answerPopup = (message: unknown) => (isTabRequest(message) ? Promise.resolve(pageGroups(document)) : undefined);
  browser.runtime.onMessage.addListener(answerPopup);
  // The audit page's list of every link here.
  const answerAudit = (message: unknown) => answerPageLinks(message, document, (a) => isResourceAnchor(a, pageSite));
  browser.runtime.onMessage.addListener(answerAudit);
  onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChange);
    browser.runtime.onMessage.removeListener(answerPopup);
    browser.runtime.onMessage.removeListener(answerAudit);
    marker.stop();
  });
  await marker.firstPass;
  performance.mark('still-there:first-pass');
  performance.measure('still-there:busy', { start: loadedAt, duration: setUpMs + marker.busyMs });
  performance.measure('still-there:longest-slice', { start: scriptStart, duration: Math.max(setUpMs, marker.longestSliceMs) });
  performance.measure('still-there:cached-drawn', { start: loadedAt, end: performance.now() });
}
