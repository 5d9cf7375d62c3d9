/** The audit page's window on the browser: the audited tab's content script, the background's lookup, its pushes. */
import { browser } from 'wxt/browser';
import { fromWire, type LinkVerdict, type PageLinks, type Requests, type TabRequest } from '../messages.ts';
import type { AuditDeps } from './controller.ts';
import { tabFromSearch } from './open.ts';
import { sendToPage } from '../page-messages.ts';

export function browserDeps(search: string): AuditDeps {
  return {
    tabId: tabFromSearch(search),
    async pageLinks(tabId) {
      const request: TabRequest = { type: 'pageLinks' };
      try {
        // Top frame only: the page the reader sees, answered once.
        const answer = await sendToPage(browser, tabId, request, { frameId: 0 });
        return isPageLinks(answer) ? answer : null;
      } catch {
        // "Receiving end does not exist": a page we may not run on, or one still loading.
        return null;
      }
    },
    async lookup(urls) {
      // With each verdict's detail: the report shows it under the address.
      const payload: Requests['lookup']['request'] = { urls, details: true };
      const answer = (await browser.runtime.sendMessage({ type: 'lookup', payload })) as Requests['lookup']['response'] | undefined;
      return (answer?.verdicts ?? []).map(fromWire);
    },
    onPush(listener) {
      // The background pushes verdicts to the tab that asked; where the browser delivers them to an extension page,
      // they arrive here sooner than the next lookup. Every other message is left alone (undefined).
      const handler = (message: unknown) => {
        const m = message as { type?: unknown; verdicts?: unknown } | null;
        if (typeof m === 'object' && m !== null && m.type === 'verdicts' && Array.isArray(m.verdicts)) listener(m.verdicts.filter(isLinkVerdict));
        return undefined;
      };
      browser.runtime.onMessage.addListener(handler);
      return () => browser.runtime.onMessage.removeListener(handler);
    },
  };
}

function isPageLinks(x: unknown): x is PageLinks {
  const p = x as Partial<PageLinks> | null;
  return typeof p === 'object' && p !== null && typeof p.page === 'string' && Array.isArray(p.links) &&
    p.links.every((l) => typeof l === 'object' && l !== null && typeof l.href === 'string' && typeof l.text === 'string' && typeof l.position === 'number' && typeof l.resource === 'boolean');
}

function isLinkVerdict(x: unknown): x is LinkVerdict {
  const v = x as Partial<LinkVerdict> | null;
  return typeof v === 'object' && v !== null && typeof v.url === 'string' && typeof v.verdict === 'string' && typeof v.reason === 'string' && typeof v.checkedAt === 'string';
}
