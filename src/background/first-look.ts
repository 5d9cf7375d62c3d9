/**
 * The background's half of the first look (src/page-marker/first-look.ts). The browser runs the first look only on
 * sites not turned off (page-script.ts registers it so), and it sends the page as it read it at once; the marker is
 * run in the page only where a link could be a resource (src/first-look/page-precheck.ts), or where links were added
 * later. The patterns run here, once per page, instead of being compiled afresh in every page a clinician opens.
 * After a change of settings a quiet page asks before it sends again (its site may be off now): a site turned off (an
 * EHR, by policy) is told to stay quiet, and a page whose reading arrives from such a site all the same (it loaded in
 * the moment before the registration changed) is answered the same, and what it sent dropped unread.
 */
import { pageText, readingFrom, relativeLinkHosts } from '../first-look/page-reading.ts';
import { hostnameOf } from '../health/host.ts';
import { pageMayHoldResources } from '../first-look/page-precheck.ts';
import { LOOK_AGAIN_GLOBAL, LOOK_GLOBAL, stylesheetsOf, WAKE_GLOBAL } from '../page-messages.ts';
import { isOffFor, type Settings } from '../settings.ts';
import type { LookAnswer } from '../messages.ts';
import type { Asker } from './site-keys.ts';

/** The page that sent a first look, as the handlers see it (site-keys.ts's askerFrom). */
export type LookSender = Pick<Asker, 'tabId' | 'pageUrl' | 'frameId' | 'documentId'>;

