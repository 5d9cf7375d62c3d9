/** The audit page's window on the browser: the audited tab's content script, and the verdict channel. */
import { browser } from 'wxt/browser';
import type { LinkVerdict, PageLinks, TabRequest } from '../messages.ts';
import { openVerdictChannel, VERDICT_CHANNEL } from '../verdict-channel.ts';
import type { AuditDeps } from './report-page.ts';
import { tabFromSearch } from './open.ts';
import { sendToPage } from '../page-messages.ts';

export function browserDeps(search: string): AuditDeps {
  let pushed: ((verdicts: LinkVerdict[]) => void) | null = null;
  // With each verdict's detail: the report shows it under the address.
  const channel = openVerdictChannel({
    connect: () => browser.runtime.connect({ name: VERDICT_CHANNEL }),
    onVerdicts: (verdicts) => pushed?.(verdicts),
    details: true,
  });
  return {
    tabId: tabFromSearch(search),
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
