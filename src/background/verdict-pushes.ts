/**
 * The background's end of the verdict channel (src/verdict-channel.ts): each reader's port, the addresses it waits
 * for, and the verdicts pushed to it as checks end — in small batches, one message per reader every 50 ms at most,
 * rather than one per link.
 */
import type { LinkHealth } from '../health/link-health.ts';
import { toLinkVerdict, toWire, type LinkVerdict, type Requests, type WireVerdict } from '../messages.ts';
import type { ChannelMessage, ChannelPort, ChannelRequest } from '../verdict-channel.ts';

const PUSH_BATCH_MS = 50;

/** Who asked, as the background's handlers know them (src/background/handlers.ts). */
export interface Asker {
  tabId: number | null;
  pageUrl: string | null;
}

type Answer = (
  request: Requests['lookup']['request'],
  asker: Asker,
) => Promise<{ verdicts: WireVerdict[]; queued: string[] }>;

interface Reader {
  port: ChannelPort;
  details: boolean;
  outbox: LinkVerdict[];
}

export class VerdictPushes {
  /** Address → the readers waiting for its next verdict. */
  readonly #waiting = new Map<string, Set<Reader>>();
  readonly #answer: Answer;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #dirty = new Set<Reader>();

  constructor(answer: Answer) {
    this.#answer = answer;
  }

  /** A reader connected: answer its requests and remember what it waits for until its port closes. */
  connect(port: ChannelPort, asker: Asker): void {
    const reader: Reader = { port, details: false, outbox: [] };
    port.onMessage.addListener((message) => {
      const m = message as Partial<ChannelRequest> | null;
      if (
        typeof m !== 'object' ||
        m === null ||
        m.type !== 'want' ||
        typeof m.id !== 'number' ||
        !Array.isArray(m.urls)
      )
        return;
      const id = m.id;
      reader.details ||= m.details === true;
      void this.#answer(
        {
          urls: m.urls.filter((u): u is string => typeof u === 'string'),
          ...(m.force ? { force: true } : {}),
          ...(m.details ? { details: true } : {}),
        },
        asker,
      ).then(
        ({ verdicts, queued }) => {
          for (const url of queued) {
            let readers = this.#waiting.get(url);
            if (!readers) this.#waiting.set(url, (readers = new Set()));
            readers.add(reader);
          }
          this.#post(reader, { type: 'known', id, verdicts, queued });
        },
        () => this.#post(reader, { type: 'known', id, verdicts: [], queued: [] }),
      );
    });
    port.onDisconnect.addListener(() => {
      for (const [url, readers] of this.#waiting) {
        readers.delete(reader);
        if (readers.size === 0) this.#waiting.delete(url);
      }
      this.#dirty.delete(reader);
    });
  }

  /** A check ended: its verdict goes to every reader waiting for it. */
  deliver(report: LinkHealth): void {
    const readers = this.#waiting.get(report.url);
    if (!readers) return;
    this.#waiting.delete(report.url);
    const verdict = toLinkVerdict(report);
    for (const reader of readers) {
      reader.outbox.push(verdict);
      this.#dirty.add(reader);
    }
    if (this.#timer === null) this.#timer = setTimeout(() => this.#flush(), PUSH_BATCH_MS);
  }

  #flush(): void {
    this.#timer = null;
    for (const reader of this.#dirty) {
      const verdicts = reader.outbox.map((v) => toWire(v, reader.details));
      reader.outbox = [];
      this.#post(reader, { type: 'verdicts', verdicts });
    }
    this.#dirty.clear();
  }

  #post(reader: Reader, message: ChannelMessage): void {
    try {
      reader.port.postMessage(message);
    } catch {
      // The reader's page closed between its question and our answer: nobody is waiting any more.
    }
  }
}
