/**
 * Wires the content script: settings from storage, messages to and from the background, spotting from the
 * directory, and the Performance API marks the e2e budgets read ("still-there:*").
 */
import { isTabRequest, type Requests, type RequestName, type TabPush } from '../messages.ts';
import { readSettings, SETTINGS_KEY } from '../settings.ts';
import { isDirectoryUrl } from '../directory/lookup.ts';
import { isResourceAnchor, resourceAddress } from './spot-anchor.ts';
import { startMarking, type PageMarker } from './controller.ts';
import { pageGroups } from './page-groups.ts';
import { answerPageLinks } from './page-links.ts';
import { loadedAt } from './loaded-at.ts';
import { documentMayHoldResources } from './page-precheck.ts';
import { answerMessages, extensionApi } from '../extension-api.ts';

export async function startContent(): Promise<void> {
  const scriptStart = performance.now();
  performance.mark('still-there:start');
  const api = extensionApi();
  const stored = api.storage.local.get(SETTINGS_KEY);
  // Evaluating our modules (the directory, its patterns) up to here: part of the script's cost.
  const setUpMs = performance.now() - loadedAt;
  const settings = readSettings((await stored)[SETTINGS_KEY]);
  const wiringStart = performance.now();
  const pageSite = location.hostname;
  // One listener for every message to this page: the background's pushes, the popup's "Groups on this page" and
  // the audit page's list of every link here.
  let onPush: ((push: TabPush) => void) | null = null;
  const listener = answerMessages(api, (message) => {
    if (isTabRequest(message)) return Promise.resolve(pageGroups(document));
    const links = answerPageLinks(message, document, (a) => isResourceAnchor(a, pageSite));
    if (links) return links;
    if (typeof message === 'object' && message !== null && 'type' in message) onPush?.(message as TabPush);
    return undefined;
  });
  const marker: PageMarker = startMarking(document, settings, {
    send: <K extends RequestName>(type: K, payload: Requests[K]['request']) =>
      (api.runtime.sendMessage({ type, payload }) as Promise<Requests[K]['response']>).catch((error: unknown) => {
        // After an update or reload the extension is gone from this page's point of view (Chrome clears
        // runtime.id): stop following the page instead of failing on every change, and take the marks away as
        // turning it off would, since nothing of ours is left here to keep them true.
        if (!api.runtime?.id) stop();
        throw error;
      }),
    onPush(push) {
      onPush = push;
      return () => {
        onPush = null;
      };
    },
    resourceAddress: (a) => resourceAddress(a, pageSite),
    mayHoldResources: documentMayHoldResources,
    isDirectoryUrl,
  });
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) marker.update(readSettings(changes[SETTINGS_KEY].newValue));
  };
  api.storage.onChanged.addListener(onChange);
  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    api.storage.onChanged.removeListener(onChange);
    api.runtime.onMessage.removeListener(listener);
    marker.stop();
  }
  // Everything since the settings arrived ran in one task: the listeners, the observer, the page precheck and the
  // first slice of links. The marker's own count covers its slices from here on.
  const wiringMs = performance.now() - wiringStart;
  const busyBefore = marker.busyMs;
  await marker.firstPass;
  performance.mark('still-there:first-pass');
  performance.measure('still-there:busy', { start: loadedAt, duration: setUpMs + wiringMs + (marker.busyMs - busyBefore) });
  performance.measure('still-there:longest-slice', { start: scriptStart, duration: Math.max(setUpMs, wiringMs, marker.longestSliceMs) });
  performance.measure('still-there:cached-drawn', { start: loadedAt, end: performance.now() });
}
