/**
 * Wires the marker: settings from storage, messages to and from the background, spotting from the directory, and the
 * Performance API marks the e2e budgets read ("still-there:*"), counted on from the first look's where one ran.
 */
import { isTabRequest, type LinkVerdict, type Requests, type RequestName, type TabPush } from '../messages.ts';
import { openVerdictChannel, VERDICT_CHANNEL, type VerdictChannel } from '../verdict-channel.ts';
import { effectiveSettings, MANAGED_KEY, SETTINGS_KEY } from '../settings.ts';
import { isDirectoryUrl } from '../directory/lookup.ts';
import { JUDGEMENT_STEPS } from '../directory/spotting.ts';
import { namedGroupHome } from './named-home.ts';
import { isResourceAnchor, resourceAddress } from './spot-anchor.ts';
import { startMarking, type PageDeps, type PageMarker } from './marking.ts';
import { pageGroups } from './page-groups.ts';
import { answerPageLinks } from './page-links.ts';
import { leaveWhenReplaced, takeOver } from './hand-over.ts';
import { loadedAt } from './loaded-at.ts';
import { answerMessages, extensionApi, extensionStorage } from '../extension-api.ts';
import { LOOK_GLOBAL, markerHere, WAKE_GLOBAL, type LookFigures } from '../page-messages.ts';

