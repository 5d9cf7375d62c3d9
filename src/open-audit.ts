/** Where the audit page lives, for the popup button and the context menu that open it, and the page that reads it. */
import { extensionApi } from './extension-api.ts';

/** The audit page's address (for browser.runtime.getURL) for one tab. */
export function auditPath(tabId: number): `/audit.html?tab=${number}` {
  return `/audit.html?tab=${tabId}`;
}

/** `search` is the page's query string, `?tab=<id>`; only our own extension opens its pages, so it is no way in for a site. */
export function tabFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const tab = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isInteger(tab) && tab >= 0 ? tab : null;
}

/** Opens the report for a tab in a new tab right beside it, in its window (the popup's button and the context menu). */
export async function openAudit(tabId: number): Promise<void> {
  const browser = extensionApi();
  const audited = await browser.tabs.get(tabId).catch(() => null);
  await browser.tabs.create({
    url: browser.runtime.getURL(auditPath(tabId)),
    ...(audited ? { index: audited.index + 1, windowId: audited.windowId } : {}),
  });
}
