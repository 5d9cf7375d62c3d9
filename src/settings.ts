/** The user's choices, in browser.storage.local, with the defaults a clinician gets on install. */

export type MarkingMode = 'resources' | 'all' | 'off';

export interface Settings {
  /** Which links are checked: mutual-aid resource links only (default), every link (editors), or none. */
  mode: MarkingMode;
  /** Sites (host names) where the extension does nothing at all. */
  offSites: string[];
  /** Offer an archived copy beside dead links. */
  archiveSuggestions: boolean;
  /** Draw a dotted underline under links that could not be verified. */
  showUnverified: boolean;
  /** Check links into localhost and private networks (never, by default). */
  allowPrivate: boolean;
  /** Recheck links known alive after this many hours (at most the built-in week). */
  recheckHours: number;
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'resources',
  offSites: [],
  archiveSuggestions: true,
  showUnverified: false,
  allowPrivate: false,
  recheckHours: 168,
};

export const SETTINGS_KEY = 'settings';

/** Whatever storage holds (an older version's shape, a hand edit), read back as valid settings. */
export function readSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof Settings, unknown>>;
  const mode = s.mode === 'all' || s.mode === 'off' || s.mode === 'resources' ? s.mode : DEFAULT_SETTINGS.mode;
  const hours = typeof s.recheckHours === 'number' && s.recheckHours >= 1 && s.recheckHours <= 24 * 30 ? s.recheckHours : DEFAULT_SETTINGS.recheckHours;
  return {
    mode,
    offSites: Array.isArray(s.offSites) ? s.offSites.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase()) : [],
    archiveSuggestions: typeof s.archiveSuggestions === 'boolean' ? s.archiveSuggestions : DEFAULT_SETTINGS.archiveSuggestions,
    showUnverified: typeof s.showUnverified === 'boolean' ? s.showUnverified : DEFAULT_SETTINGS.showUnverified,
    allowPrivate: typeof s.allowPrivate === 'boolean' ? s.allowPrivate : DEFAULT_SETTINGS.allowPrivate,
    recheckHours: hours,
  };
}

export function isOffFor(settings: Settings, hostname: string): boolean {
  const h = hostname.toLowerCase();
  return settings.mode === 'off' || settings.offSites.some((site) => h === site || h.endsWith(`.${site}`));
}
