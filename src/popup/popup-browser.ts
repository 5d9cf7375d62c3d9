/** The popup's window on the browser: the verdict channel, the target tab, its content script, the clipboard. */
import { extensionApi } from '../extension-api.ts';
import type { LinkVerdict, PageGroupLink, TabRequest } from '../messages.ts';
import { openVerdictChannel, VERDICT_CHANNEL } from '../verdict-channel.ts';
import type { PopupDeps } from './popup-page.ts';
import { openAuditPage } from '../audit-page/open.ts';
import { sendToPage } from '../page-messages.ts';

/**
 * `search` is the popup page's query string. `?tab=<id>` names the tab to describe: opened from the toolbar, the
 * popup describes the active tab, but a test cannot click the toolbar and opens popup.html in a tab of its own,
 * which is then the active tab itself. Only our own extension can open its pages, so this is no way in for a site.
 */
export function browserDeps(search: string): PopupDeps {
  const browser = extensionApi();
  const named = Number(new URLSearchParams(search).get('tab'));
  let pushed: ((verdicts: LinkVerdict[]) => void) | null = null;
  const channel = openVerdictChannel({
    connect: () => browser.runtime.connect({ name: VERDICT_CHANNEL }),
    onVerdicts: (verdicts) => pushed?.(verdicts),
  });
  return {
    want: (urls) => channel.want(urls),
    onVerdicts(listener) {
      pushed = listener;
    },
    async targetTab() {
      const tab =
        Number.isInteger(named) && named > 0
          ? await browser.tabs.get(named).catch(() => null)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
    },
    async pageGroups(tabId) {
      const request: TabRequest = { type: 'pageGroups' };
      try {
        // Top frame only: that is where the page's own list of resources is, and one answer is enough.
        const answer = await sendToPage(browser, tabId, request, { frameId: 0 });
        return Array.isArray(answer) ? answer.filter(isPageGroupLink) : null;
      } catch {
        // "Receiving end does not exist": a page we may not run on (chrome://, the web store) or still loading.
        return null;
      }
    },
    copy: (text) => navigator.clipboard.writeText(text),
    async openAudit(tabId) {
      await openAuditPage(tabId);
      // The toolbar popup closes itself; popup.html opened in a tab of its own (?tab=) stays.
      if (!(Number.isInteger(named) && named > 0)) window.close();
    },
  };
}

function isPageGroupLink(x: unknown): x is PageGroupLink {
  const l = x as Partial<PageGroupLink> | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.groupId === 'string' &&
    typeof l.url === 'string' &&
    typeof l.verdict === 'string'
  );
}
