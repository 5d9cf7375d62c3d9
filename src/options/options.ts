/** The options page: reads and writes the settings, shows cache statistics, clears and exports the cache. */
import { browser } from 'wxt/browser';
import { localizeDocument, t } from '../i18n.ts';
import type { Requests, RequestName } from '../messages.ts';
import { readPolicy } from '../policy.ts';
import {
  feedLine,
  MANAGEABLE,
  readSettings,
  reportTarget,
  SETTINGS_KEY,
  type ManagedSettings,
  type Settings,
} from '../settings.ts';
import { feedStatusText } from './feed-status.ts';
import type { FeedRecord } from '../store/schema.ts';

function send<K extends RequestName>(type: K, payload: Requests[K]['request']): Promise<Requests[K]['response']> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<Requests[K]['response']>;
}

export async function startOptions(doc: Document): Promise<void> {
  localizeDocument(doc);
  const form = doc.querySelector<HTMLFormElement>('#settings')!;
  const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
  const [got, policyAtOpen] = await Promise.all([
    browser.storage.local.get(SETTINGS_KEY),
    readPolicy(browser.storage as never),
  ]);
  /** IT's policy: replaced when it arrives or changes while the page is open (below). */
  let policy = policyAtOpen;
  /** The user's own choices; what the policy sets shows in their place, locked, and is never written as theirs. */
  let own = readSettings(got[SETTINGS_KEY]);
  const inForce = (): Settings => ({ ...own, ...policy });
  lockManaged(policy);
  fill(inForce());
  // The policy can arrive after this page opened (Chrome loads it as the browser starts, and the page opens on
  // install) or change while it is open: follow it.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    void readPolicy(browser.storage as never).then(async (next) => {
      policy = next;
      lockManaged(policy);
      fill(inForce());
      showFeeds((await send('feedStatus', {})).feeds, inForce().feeds);
    });
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // A line that is not a feed (an address, and beside it a pinned key) is named, and nothing is saved: what was
    // typed stays to be mended.
    const feedLines = field<HTMLTextAreaElement>('feeds')
      .value.split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const badFeed = policy.feeds ? undefined : feedLines.find((line) => feedLine(line) === null);
    const problem = doc.querySelector('#feeds-problem')!;
    problem.textContent = badFeed === undefined ? '' : t('options_feeds_bad', badFeed);
    if (badFeed !== undefined) {
      doc.querySelector('#saved')!.textContent = '';
      field<HTMLTextAreaElement>('feeds').focus();
      return;
    }
    // Likewise a report target that is neither an email address nor an https page: named, and nothing saved.
    const reportTo = field<HTMLInputElement>('reportTo').value;
    doc.querySelector('#report-problem')!.textContent =
      reportTarget(reportTo) === null ? t('options_report_bad', reportTo.trim()) : '';
    if (reportTarget(reportTo) === null) {
      doc.querySelector('#saved')!.textContent = '';
      field<HTMLInputElement>('reportTo').focus();
      return;
    }
    const typed: Settings = readSettings({
      feeds: feedLines,
      reportTo,
      mode: form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'resources',
      archiveSuggestions: field<HTMLInputElement>('archiveSuggestions').checked,
      showUnverified: field<HTMLInputElement>('showUnverified').checked,
      allowPrivate: field<HTMLInputElement>('allowPrivate').checked,
      recheckHours: Number(field<HTMLInputElement>('recheckHours').value),
      offSites: field<HTMLTextAreaElement>('offSites')
        .value.split(/\s+/)
        .map((s) =>
          s
            .trim()
            .replace(/^https?:\/\//, '')
            .replace(/\/.*$/, ''),
        )
        .filter(Boolean),
    });
    // A locked setting keeps the user's own value underneath, for the day the policy no longer sets it.
    const next: Settings = { ...typed };
    for (const key of Object.keys(policy) as Array<keyof ManagedSettings>) Object.assign(next, { [key]: own[key] });
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    own = next;
    fill(inForce());
    doc.querySelector('#saved')!.textContent = t('options_saved');
    const feeds = inForce().feeds;
    showFeeds(feeds.length ? (await send('feedRefresh', {})).feeds : [], feeds);
  });

  doc.querySelector('#refresh-feeds')!.addEventListener('click', async () => {
    showFeeds((await send('feedRefresh', {})).feeds, inForce().feeds);
  });

  doc.querySelector('#clear')!.addEventListener('click', async () => {
    await send('cacheClear', {});
    await showStats();
  });
  doc.querySelector('#export')!.addEventListener('click', async () => {
    const { verdicts } = await send('cacheExport', {});
    const blob = new Blob([JSON.stringify(verdicts, null, 2)], { type: 'application/json' });
    const a = doc.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `still-there-verdicts-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  await showStats();
  let waiting: ReturnType<typeof setTimeout> | undefined;
  showFeeds((await send('feedStatus', {})).feeds, inForce().feeds);

  /** Each setting the policy sets: its controls disabled and marked, and one note saying why; the others free. */
  function lockManaged(managed: ManagedSettings): void {
    doc.querySelector<HTMLElement>('#locked-note')!.hidden = Object.keys(managed).length === 0;
    for (const key of MANAGEABLE) {
      const locked = Object.hasOwn(managed, key);
      const controls = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${key}"]`)];
      for (const control of controls) {
        control.disabled = locked;
        control.toggleAttribute('data-locked', locked);
      }
      // Beside the setting's own words: its fieldset's legend, or its checkbox's label.
      const place =
        controls[0]?.closest('fieldset')?.querySelector(`legend[data-lock-for~="${key}"]`) ??
        controls[0]?.closest('label');
      place?.querySelector('.lock')?.remove();
      if (place && locked) {
        const lock = doc.createElement('span');
        lock.className = 'lock';
        lock.textContent = ` (${t('options_locked')})`;
        place.append(lock);
      }
    }
  }

  /** One line a subscribed feed: its address, and what its last fetch brought (text only: the publisher's name is data). */
  function showFeeds(records: FeedRecord[], subscribed: string[]): void {
    // A feed not fetched yet (just subscribed, or set by policy as the browser started) is shown when it comes.
    clearTimeout(waiting);
    if (subscribed.some((url) => !records.some((r) => r.url === url && (r.okAt !== null || r.problem !== null)))) {
      waiting = setTimeout(async () => showFeeds((await send('feedStatus', {})).feeds, inForce().feeds), 1_000);
    }
    const list = doc.querySelector('#feed-status')!;
    list.replaceChildren(
      ...subscribed.map((url) => {
        const record = records.find((r) => r.url === url);
        const li = doc.createElement('li');
        const code = doc.createElement('code');
        code.textContent = url;
        li.append(code, ` — ${feedStatusText(record, inForce().feedKeys[url] ?? null)}`);
        if (record?.problem) li.classList.add('problem');
        return li;
      }),
    );
  }

  function fill(s: Settings): void {
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="mode"]'))
      radio.checked = radio.value === s.mode;
    field<HTMLInputElement>('archiveSuggestions').checked = s.archiveSuggestions;
    field<HTMLInputElement>('showUnverified').checked = s.showUnverified;
    field<HTMLInputElement>('allowPrivate').checked = s.allowPrivate;
    field<HTMLInputElement>('recheckHours').value = String(s.recheckHours);
    field<HTMLTextAreaElement>('offSites').value = s.offSites.join('\n');
    field<HTMLTextAreaElement>('feeds').value = s.feeds
      .map((url) => (s.feedKeys[url] ? `${url} ${s.feedKeys[url]}` : url))
      .join('\n');
    field<HTMLInputElement>('reportTo').value = s.reportTo;
  }

  async function showStats(): Promise<void> {
    const stats = await send('cacheStats', {});
    const v = stats.byVerdict;
    doc.querySelector('#stats')!.textContent = t(
      'options_stats',
      stats.records,
      v.alive ?? 0,
      v.moved ?? 0,
      v.dead ?? 0,
      v.unverified ?? 0,
      stats.queued,
    );
  }
}