export interface FrameTarget {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export interface FirstLookDeps {
  settings(): Promise<Settings>;
  /** Runs the marker in the frame; false where it could not run (the frame navigated away or closed). */
  runMarker(target: FrameTarget): Promise<boolean>;
}

/** What the page does next: stay quiet, have the marker run, or send itself as read, to be looked at. */
export type NextStep = 'quiet' | 'marker' | 'send';

/**
 * The next step for the page at `pageUrl`, from what its first look sent (`look`, as received): `{}` asks whether to
 * send the page, `{ page }` sends it as read, and `{ page: null }` says links were added, or the page was too big to
 * send whole.
 */
export function nextStep(settings: Settings, pageUrl: string, look: unknown): NextStep {
  // No address to judge the sites' settings by: the settings' "off" lists cannot name it.
  if (isOffFor(settings, hostnameOf(pageUrl))) return 'quiet';
  if (settings.mode === 'all') return 'marker';
  const { page, base } = (look ?? {}) as { page?: unknown; base?: unknown };
  if (page === undefined) return 'send';
  // Links were added, the page was too big to send whole, or the look is not one we know: link by link.
  const reading = readingFrom(page);
  if (reading === null) return 'marker';
  const baseAddress = typeof base === 'string' ? base : pageUrl;
  return pageMayHoldResources(pageText(reading, baseAddress), relativeLinkHosts(pageUrl, baseAddress))
    ? 'marker'
    : 'quiet';
}

/**
 * The answer to a first look from `sender`: a web page's own content script, in a tab. The extension's own pages
 * (pageUrl null) and a sender the browser gave no address or tab for are answered "nothing to do".
 */
export async function answerFirstLook(deps: FirstLookDeps, look: unknown, sender: LookSender): Promise<LookAnswer> {
  const { tabId, pageUrl } = sender;
  if (tabId === null || pageUrl === null || pageUrl === 'unknown:') return { marker: false, send: false };
  const next = nextStep(await deps.settings(), pageUrl, look);
  if (next !== 'marker') return { marker: false, send: next === 'send' };
  const target: FrameTarget = { tabId, frameId: sender.frameId ?? 0 };
  if (sender.documentId !== undefined) target.documentId = sender.documentId;
  return { marker: await deps.runMarker(target), send: false };
}

/** A page's document where the browser knows it (a navigation cannot swap it for another), else its top frame. */
type FilesTarget = { tabId: number; documentIds: string[] } | { tabId: number; frameIds: number[] };

interface ScriptingApi {
  tabs: { query(query: Record<string, never>): Promise<{ id?: number; url?: string }[]> };
  runtime: { getManifest(): Parameters<typeof stylesheetsOf>[0] };
  scripting: {
    executeScript(injection: {
      target: FilesTarget | { tabId: number };
      func?: (names: string[]) => FrameState;
      args?: [string[]];
      files?: string[];
    }): Promise<{ frameId?: number; documentId?: string; result?: unknown }[]>;
    insertCSS(injection: { target: FilesTarget; files: string[] }): Promise<unknown>;
  };
}

/** What a page's top frame holds of ours: a first look (asked to look again), the marker, or nothing yet. */
interface FrameState {
  here: 'looked' | 'marker' | 'none';
  url: string;
}

/**
 * Whether the pages already open are to be reached when the extension is installed (`reason` as runtime.onInstalled
 * gives it): at an install, the browser runs the script it registers only in pages loaded afterwards, so a list a
 * clinician had open would be marked only once reloaded; at an update, Chrome drops that registration and every page
 * keeps an old copy of the marker with nothing behind it (src/page-marker/hand-over.ts). An update of the browser
 * itself leaves the pages' scripts as they were.
 */
export function reachesOpenPages(reason: string): boolean {
  return reason === 'install' || reason === 'update';
}

/**
 * After the user or the policy changes which links are marked, or where, and when the extension is installed or
 * updated under open pages (reachesOpenPages):
 *   - every page a first look found quiet looks again (its look-again global, in the extension's isolated world);
 *   - a page with nothing of ours (its site was off, or marking was; the browser ran no script there) gets what the
 *     settings now run in pages (page-script.ts), unless its site is still off;
 *   - pages with a marker follow the change themselves.
 * `file`: the script the settings now run in pages (page-script.ts's pageScriptFile), null when marking is off.
 */
export async function lookAgainEverywhere(api: ScriptingApi, settings: Settings, file: string | null): Promise<void> {
  const tabs = await api.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map(async ({ id: tabId, url }) => {
      // A site turned off runs nothing of ours, not even this look at what is there: its pages' own copies, where
      // one runs, hear of the change themselves (a marker unmarks; a first look is told to stay quiet when it asks).
      // A tab whose address the browser does not tell us is one no extension may run in.
      if (tabId === undefined || url === undefined || isOffFor(settings, hostnameOf(url))) return;
      const frames = await api.scripting
        .executeScript({
          target: { tabId },
          // Runs in the page's top frame: it must not use anything from this module's scope.
          func: ([lookAgain, look, wake]: string[]): FrameState => {
            const globals = globalThis as Record<string, unknown>;
            const url = location.href;
            if (typeof globals[wake!] === 'function') return { here: 'marker', url };
            const again = globals[lookAgain!];
            if (typeof again === 'function') again();
            return { here: globals[look!] === undefined ? 'none' : 'looked', url };
          },
          args: [[LOOK_AGAIN_GLOBAL, LOOK_GLOBAL, WAKE_GLOBAL]],
        })
        .catch(() => []); // a page no extension may run in (the browser's own)
      const top = frames.find((f) => (f.frameId ?? 0) === 0);
      const state = top?.result as FrameState | undefined;
      if (!top || state?.here !== 'none' || file === null || isOffFor(settings, hostnameOf(state.url))) return;
      const target = top.documentId !== undefined ? { tabId, documentIds: [top.documentId] } : { tabId, frameIds: [0] };
      const stylesheets = stylesheetsOf(api.runtime.getManifest());
      try {
        if (stylesheets.length > 0) await api.scripting.insertCSS({ target, files: stylesheets });
        await api.scripting.executeScript({ target, files: [file] });
      } catch {
        // it navigated away
      }
    }),
  );
}
