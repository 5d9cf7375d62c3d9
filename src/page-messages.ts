/**
 * Messages from the extension's own pages and the background to a tab's content script. On a page with no
 * mutual-aid link the content script does not listen for messages at first: setting up the browser's runtime API
 * costs it about 2 ms, most of its budget on such a page (src/page-marker/start.ts). When a message finds no one listening,
 * the script is woken — a call, run in the extension's own isolated world through the scripting API, that sets up
 * its listener — and the message is sent once more. The page's own scripts cannot see or call the wake.
 */
import type { browser as Browser } from 'wxt/browser';

type Api = Pick<typeof Browser, 'tabs' | 'scripting'>;

/** The content script's wake, a global of the extension's isolated world (never the page's own). */
export const WAKE_GLOBAL = 'stillThereWake';

/**
 * tabs.sendMessage, waking the content script and trying once more when no one listens. Rejects as tabs.sendMessage
 * does when the tab has no content script of ours (a browser page, one still loading, one that was closed).
 */
export async function sendToPage(
  api: Api,
  tabId: number,
  message: unknown,
  options: { frameId?: number } = {},
): Promise<unknown> {
  try {
    return await api.tabs.sendMessage(tabId, message, options);
  } catch (error) {
    if (!(await wake(api, tabId, options.frameId ?? 0))) throw error;
    return api.tabs.sendMessage(tabId, message, options);
  }
}

/** Whether the tab's content script was there to wake. */
async function wake(api: Api, tabId: number, frameId: number): Promise<boolean> {
  try {
    const [injection] = await api.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      // Runs in the tab, in the extension's isolated world: it must not use anything from this module's scope.
      func: (name: string) => {
        const wakeUp = (globalThis as Record<string, unknown>)[name];
        return typeof wakeUp === 'function' ? wakeUp() === true : false;
      },
      args: [WAKE_GLOBAL],
    });
    return injection?.result === true;
  } catch {
    return false; // a page we may not run scripts in
  }
}