export async function startContent(): Promise<void> {
  // The audit report runs this script in a tab that had none (src/page-messages.ts); should the browser's own copy
  // start after all, or the report's reach a page that has one, the copy already answering stays the only one.
  if (markerHere()) return;
  const scriptStart = performance.now();
  // The first look ran before us in this page, unless a person asked for the marker in a tab that had none.
  const look = (globalThis as Record<string, unknown>)[LOOK_GLOBAL] as LookFigures | undefined;
  const startedAt = look?.startedAt ?? loadedAt;
  const lookMs = look?.busyMs ?? 0;
  if (!look) performance.mark('still-there:start');
  // The settings come from storage; the runtime API (messages) is set up only when first needed, below.
  const storage = extensionStorage();
  const stored = storage.local.get([SETTINGS_KEY, MANAGED_KEY]);
  const pageSite = location.hostname;
  // One listener for every message to this page: the background's pushes, the popup's "Groups on this page" and
  // the audit page's list of every link here. Set up with the runtime API, on first need: the first look-up, or a
  // wake from the popup, the audit page or a menu (src/page-messages.ts).
  let onPush: ((push: TabPush) => void) | null = null;
  let onVerdicts: ((verdicts: LinkVerdict[]) => void) | null = null;
  let channel: VerdictChannel | null = null;
  let stopped = false;
  let api: ReturnType<typeof extensionApi> | null = null;
  let listener: ReturnType<typeof answerMessages> | null = null;
  const runtime = () => {
    if (!api) {
      api = extensionApi();
      listener = answerMessages(api, (message) => {
        if (isTabRequest(message)) return Promise.resolve(pageGroups(document));
        const links = answerPageLinks(message, document, (a) => isResourceAnchor(a, pageSite));
        if (links) return links;
        if (typeof message === 'object' && message !== null && 'type' in message) push(message as TabPush);
        return undefined;
      });
    }
    return api.runtime;
  };
  // A global of the extension's isolated world: the page's own scripts cannot see or call it. Set before the settings
  // arrive, so a page is answerable from its script's first moment. True only while this copy can answer: after an
  // update or reload a copy left in the page has lost its extension (no runtime id) and must not pass for alive.
  const extensionHere = () => {
    try {
      return Boolean(runtime().id);
    } catch {
      return false; // "Extension context invalidated"
    }
  };
  (globalThis as Record<string, unknown>)[WAKE_GLOBAL] = () => !stopped && extensionHere();
  // Evaluating our modules (the directory, its patterns) and the above: part of the script's cost.
  const setUpMs = performance.now() - loadedAt;
  // The user's settings and the organisation's policy (mirrored here by the background), in one read.
  const saved = { ...(await stored) } as Record<string, unknown>;
  const wiringStart = performance.now();
  const settingsNow = () => effectiveSettings(saved[SETTINGS_KEY], saved[MANAGED_KEY]);
  // After an update or reload the extension is gone from this page's point of view (Chrome clears runtime.id):
  // stop following the page instead of failing on every change, and take the marks away as turning it off would,
  // since nothing of ours is left here to keep them true.
  const stillThere = () => Boolean(api?.runtime?.id);
  const verdictChannel = () =>
    (channel ??= openVerdictChannel({
      connect: () => runtime().connect({ name: VERDICT_CHANNEL }),
      onVerdicts: (verdicts) => onVerdicts?.(verdicts),
      onGone: () => stop(),
      stillThere,
    }));
  const deps: PageDeps = {
    want: (urls, force) => verdictChannel().want(urls, { force }),
    onVerdicts(listener) {
      onVerdicts = listener;
      return () => {
        onVerdicts = null;
      };
    },
    send: <K extends RequestName>(type: K, payload: Requests[K]['request']) =>
      // Inside a promise: in a page the extension has left, Chrome's sendMessage throws at once rather than reject,
      // and that must end the same way as a failed send (tests/e2e/extension-gone.test.ts).
      (
        Promise.resolve().then(() => runtime().sendMessage({ type, payload })) as Promise<Requests[K]['response']>
      ).catch((error: unknown) => {
        if (!stillThere()) stop();
        throw error;
      }),
    onPush(push) {
      onPush = push;
      return () => {
        onPush = null;
      };
    },
    resourceAddress: (a, judge) => resourceAddress(a, pageSite, judge ?? true),
    judgementSteps: JUDGEMENT_STEPS,
    isDirectoryUrl,
    namedGroupHome,
  };
  let marker: PageMarker | null = null;
  let stopHandOver = () => {};
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || (!changes[SETTINGS_KEY] && !changes[MANAGED_KEY])) return;
    for (const key of [SETTINGS_KEY, MANAGED_KEY]) if (changes[key]) saved[key] = changes[key].newValue;
    marker?.update(settingsNow());
  };
  function push(message: TabPush) {
    onPush?.(message);
  }
  /** `marks`: 'remove' them (nothing of ours will keep them true), or 'leave' them to a newer copy (hand-over.ts). */
  function stop(marks: 'remove' | 'leave' = 'remove') {
    if (stopped) return;
    stopped = true;
    stopHandOver();
    storage.onChanged.removeListener(onChange);
    if (api && listener) api.runtime.onMessage.removeListener(listener);
    channel?.close();
    if (marks === 'leave') marker?.leave();
    else marker?.stop();
  }
  // Pages open during an update hold an old copy of this script: it leaves, and what it drew is cleared, before this
  // copy draws (hand-over.ts). Then this copy leaves in its turn for the copy of a later update.
  takeOver(document);
  stopHandOver = leaveWhenReplaced(document, extensionHere, () => stop('leave'));
  const started = startMarking(document, settingsNow(), deps);
  marker = started;
  // Its first ask can find the extension gone (updated or reloaded under this page) before startMarking returns:
  // stop() ran while there was no marker to stop, and the marks it just set would stay "checking" for good.
  if (stopped) started.stop();
  else storage.onChanged.addListener(onChange);
  // Everything since the settings arrived ran in one task: reading them, the listeners, the observer and the first
  // slice of links. The marker's own count covers its slices from here on.
  const wiringMs = performance.now() - wiringStart;
  const busyBefore = started.busyMs;
  await started.firstPass;
  performance.mark('still-there:first-pass');
  performance.measure('still-there:busy', {
    start: startedAt,
    duration: lookMs + setUpMs + wiringMs + (started.busyMs - busyBefore),
  });
  performance.measure('still-there:longest-slice', {
    start: scriptStart,
    duration: Math.max(lookMs, setUpMs, wiringMs, started.longestSliceMs),
  });
  performance.measure('still-there:cached-drawn', { start: startedAt, end: performance.now() });
}
