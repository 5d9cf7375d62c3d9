/**
 * The one way verdicts reach the places that show them — a page's marks, the popup's cards, the "Audit this page"
 * report: a long-lived port to the background (runtime.connect). A reader asks for addresses and gets at once what
 * the background knows; the rest it queues, and pushes each verdict down the same port as its check ends. Nobody
 * asks again on a timer.
 *
 * The port is also how a reader learns that the background went away: a Chrome service worker is stopped after 30 s
 * idle, or may be stopped mid-queue, and its ports close. A reader still waiting for verdicts then connects again
 * (which starts the worker, which resumes its queue from IndexedDB) and asks for what it still waits for; one that
 * waits for nothing stays quiet until it needs the background again.
 */
import { isWireSummary } from './health/link-health.ts';
import { fromWire, type LinkVerdict, type WireVerdict } from './messages.ts';

export const VERDICT_CHANNEL = 'still-there:verdicts';

/** Reader → background. */
export interface ChannelRequest {
  type: 'want';
  /** Matches the answer to the question. */
  id: number;
  urls: string[];
  /** Check again even when a fresh verdict is known ("Check this link", "Re-check this page"). */
  force?: boolean;
  /** Carry each verdict's `detail` (the audit page shows it; a page's marks never do). */
  details?: boolean;
}

/**
 * Background → reader: the answer to one request — what is known, and which addresses were queued and will be
 * pushed when their checks end — or verdicts of checks that just ended.
 */
export type ChannelMessage =
  | { type: 'known'; id: number; verdicts: WireVerdict[]; queued: string[] }
  | { type: 'verdicts'; verdicts: WireVerdict[] };

/** The part of a runtime.Port the channel uses (Chrome's and Firefox's alike). */
export interface ChannelPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface VerdictChannelOptions {
  /** runtime.connect({ name: VERDICT_CHANNEL }); throws when the extension is gone from this page. */
  connect(): ChannelPort;
  /** Verdicts that arrive after `want` answered: checks that ended, and what a reconnection learnt. */
  onVerdicts(verdicts: LinkVerdict[]): void;
  details?: boolean;
  /** Called once when the extension can no longer be reached from here (updated, reloaded or removed). */
  onGone?(): void;
  /** Whether the extension is still there when the port closes (Chrome clears runtime.id in a page it left). */
  stillThere?(): boolean;
  /** First wait before connecting again after the port closed with verdicts still awaited; doubles up to 30 s. */
  reconnectMs?: number;
}

const MAX_RECONNECT_MS = 30_000;

/**
 * What the background knows now, and which of the addresses it queued (their verdicts come later). An address in
 * neither was not checked: more than the page may ask for at once (src/background/check-budget.ts).
 */
export interface ChannelAnswer {
  verdicts: LinkVerdict[];
  queued: string[];
}

export interface VerdictChannel {
  /**
   * What the background knows now for these addresses (normalised as it stores them); the others are queued and
   * arrive through `onVerdicts`.
   */
  want(urls: string[], options?: { force?: boolean }): Promise<ChannelAnswer>;
  /** Addresses the background queued for this reader whose verdict has not arrived yet. */
  awaited(): string[];
  close(): void;
}

export function openVerdictChannel(options: VerdictChannelOptions): VerdictChannel {
  const firstDelay = options.reconnectMs ?? 500;
  let port: ChannelPort | null = null;
  let nextId = 1;
  let delay = firstDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  let gone = false;
  const answers = new Map<number, { resolve(a: ChannelAnswer): void; reject(e: Error): void }>();
  const awaited = new Set<string>();

  function receive(message: unknown): void {
    const m = message as Partial<ChannelMessage> | null;
    if (typeof m !== 'object' || m === null || !Array.isArray(m.verdicts)) return;
    delay = firstDelay; // the background answers: the next outage starts its backoff afresh
    const verdicts = m.verdicts.filter(isWireSummary).map(fromWire);
    if (m.type === 'known' && typeof m.id === 'number') {
      const waiting = answers.get(m.id);
      answers.delete(m.id);
      const queued = (Array.isArray(m.queued) ? m.queued : []).filter((url): url is string => typeof url === 'string');
      for (const url of queued) awaited.add(url);
      waiting?.resolve({ verdicts, queued });
    } else if (m.type === 'verdicts') {
      for (const v of verdicts) if (!v.stale) awaited.delete(v.url);
      if (verdicts.length) options.onVerdicts(verdicts);
    }
  }

  function open(): ChannelPort | null {
    if (port || closed || gone) return port;
    try {
      port = options.connect();
    } catch {
      markGone();
      return null;
    }
    // In a page the extension has left, Chrome may hand out a port that never answers nor closes.
    if (options.stillThere && !options.stillThere()) {
      port = null;
      markGone();
      return null;
    }
    const mine = port;
    mine.onMessage.addListener(receive);
    mine.onDisconnect.addListener(() => {
      if (port !== mine) return;
      port = null;
      if (options.stillThere && !options.stillThere()) markGone();
      for (const [id, waiting] of answers) {
        answers.delete(id);
        waiting.reject(new Error('the background closed the channel'));
      }
      if (!closed && awaited.size > 0) scheduleReconnect();
    });
    return mine;
  }

  function scheduleReconnect(): void {
    if (reconnectTimer || closed || gone) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      const still = [...awaited];
      if (still.length === 0) return;
      void channel.want(still).then(
        ({ verdicts }) => verdicts.length && options.onVerdicts(verdicts),
        () => undefined,
      );
    }, delay);
    delay = Math.min(delay * 2, MAX_RECONNECT_MS);
  }

  function markGone(): void {
    if (gone) return;
    gone = true;
    options.onGone?.();
  }

  const channel: VerdictChannel = {
    want(urls, wantOptions = {}) {
      const p = open();
      if (!p) return Promise.reject(new Error('the extension cannot be reached from here'));
      const id = nextId++;
      const request: ChannelRequest = {
        type: 'want',
        id,
        urls,
        ...(wantOptions.force ? { force: true } : {}),
        ...(options.details ? { details: true } : {}),
      };
      return new Promise<ChannelAnswer>((resolve, reject) => {
        answers.set(id, { resolve, reject });
        try {
          p.postMessage(request);
        } catch (err) {
          // A port of an extension that left this page throws at once.
          answers.delete(id);
          markGone();
          reject(err as Error);
        }
      });
    },
    awaited: () => [...awaited],
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const p = port;
      port = null;
      p?.disconnect();
      for (const waiting of answers.values()) waiting.reject(new Error('closed'));
      answers.clear();
    },
  };
  return channel;
}
