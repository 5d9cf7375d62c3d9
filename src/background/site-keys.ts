/**
 * Keyed hashes of the sites pages were on, so the store can tell which sites a link was checked for without ever
 * writing a site down: HMAC-SHA-256 of the page's registrable domain with a random key made at the first use and
 * kept in the extension's own storage, cut to 96 bits. Nobody without that key can tell which site a hash stands
 * for, and another extension profile hashes the same site differently.
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
  if (pageUrl === null) return null;
  try {
    const u = new URL(pageUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? siteOf(u) : null;
  } catch {
    return null;
  }
}
