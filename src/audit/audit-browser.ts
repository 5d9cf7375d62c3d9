/** The audit page's window on the browser: the audited tab's content script, and the verdict channel. */
import { browser } from 'wxt/browser';
import type { DocumentFetch, Envelope, LinkVerdict, PageLinks, TabRequest } from '../messages.ts';
import { openVerdictChannel, VERDICT_CHANNEL } from '../verdict-channel.ts';
import type { AuditDeps } from './tab-report.ts';
import { pdfFromSearch, tabFromSearch } from '../open-audit.ts';
import { pdfBytes, readPdfBytes } from './pdf-reading.ts';
import { sendToPage } from '../page-messages.ts';

export function browserDeps(search: string): AuditDeps {
  let pushed: ((verdicts: LinkVerdict[]) => void) | null = null;
  // With each verdict's detail: the report shows it under the address.
  const channel = openVerdictChannel({
    connect: () => browser.runtime.connect({ name: VERDICT_CHANNEL }),
    onVerdicts: (verdicts) => pushed?.(verdicts),
    details: true,
  });
  const pdf = pdfFromSearch(search);
  return {
    tabId: tabFromSearch(search),
    ...(pdf === null
      ? {}
      : {
          pdf: {
            address: pdf,
            bytes: (address: string) =>
              pdfBytes(address, {
                fetchDocument: async (url) => {
                  const request: Envelope<'fetchDocument'> = { type: 'fetchDocument', payload: { url } };
                  return (await browser.runtime.sendMessage(request)) as DocumentFetch;
                },
                caches: globalThis.caches,
                fileAccess: () =>
                  (
                    browser.extension as { isAllowedFileSchemeAccess?: () => Promise<boolean> }
                  ).isAllowedFileSchemeAccess?.() ?? Promise.resolve(false),
              }),
            read: readPdfBytes,
          },
        }),
    async pageLinks(tabId) {
      const request: TabRequest = { type: 'pageLinks' };
      try {
        // Top frame only: the page the reader sees, answered once. A tab that never ran our script (opened before
        // still-there was installed) or is still loading gets it run, or waited for (src/page-messages.ts).
        const answer = await sendToPage(browser, tabId, request, { frameId: 0, inject: true });
        return isPageLinks(answer) ? answer : null;
      } catch {
        // A page no extension may run on (a browser page, the web store) or a tab that was closed.
        return null;
      }
    },
    want: (urls) => channel.want(urls),
    onVerdicts(listener) {
      pushed = listener;
      return () => {
        pushed = null;
      };
    },
  };
}

function isPageLinks(x: unknown): x is PageLinks {
  const p = x as Partial<PageLinks> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.page === 'string' &&
    Array.isArray(p.links) &&
    p.links.every(
      (l) =>
        typeof l === 'object' &&
        l !== null &&
        typeof l.href === 'string' &&
        typeof l.text === 'string' &&
        typeof l.position === 'number' &&
        typeof l.resource === 'boolean',
    )
  );
}
