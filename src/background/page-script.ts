/**
 * Which of our scripts the browser runs in each page a clinician opens, registered with the browser
 * (scripting.registerContentScripts) rather than listed in the manifest, so that it follows the settings:
 *   - marking off: none at all;
 *   - the usual mode (resource links): the first look (src/page-marker/first-look.ts), which sends the page at once,
 *     everywhere but the sites turned off — an EHR, by policy, where nothing of ours runs, reads or sends anything;
 *   - every link: the marker itself (page-marker.js), as the first look would have had it run at once.
 * The first look used to ask the background before sending, so that a site turned off was never sent: the question
 * cost every other page a round trip with the background (tests/e2e/budgets.test.ts prints what a page costs). The
 * browser now leaves those sites out before any script of ours starts.
 */
import { CONTENT_SCRIPT_FILE } from '../page-messages.ts';
import type { Settings } from '../settings.ts';

/** The first look's file (entrypoints/page-look.ts). */
export const FIRST_LOOK_FILE = '/page-look.js';
/** The one script we register: its id with the browser. */
export const PAGE_SCRIPT_ID = 'still-there-page';

/** A registration as scripting.registerContentScripts takes it (the fields we set). */
export interface PageScript {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: boolean;
  persistAcrossSessions: boolean;
}

/** A registration as getRegisteredContentScripts returns it: browsers may leave out empty fields or the path's "/". */
export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
}

export interface RegistrationApi {
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
    registerContentScripts(scripts: PageScript[]): Promise<unknown>;
    updateContentScripts(scripts: PageScript[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
  };
}

/** A host name as URLs write it (lowercase ASCII labels; punycode for others), which a match pattern can name. */
const HOST_NAME = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
/** An IPv6 address as URLs write it, in brackets. */
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * The match patterns that leave out the sites turned off, as settings.ts's isOffFor reads them: the site and every
 * host under it, by http or https. An entry no URL's host can equal (a port, a path, spaces, letters a URL writes
 * in punycode) names no page isOffFor would turn off either, and gets no pattern: a browser refuses the whole
 * registration over one pattern it cannot read.
 */
export function offSitePatterns(offSites: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const entry of offSites) {
    const site = entry.trim().toLowerCase();
    if (IPV6.test(site)) patterns.add(`*://${site}/*`);
    if (!HOST_NAME.test(site)) continue;
    patterns.add(`*://${site}/*`);
    // "*." also matches the site itself in both browsers; an IPv4 address has no hosts under it to match.
    if (/[a-z_-]/.test(site.slice(site.lastIndexOf('.') + 1))) patterns.add(`*://*.${site}/*`);
  }
  return [...patterns];
}

/** The registration the settings call for, or null when marking is off (no script of ours in any page). */
export function pageScriptFor(settings: Pick<Settings, 'mode' | 'offSites'>): PageScript | null {
  if (settings.mode === 'off') return null;
  return {
    id: PAGE_SCRIPT_ID,
    matches: ['<all_urls>'],
    excludeMatches: offSitePatterns(settings.offSites),
    js: [settings.mode === 'all' ? CONTENT_SCRIPT_FILE : FIRST_LOOK_FILE],
    // After the page has loaded, so reading it never delays its first paint; the top frame, as a person reads it.
    runAt: 'document_idle',
    allFrames: false,
    // Registered once, kept by the browser across restarts: pages opened at start-up get it before the background
    // wakes. Chrome removes it when the extension is updated; keepPageScript registers it again at that start.
    persistAcrossSessions: true,
  };
}

/** The file the settings have run in each page (FIRST_LOOK_FILE or the marker's), or null where none runs. */
export function pageScriptFile(settings: Pick<Settings, 'mode' | 'offSites'>): string | null {
  return pageScriptFor(settings)?.js[0] ?? null;
}

const path = (file: string) => (file.startsWith('/') ? file : `/${file}`);
const sameList = (a: readonly string[] = [], b: readonly string[] = []) => {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sortedB[i]);
};

/** Whether the browser's registration is already the one wanted (compared as each browser returns it). */
function sameScript(have: RegisteredScript, want: PageScript): boolean {
  return (
    sameList(have.matches, want.matches) &&
    sameList(have.excludeMatches, want.excludeMatches) &&
    sameList((have.js ?? []).map(path), want.js.map(path))
  );
}

/**
 * Makes the browser's registration the one the settings call for: registered, updated in place (no moment in which
 * pages load with none), or removed. Nothing is written when it is already right, as at most of the background's
 * wakes. Returns what it did, for the log and the tests.
 */
export async function keepPageScript(
  api: RegistrationApi,
  settings: Pick<Settings, 'mode' | 'offSites'>,
): Promise<'registered' | 'updated' | 'removed' | 'unchanged'> {
  const want = pageScriptFor(settings);
  const [have] = await api.scripting.getRegisteredContentScripts({ ids: [PAGE_SCRIPT_ID] });
  if (!want) {
    if (!have) return 'unchanged';
    await api.scripting.unregisterContentScripts({ ids: [PAGE_SCRIPT_ID] });
    return 'removed';
  }
  if (!have) {
    await api.scripting.registerContentScripts([want]);
    return 'registered';
  }
  if (sameScript(have, want)) return 'unchanged';
  await api.scripting.updateContentScripts([want]);
  return 'updated';
}

/**
 * keepPageScript, one call at a time in the order asked: two changes of settings in quick succession must not
 * interleave their reads and writes of the registration and leave the older one in place.
 */
export function pageScriptKeeper(
  api: RegistrationApi,
): (settings: Pick<Settings, 'mode' | 'offSites'>) => Promise<string> {
  let last: Promise<unknown> = Promise.resolve();
  return (settings) => {
    const next = last.then(() => keepPageScript(api, settings));
    last = next.catch(() => undefined);
    return next;
  };
}
