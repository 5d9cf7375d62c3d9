import { describe, expect, it } from 'vitest';
import {
  FIRST_LOOK_FILE,
  keepPageScript,
  offSitePatterns,
  PAGE_SCRIPT_ID,
  pageScriptFor,
  pageScriptKeeper,
  type PageScript,
  type RegisteredScript,
  type RegistrationApi,
} from '../../src/background/page-script.ts';
import { lookAgainEverywhere, reachesOpenPages } from '../../src/background/first-look.ts';
import { CONTENT_SCRIPT_FILE } from '../../src/page-messages.ts';
import { DEFAULT_SETTINGS, isOffFor, type Settings } from '../../src/settings.ts';

const settings = (s: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...s });

/** The browser's registrations as a map, and every call made to them, in order. */
function fakeBrowser(initial: RegisteredScript[] = [], delayMs = 0) {
  const registered = new Map(initial.map((s) => [s.id, s]));
  const calls: string[] = [];
  const later = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), delayMs));
  const api: RegistrationApi = {
    scripting: {
      getRegisteredContentScripts: ({ ids }) => later(ids.flatMap((id) => registered.get(id) ?? [])),
      async registerContentScripts(scripts: PageScript[]) {
        calls.push('register');
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
        await later(undefined);
      },
      async updateContentScripts(scripts: PageScript[]) {
        calls.push('update');
        for (const s of scripts) registered.set(s.id, s);
        await later(undefined);
      },
      async unregisterContentScripts({ ids }) {
        calls.push('unregister');
        for (const id of ids) registered.delete(id);
        await later(undefined);
      },
    },
  };
  return { api, registered, calls };
}

describe('the sites turned off, as match patterns', () => {
  it('leave out each site and every host under it, by http or https', () => {
    expect(offSitePatterns(['epic.county-clinic.org'])).toEqual([
      '*://epic.county-clinic.org/*',
      '*://*.epic.county-clinic.org/*',
    ]);
  });

  it('cover exactly the hosts the settings turn off', () => {
    const offSites = ['county-clinic.org'];
    const patterns = offSitePatterns(offSites);
    // "*://*.site/*" is how both browsers match a site and the hosts under it: read here as they read it.
    const matched = (host: string) =>
      patterns.some((p) => {
        const h = p.slice('*://'.length, -'/*'.length);
        return h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h;
      });
    for (const host of [
      'county-clinic.org',
      'ehr.county-clinic.org',
      'a.b.county-clinic.org',
      'county-clinic.org.example',
      'notcounty-clinic.org',
    ])
      expect(matched(host), host).toBe(isOffFor(settings({ offSites }), host));
  });

  it('name an IPv4 address alone (no host is under it), and an IPv6 address in its brackets', () => {
    expect(offSitePatterns(['10.1.2.3', '[fd00::1]'])).toEqual(['*://10.1.2.3/*', '*://[fd00::1]/*']);
  });

  it('leave out entries no address can have as its host, which would make the browser refuse them all', () => {
    expect(
      offSitePatterns([
        'ehr.example.org:8443',
        'ehr.example.org/charts',
        'two words',
        '*.example.org',
        'bücher.de',
        '',
      ]),
    ).toEqual([]);
    // …which settings.ts's isOffFor never matches either: no page is turned off by them.
    expect(isOffFor(settings({ offSites: ['ehr.example.org:8443'] }), 'ehr.example.org')).toBe(false);
  });

  it('read each site once, whatever its case or spacing', () => {
    expect(offSitePatterns([' EHR.example.org', 'ehr.example.org'])).toEqual([
      '*://ehr.example.org/*',
      '*://*.ehr.example.org/*',
    ]);
  });
});

