/**
 * A page as its first look reads it (src/page-marker/first-look.ts) and sends it to the background: the live page's
 * text, its links' labels, and its links' hrefs as written, read with a few native calls in the page. Here it becomes
 * what the page precheck asks of a page (page-precheck.ts). The page is read live, not sent as markup to be parsed
 * again: parsing 200 kB of markup cost the background about 30 ms of each ordinary page (bench/background-cost.ts),
 * several times what it saved the page.
 */
import { hostnameOf } from '../health/host.ts';
import type { PageReading } from '../messages.ts';
import type { PageText } from './page-precheck.ts';

/**
 * A reading as it arrives, checked: the first look sends it from the extension's own isolated world, but a
 * message's shape is never trusted. Null where it is not one.
 */
export function readingFrom(raw: unknown): PageReading | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { text, labels, hrefs } = raw as Record<string, unknown>;
  if (typeof text !== 'string' || typeof labels !== 'string' || !Array.isArray(hrefs)) return null;
  if (!hrefs.every((h): h is string => typeof h === 'string')) return null;
  return { text, labels, hrefs };
}

/** The reading as the precheck takes it; relative hrefs resolve against `base`, the page's base address. */
export function pageText(reading: PageReading, base: string): PageText {
  return {
    text: reading.text,
    labels: reading.labels,
    hrefs: () => reading.hrefs,
    resolve(raw) {
      try {
        return new URL(raw, base).href;
      } catch {
        return raw;
      }
    },
  };
}

/** Where the page's relative links lead: its own host, and its base address's when it has one and that differs. */
export function relativeLinkHosts(pageUrl: string, base: string): string[] {
  const hosts = [hostnameOf(pageUrl)];
  const baseHost = hostnameOf(base);
  if (baseHost !== '' && baseHost !== hosts[0]) hosts.push(baseHost);
  return hosts;
}
