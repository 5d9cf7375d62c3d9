/** The options page: reads and writes the settings, shows cache statistics, clears and exports the cache. */
import { browser } from 'wxt/browser';
import { localizePage, t } from '../i18n.ts';
import type { Requests, RequestName } from '../messages.ts';
import { readSettings, SETTINGS_KEY, type Settings } from '../settings.ts';

function send<K extends RequestName>(type: K, payload: Requests[K]['request']): Promise<Requests[K]['response']> {
  return browser.runtime.sendMessage({ type, payload }) as Promise<Requests[K]['response']>;
}

export async function startOptionsPage(doc: Document): Promise<void> {
  localizePage(doc);
  const form = doc.querySelector<HTMLFormElement>('#settings')!;
  const field = <T extends Element>(name: string) => form.elements.namedItem(name) as unknown as T;
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  fill(settings);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const next: Settings = readSettings({
      mode: (form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'resources'),
      archiveSuggestions: field<HTMLInputElement>('archiveSuggestions').checked,
      showUnverified: field<HTMLInputElement>('showUnverified').checked,
      allowPrivate: field<HTMLInputElement>('allowPrivate').checked,
      recheckHours: Number(field<HTMLInputElement>('recheckHours').value),
      offSites: field<HTMLTextAreaElement>('offSites')
        .value.split(/\s+/)
        .map((s) => s.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
        .filter(Boolean),
    });
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    fill(next);
    doc.querySelector('#saved')!.textContent = t('options_saved');
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

  function fill(s: Settings): void {
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === s.mode;
    field<HTMLInputElement>('archiveSuggestions').checked = s.archiveSuggestions;
    field<HTMLInputElement>('showUnverified').checked = s.showUnverified;
    field<HTMLInputElement>('allowPrivate').checked = s.allowPrivate;
    field<HTMLInputElement>('recheckHours').value = String(s.recheckHours);
    field<HTMLTextAreaElement>('offSites').value = s.offSites.join('\n');
  }

  async function showStats(): Promise<void> {
    const stats = await send('cacheStats', {});
    const v = stats.byVerdict;
    doc.querySelector('#stats')!.textContent = t('options_stats', stats.records, v.alive ?? 0, v.moved ?? 0, v.dead ?? 0, v.unverified ?? 0, stats.queued);
  }
}
