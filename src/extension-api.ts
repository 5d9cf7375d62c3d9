/**
 * The extension API for the content script and the popup, without webextension-polyfill. Importing the polyfill
 * cost about 3 ms in every page the content script runs in, and a quarter of the popup's own time (the bundler's
 * import helper touches every namespace of the browser's API, which sets each one up). Both need only calls that
 * behave alike in Chrome MV3 and Firefox: storage, runtime.sendMessage and the tabs calls return promises in
 * both, and listeners answer through sendResponse after returning true, the one way both document (a promise
 * returned by a listener is Firefox's way, and the polyfill's).
 */
import type { browser } from 'wxt/browser';

type Api = Pick<typeof browser, 'runtime' | 'storage' | 'tabs' | 'scripting'>;

interface Globals {
  browser?: Api;
  chrome?: Api;
}

/**
 * Firefox's `browser`, else Chrome's `chrome` (Firefox has both; its `chrome` takes callbacks for some calls). In a
 * content script `tabs` is absent: only runtime and storage are there to use.
 */
export function extensionApi(): Api {
  const g = globalThis as Globals;
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('still-there: no extension API here (not running in the extension)');
  return api;
}

/**
 * Only the storage API, without setting up the runtime API (in Chrome each API's first touch in a page costs a part of
 * a millisecond): the marker reads its settings before it needs messaging (src/page-marker/start.ts). Firefox's
 * `browser` where there is one, as extensionApi chooses.
 */
export function extensionStorage(): Api['storage'] {
  const g = globalThis as Globals;
  const storage = g.browser?.storage ?? g.chrome?.storage;
  if (!storage) throw new Error('still-there: no extension API here (not running in the extension)');
  return storage;
}

/**
 * Answers messages with `answer` when it returns a promise, and leaves every other message to other listeners.
 * Returns the listener, for removeListener.
 */
export function answerMessages(
  api: Api,
  answer: (message: unknown) => Promise<unknown> | undefined,
): (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    const reply = answer(message);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true; // keeps the channel open for the asynchronous answer
  };
  api.runtime.onMessage.addListener(listener as Parameters<Api['runtime']['onMessage']['addListener']>[0]);
  return listener;
}
