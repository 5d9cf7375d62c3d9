/**
 * The archives still-there knows, and what is the same for all of them: whether a capture is one of theirs of a
 * given link (checked by every reader before a capture becomes a link: the page's marks, the audit page, a feed, the
 * audit's cache), and asking the engine's archives in turn. Adding an archive: its module beside wayback.ts (its
 * links and its walk), its ArchiveLinks in KNOWN_ARCHIVES, and its source in the fronts' engine configurations.
 */
import type { ArchiveCapture, ArchiveLinks, ArchiveProvider } from './provider.ts';
import { WAYBACK } from './wayback.ts';

/** Every archive whose captures may become links, in the order they are named. */
export const KNOWN_ARCHIVES: readonly ArchiveLinks[] = [WAYBACK];

/** "Wayback Machine", or "Wayback Machine or …" once there are more. */
export const KNOWN_ARCHIVE_NAMES = KNOWN_ARCHIVES.map((a) => a.name).join(' or ');

/**
 * The archive that made `capture`, when it is a capture of `url` in that archive's one form of link (its own when it
 * names one; a capture kept before archives were named is told by its link). Null for anything else.
 */
function archiveOf(
  capture: { url?: unknown; timestamp?: unknown; provider?: unknown },
  url: string,
): ArchiveLinks | null {
  if (typeof capture.timestamp !== 'string' || typeof capture.url !== 'string') return null;
  for (const archive of KNOWN_ARCHIVES) {
    if (capture.provider !== undefined && capture.provider !== archive.id) continue;
    if (capture.url === archive.captureLink(capture.timestamp, url)) return archive;
  }
  return null;
}

/** Whether `capture` is a capture of the link `url` by an archive we know: the test before any capture is linked. */
export function isCaptureOf(capture: ArchiveCapture, url: string): boolean {
  return archiveOf(capture, url) !== null;
}

/**
 * The capture in `raw` rebuilt, when it is a capture of `url` by an archive we know; else null. Its archive is named
 * as `raw` named it: a capture kept before archives were named stays as it was kept, and is told by its link.
 */
export function readCapture(raw: unknown, url: string): ArchiveCapture | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const archive = archiveOf(raw as Record<string, unknown>, url);
  if (!archive) return null;
  return copyCapture({ ...(raw as ArchiveCapture), url: archive.captureLink((raw as ArchiveCapture).timestamp, url)! });
}

/** A copy of a capture with its fields and nothing else. */
export function copyCapture(c: ArchiveCapture): ArchiveCapture {
  return c.provider === undefined
    ? { url: c.url, timestamp: c.timestamp }
    : { url: c.url, timestamp: c.timestamp, provider: c.provider };
}

/** The engine's archives as one: each asked in turn, the next only when those before it have nothing. */
export function inTurn(providers: readonly ArchiveProvider[]): Pick<ArchiveProvider, 'lastGoodCapture'> | null {
  if (providers.length === 0) return null;
  return {
    async lastGoodCapture(url, before) {
      for (const provider of providers) {
        const found = await provider.lastGoodCapture(url, before);
        if (found) return found;
      }
      return null;
    },
  };
}
