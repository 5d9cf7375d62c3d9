/** The popup's window on the browser: the verdict channel, the target tab, its content script, the clipboard. */
import { extensionApi } from '../extension-api.ts';
import type { LinkVerdict, PageGroupLink, TabRequest } from '../messages.ts';
import { openVerdictChannel, VERDICT_CHANNEL } from '../verdict-channel.ts';
import type { PopupDeps } from './popup.ts';
import { openAudit, openPdfReport } from '../open-audit.ts';
import { sendToPage } from '../page-messages.ts';
import { hostnameOf } from '../health/host.ts';
import { effectiveSettings, isOffFor, MANAGED_KEY, readSettings, SETTINGS_KEY } from '../settings.ts';

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
      // Nothing of ours runs in a page where marking is off, not even the wake sendToPage may run there (a site
      // turned off, an EHR by policy): its page's groups are not listed. The popup's search works there all the same.
      const [tab, saved] = await Promise.all([
        browser.tabs.get(tabId).catch(() => null),
        browser.storage.local.get([SETTINGS_KEY, MANAGED_KEY]),
      ]);
      const settings = effectiveSettings(saved[SETTINGS_KEY], saved[MANAGED_KEY]);
      if (isOffFor(settings, hostnameOf(tab?.url ?? ''))) return null; // isOffFor: the mode's "off" too
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
    async reportTo() {
      const got = await browser.storage.local.get(SETTINGS_KEY);
      return readSettings(got[SETTINGS_KEY]).reportTo;
    },
    async openPdfReport(address, tabId) {
      await openPdfReport(address, tabId);
      if (!(Number.isInteger(named) && named > 0)) window.close();
    },
    async openAudit(tabId) {
      await openAudit(tabId);
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
