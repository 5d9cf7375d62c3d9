/**
 * Keyed hashes of the sites pages were on, so the store can tell which sites a link was checked for without ever
 * writing a site down: HMAC-SHA-256 of the page's site (pageSite) with a random key made at the first use and
 * kept in the extension's own storage, cut to 96 bits. Nobody without that key can tell which site a hash stands
 * for, and another extension profile hashes the same site differently.
 *
 * Only the extension's own pages (its chrome-extension: or moz-extension: origin, which only a person opens) see
 * every verdict; every other page, a file: page or one whose address the browser did not give included, is a site.
 */
import { siteOf } from '../health/site.ts';

export const SITE_KEY_SECRET = 'siteKeySecret';

export interface SecretStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createSiteKeys(storage: SecretStorage): (pageUrl: string | null) => Promise<string | null> {
  let key: Promise<CryptoKey> | null = null;
  const known = new Map<string, string>();
  const secret = async (): Promise<CryptoKey> => {
    const stored = (await storage.get(SITE_KEY_SECRET))[SITE_KEY_SECRET];
    let raw: Uint8Array<ArrayBuffer>;
    if (typeof stored === 'string' && stored.length >= 43)
      raw = Uint8Array.from(atob(stored), (c) => c.charCodeAt(0)) as Uint8Array<ArrayBuffer>;
    else {
      raw = crypto.getRandomValues(new Uint8Array(32));
      await storage.set({ [SITE_KEY_SECRET]: btoa(String.fromCharCode(...raw)) });
    }
    return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  };
  return async (pageUrl) => {
    const site = siteFrom(pageUrl);
    if (site === null) return null;
    const done = known.get(site);
    if (done) return done;
    key ??= secret();
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(site)));
    const hashed = btoa(String.fromCharCode(...mac.subarray(0, 12)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    known.set(site, hashed);
    return hashed;
  };
}

function siteFrom(pageUrl: string | null): string | null {
  return pageUrl === null ? null : pageSite(pageUrl);
}

/**
 * The site a page belongs to, for what it may see and how much it may ask: its registrable domain on the web; every
 * file: page together one site of their own (they can read one another); a blob: page its creator's site; any other
 * page its scheme and host. Never "none": that is the extension's own pages' alone (askerFrom).
 */
export function pageSite(pageUrl: string): string {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return 'unreadable:';
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') return siteOf(u);
  if (u.protocol === 'blob:') return pageSite(u.pathname);
  if (u.protocol === 'file:') return 'file:';
  return `${u.protocol}//${u.host}`;
}

/** Who sent a message or opened a port, as the background's handlers see them (src/background/handlers.ts). */
export interface Asker {
  tabId: number | null;
  /** The page that asked; null for the extension's own pages alone. */
  pageUrl: string | null;
  /** The frame that asked, in its tab (0: the top frame), where the browser says. */
  frameId?: number;
  /** Chrome's id of the very document that asked (Firefox has none): what runs there must not land on the next one. */
  documentId?: string;
}

/**
 * The asker of a message: the extension's own pages by their origin (`ourOrigin`, ending in "/"), and nothing else —
 * a sender the browser gave no address for is a page like any other, not one of ours.
 */
export function askerFrom(
  sender: { url?: string; tab?: { id?: number; url?: string }; frameId?: number; documentId?: string } | undefined,
  ourOrigin: string,
): Asker {
  const url = sender?.url ?? sender?.tab?.url ?? null;
  const ours = url !== null && url.startsWith(ourOrigin);
  const asker: Asker = { tabId: sender?.tab?.id ?? null, pageUrl: ours ? null : (url ?? 'unknown:') };
  if (sender?.frameId !== undefined) asker.frameId = sender.frameId;
  if (sender?.documentId !== undefined) asker.documentId = sender.documentId;
  return asker;
}