describe('the script the settings call for', () => {
  it('is the first look in every page but the sites turned off, after the page has loaded, kept across restarts', () => {
    expect(pageScriptFor(settings({ offSites: ['ehr.example.org'] }))).toEqual({
      id: PAGE_SCRIPT_ID,
      matches: ['<all_urls>'],
      excludeMatches: ['*://ehr.example.org/*', '*://*.ehr.example.org/*'],
      js: [FIRST_LOOK_FILE],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('is the marker itself when every link is marked, and none when marking is off', () => {
    expect(pageScriptFor(settings({ mode: 'all' }))?.js).toEqual([CONTENT_SCRIPT_FILE]);
    expect(pageScriptFor(settings({ mode: 'off' }))).toBeNull();
  });
});

describe("keeping the browser's registration", () => {
  it('registers it when there is none, and writes nothing when it is already right', async () => {
    const { api, calls } = fakeBrowser();
    expect(await keepPageScript(api, settings({}))).toBe('registered');
    expect(await keepPageScript(api, settings({}))).toBe('unchanged');
    expect(calls).toEqual(['register']);
  });

  it('reads a registration as a browser returns it (paths without "/", empty lists left out) as the same', async () => {
    const { api, calls } = fakeBrowser([{ id: PAGE_SCRIPT_ID, matches: ['<all_urls>'], js: ['page-look.js'] }]);
    expect(await keepPageScript(api, settings({}))).toBe('unchanged');
    expect(calls).toEqual([]);
  });

  it('updates it in place when the sites or the mode change, and removes it when marking is turned off', async () => {
    const { api, registered, calls } = fakeBrowser();
    await keepPageScript(api, settings({}));
    expect(await keepPageScript(api, settings({ offSites: ['ehr.example.org'] }))).toBe('updated');
    expect(registered.get(PAGE_SCRIPT_ID)?.excludeMatches).toHaveLength(2);
    expect(await keepPageScript(api, settings({}))).toBe('updated');
    expect(registered.get(PAGE_SCRIPT_ID)?.excludeMatches).toEqual([]);
    expect(await keepPageScript(api, settings({ mode: 'all' }))).toBe('updated');
    expect(registered.get(PAGE_SCRIPT_ID)?.js).toEqual([CONTENT_SCRIPT_FILE]);
    expect(await keepPageScript(api, settings({ mode: 'off' }))).toBe('removed');
    expect(registered.size).toBe(0);
    expect(await keepPageScript(api, settings({ mode: 'off' }))).toBe('unchanged');
    expect(calls).toEqual(['register', 'update', 'update', 'update', 'unregister']);
  });

  it('takes changes one at a time, in order: the last settings win, and no registration is made twice', async () => {
    const { api, registered } = fakeBrowser([], 5);
    const keep = pageScriptKeeper(api);
    const done = [
      keep(settings({})),
      keep(settings({ offSites: ['a.example'] })),
      keep(settings({ offSites: ['b.example'] })),
    ];
    expect(await Promise.all(done)).toEqual(['registered', 'updated', 'updated']);
    expect(registered.get(PAGE_SCRIPT_ID)?.excludeMatches).toEqual(['*://b.example/*', '*://*.b.example/*']);
  });

  it('goes on after a call the browser refused', async () => {
    const { api } = fakeBrowser();
    const keep = pageScriptKeeper({
      scripting: { ...api.scripting, registerContentScripts: () => Promise.reject(new Error('refused')) },
    });
    await expect(keep(settings({}))).rejects.toThrow('refused');
    await expect(keep(settings({ mode: 'off' }))).resolves.toBe('unchanged');
  });
});

describe('after a change of settings, an install or an update, the open pages', () => {
  const MARKS_CSS = 'assets/page-marker.css';

  /** Tabs whose top frame holds what `here` says, at `url`; records what is run in each. */
  function tabsWith(frames: { here: 'looked' | 'marker' | 'none'; url: string }[]) {
    const ran: string[] = [];
    const looked: string[] = [];
    const api = {
      tabs: { query: async () => frames.map(({ url }, id) => ({ id, url })) },
      runtime: { getManifest: () => ({ content_scripts: [{ matches: ['<all_urls>'], css: [MARKS_CSS] }] }) },
      scripting: {
        async insertCSS(injection: { target: { tabId: number; documentIds?: string[] }; files: string[] }) {
          ran.push(
            `${frames[injection.target.tabId]!.url} ${injection.files.join()} ${JSON.stringify(injection.target.documentIds)}`,
          );
        },
        async executeScript(injection: {
          target: { tabId: number; documentIds?: string[]; frameIds?: number[] };
          files?: string[];
        }) {
          const frame = frames[injection.target.tabId]!;
          if (injection.files) {
            ran.push(`${frame.url} ${injection.files.join()} ${JSON.stringify(injection.target.documentIds)}`);
            return [];
          }
          looked.push(frame.url);
          if (frame.url.startsWith('chrome:')) throw new Error('Cannot access a chrome:// URL');
          return [{ frameId: 0, documentId: `doc-${injection.target.tabId}`, result: frame }];
        },
      },
    };
    return { api, ran, looked };
  }

  it('get the script where none of ours runs yet, unless their site is off, which is not even looked at', async () => {
    const { api, ran, looked } = tabsWith([
      { here: 'none', url: 'https://county.example/quiet.html' },
      { here: 'none', url: 'https://ehr.example.org/patient.html' },
      { here: 'looked', url: 'https://news.example/' },
      { here: 'marker', url: 'https://nami.example/' },
      { here: 'none', url: 'chrome://settings/' },
    ]);
    await lookAgainEverywhere(api, settings({ offSites: ['ehr.example.org'] }), FIRST_LOOK_FILE);
    // The marks' stylesheet first: a page open since before the install has none of the manifest's.
    expect(ran).toEqual([
      `https://county.example/quiet.html ${MARKS_CSS} ["doc-0"]`,
      `https://county.example/quiet.html ${FIRST_LOOK_FILE} ["doc-0"]`,
    ]);
    // Nothing of ours runs in a site turned off (an EHR, by policy), not even the look at what is there.
    expect(looked).toEqual([
      'https://county.example/quiet.html',
      'https://news.example/',
      'https://nami.example/',
      'chrome://settings/',
    ]);
  });

  it('get nothing new when marking is off', async () => {
    const { api, ran } = tabsWith([{ here: 'none', url: 'https://county.example/quiet.html' }]);
    await lookAgainEverywhere(api, settings({ mode: 'off' }), null);
    expect(ran).toEqual([]);
  });
});

describe('the moments the open pages are reached besides a change of settings', () => {
  it('are an install and an update of the extension, not an update of the browser', () => {
    expect(reachesOpenPages('install')).toBe(true);
    expect(reachesOpenPages('update')).toBe(true);
    for (const reason of ['browser_update', 'chrome_update', 'shared_module_update'])
      expect(reachesOpenPages(reason)).toBe(false);
  });
});
