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

/**
 * The report for a PDF (audit.html?pdf=<address>): the address is in the report's own address, so the report can be
 * reloaded, bookmarked and sent to a colleague. With no address, the report offers only its file picker.
 */
export function pdfReportPath(address: string | null): `/audit.html?pdf=${string}` {
  return `/audit.html?pdf=${address === null ? '' : encodeURIComponent(address)}`;
}

/** The PDF address a report page's query string names; '' for the picker alone; null when it names none. */
export function pdfFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('pdf');
}

/** Addresses that look like a PDF to the popup and the context menu: http(s) and file: paths ending in .pdf. */
export const PDF_ADDRESS_PATTERNS = ['*://*/*.pdf', '*://*/*.PDF', 'file:///*.pdf', 'file:///*.PDF'];

/** Opens the PDF report beside the tab that shows the PDF (or holds the link to it). */
export async function openPdfReport(address: string, besideTab?: number): Promise<void> {
  const browser = extensionApi();
  const beside = besideTab === undefined ? null : await browser.tabs.get(besideTab).catch(() => null);
  await browser.tabs.create({
    url: browser.runtime.getURL(pdfReportPath(address)),
    ...(beside ? { index: beside.index + 1, windowId: beside.windowId } : {}),
  });
}
