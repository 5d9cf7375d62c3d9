/**
 * What an archive provider is to the rest of still-there (one module per archive, as dessant/web-archives does):
 * the form of its capture links, which every reader checks before a capture becomes a link, and the walk that finds
 * the last good capture of a dead link, which only the engine runs.
 */
import type { FetchOptions, Transport } from '../transport.ts';

/** An archived copy offered in place of a dead link. */
export interface ArchiveCapture {
  /** Built by us in the archive's one form of capture link (ArchiveLinks.captureLink), never copied from a response. */
  url: string;
  /** 14 digits, YYYYMMDDhhmmss (UTC). */
  timestamp: string;
  /**
   * The archive's id (ArchiveLinks.id). Absent in verdicts kept before archives were named; those are the Wayback
   * Machine's, the only archive then, and readers tell them by the form of their link.
   */
  provider?: string;
}

/** A capture's fields, every one (the compiler asks for a new one here): what a strict reader of a capture accepts. */
export const CAPTURE_FIELDS: Record<keyof ArchiveCapture, true> = { url: true, timestamp: true, provider: true };

/** What still-there knows of an archive without asking it: who it is and the one form of its capture links. */
export interface ArchiveLinks {
  /** Stored with each capture: short, stable, never shown. */
  readonly id: string;
  /** Its name in words: "not a Wayback Machine capture of the link". */
  readonly name: string;
  /** The link to its capture of `original` at `timestamp`; null when `timestamp` is not one of its timestamps. */
  captureLink(timestamp: string, original: string): string | null;
}

/** Finds archived copies: the engine asks each of its providers in turn (archives/index.ts). */
export interface ArchiveProvider {
  readonly links: ArchiveLinks;
  /** The last good capture of url taken at or before `before`, or null. Never throws. */
  lastGoodCapture(url: string, before: Date): Promise<ArchiveCapture | null>;
}

/**
 * What the engine hands a provider when it assembles one: its transport (every request waiting in the engine's
 * per-host queue, as the checks do) and its request limits.
 */
export interface ArchiveTools {
  transport: Transport;
  fetchOptions: FetchOptions;
}

/** An archive as the engine's configuration names it: made by the engine with the engine's own tools. */
export type ArchiveSource = (tools: ArchiveTools) => ArchiveProvider;
